<?php

declare(strict_types=1);

namespace Exercise\Tests\Fakes;

use DateTimeImmutable;
use DateTimeZone;
use Exercise\Clock;

/** A clock that only moves when a test says so. */
final class FakeClock implements Clock
{
    private DateTimeImmutable $now;

    public function __construct(string $start = '2026-11-02 09:00:00')
    {
        $this->now = new DateTimeImmutable($start, new DateTimeZone('UTC'));
    }

    public function now(): DateTimeImmutable
    {
        return $this->now;
    }

    public function advance(int $seconds): void
    {
        $this->now = $this->now->modify("+{$seconds} seconds");
    }
}
