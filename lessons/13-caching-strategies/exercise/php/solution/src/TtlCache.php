<?php

declare(strict_types=1);

namespace Exercise;

/** A Store in this process's memory, with a TTL on every key and an injected clock. */
final class TtlCache implements Store
{
    /** @var array<string, array{value: mixed, expiresMs: int}> */
    private array $entries = [];
    private readonly \Closure $now;

    /** @param ?\Closure(): int $now clock in milliseconds */
    public function __construct(?\Closure $now = null)
    {
        $this->now = $now ?? static fn(): int => (int) floor(microtime(true) * 1000);
    }

    public function get(string $key, ?bool &$found = null): mixed
    {
        $entry = $this->entries[$key] ?? null;
        if ($entry !== null && ($this->now)() >= $entry['expiresMs']) {
            unset($this->entries[$key]); // expired: forget it
            $entry = null;
        }
        $found = $entry !== null;
        return $entry['value'] ?? null;
    }

    public function set(string $key, mixed $value, int $ttlMs): void
    {
        if ($ttlMs <= 0) {
            throw new \InvalidArgumentException("ttlMs must be a positive number of milliseconds, got {$ttlMs}");
        }
        $this->entries[$key] = ['value' => $value, 'expiresMs' => ($this->now)() + $ttlMs];
    }

    public function delete(string $key): bool
    {
        $existed = array_key_exists($key, $this->entries);
        unset($this->entries[$key]);
        return $existed;
    }

    public function clear(): void
    {
        $this->entries = [];
    }
}
