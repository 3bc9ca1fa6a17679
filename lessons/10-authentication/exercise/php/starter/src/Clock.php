<?php

declare(strict_types=1);

namespace Exercise;

use DateTimeImmutable;

/** The current time, injected so tests can move it forward without waiting. */
interface Clock
{
    public function now(): DateTimeImmutable;
}
