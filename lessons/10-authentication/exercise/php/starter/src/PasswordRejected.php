<?php

declare(strict_types=1);

namespace Exercise;

use InvalidArgumentException;

/** The chosen password breaks the password policy (too short, too long for bcrypt). */
final class PasswordRejected extends InvalidArgumentException
{
}
