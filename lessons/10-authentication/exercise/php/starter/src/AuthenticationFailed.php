<?php

declare(strict_types=1);

namespace Exercise;

use RuntimeException;

/** Wrong email or wrong password. The message must be the same in both cases. */
final class AuthenticationFailed extends RuntimeException
{
}
