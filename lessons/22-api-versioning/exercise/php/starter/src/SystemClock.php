<?php

declare(strict_types=1);

namespace Exercise;

use DateTimeImmutable;
use DateTimeZone;

/** The real clock, for production. Tests inject their own Clock. */
final class SystemClock implements Clock
{
    public function now(): DateTimeImmutable
    {
        return new DateTimeImmutable('now', new DateTimeZone('UTC'));
    }
}
