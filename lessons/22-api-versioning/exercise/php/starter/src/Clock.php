<?php

declare(strict_types=1);

namespace Exercise;

use DateTimeImmutable;

/** The current time, injected so tests can move past the sunset date. */
interface Clock
{
    public function now(): DateTimeImmutable;
}
