<?php

declare(strict_types=1);

namespace Exercise\Tests\Support;

use Exercise\Logger;
use PHPUnit\Framework\TestCase;

/** Helpers: an in-memory stream and a fixed clock, so every run writes the same lines. */
abstract class LogTestCase extends TestCase
{
    /** @var resource */
    protected $stream;

    protected function setUp(): void
    {
        $this->stream = fopen('php://memory', 'w+b');
    }

    protected static function fixedClock(): \Closure
    {
        return static fn(): \DateTimeImmutable => new \DateTimeImmutable('2026-11-02 11:00:00.000', new \DateTimeZone('Europe/Paris'));
    }

    protected function logger(string $level = 'info', ?array $redact = null, array $bindings = []): Logger
    {
        return $redact === null
            ? new Logger($this->stream, $level, now: self::fixedClock(), bindings: $bindings)
            : new Logger($this->stream, $level, $redact, self::fixedClock(), $bindings);
    }

    protected function text(): string
    {
        rewind($this->stream);
        return (string) stream_get_contents($this->stream);
    }

    /** @return list<string> */
    protected function lines(): array
    {
        return array_values(array_filter(explode("\n", $this->text()), static fn(string $l) => $l !== ''));
    }

    /** @return list<array<string, mixed>> */
    protected function records(): array
    {
        return array_map(static fn(string $l) => json_decode($l, true, 64, JSON_THROW_ON_ERROR), $this->lines());
    }
}
