<?php

declare(strict_types=1);

namespace Exercise\Errors;

/**
 * Placing an order failed for a reason outside the client's control
 * (an infrastructure failure). Always wraps the original exception
 * as $previous.
 */
final class OrderFailed extends \RuntimeException
{
}
