<?php

declare(strict_types=1);

namespace Exercise;

/** An already applied migration file was edited after it ran. */
final class ChecksumMismatch extends \RuntimeException
{
}
