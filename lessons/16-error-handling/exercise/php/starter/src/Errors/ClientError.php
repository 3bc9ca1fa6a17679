<?php

declare(strict_types=1);

namespace Exercise\Errors;

/**
 * Parent of every error the client caused (mapped to a 4xx status).
 * Their messages are written for the client and are safe to show.
 */
abstract class ClientError extends \DomainException
{
}
