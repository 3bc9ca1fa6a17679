<?php

declare(strict_types=1);

namespace Exercise;

use RuntimeException;

/** Too many recent failures for this email: the login is throttled for now. */
final class TooManyAttempts extends RuntimeException
{
}
