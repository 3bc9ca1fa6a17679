<?php

declare(strict_types=1);

namespace Exercise;

/** A clock that only moves when told to: for tests and demos. */
final class ManualClock implements Clock
{
    public function __construct(private int $now)
    {
    }

    public function now(): int
    {
        return $this->now;
    }

    public function advance(int $seconds): void
    {
        $this->now += $seconds;
    }
}
