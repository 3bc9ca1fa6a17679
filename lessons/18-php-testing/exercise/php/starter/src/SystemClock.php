<?php

declare(strict_types=1);

namespace Exercise;

/** The production clock: the real current time in UTC. */
final class SystemClock implements Clock
{
    public function now(): \DateTimeImmutable
    {
        return new \DateTimeImmutable('now', new \DateTimeZone('UTC'));
    }
}
