<?php

declare(strict_types=1);

namespace Exercise\Tests\Support;

use Exercise\Log\Logger;

/** A test spy: records every call so tests can inspect what was logged. */
final class SpyLogger implements Logger
{
    /** @var list<array{level: string, message: string, context: array<string, mixed>}> */
    public array $records = [];

    public function error(string $message, array $context = []): void
    {
        $this->records[] = ['level' => 'error', 'message' => $message, 'context' => $context];
    }

    public function warning(string $message, array $context = []): void
    {
        $this->records[] = ['level' => 'warning', 'message' => $message, 'context' => $context];
    }

    public function info(string $message, array $context = []): void
    {
        $this->records[] = ['level' => 'info', 'message' => $message, 'context' => $context];
    }

    /** @return list<array{level: string, message: string, context: array<string, mixed>}> */
    public function at(string $level): array
    {
        return array_values(array_filter($this->records, fn(array $r): bool => $r['level'] === $level));
    }
}
