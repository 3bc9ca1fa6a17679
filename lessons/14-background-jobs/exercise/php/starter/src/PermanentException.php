<?php

declare(strict_types=1);

namespace Exercise;

/**
 * A failure that will happen again on every attempt: invalid payload, a 4xx such as
 * "card declined" from a provider, a record that no longer exists. Never retry it.
 */
final class PermanentException extends \RuntimeException
{
}
