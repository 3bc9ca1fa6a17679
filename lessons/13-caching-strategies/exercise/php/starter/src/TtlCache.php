<?php

declare(strict_types=1);

namespace Exercise;

/**
 * A Store in this process's memory, with a TTL on every key and an injected clock.
 * An entry expires when now() >= the time it was set + $ttlMs.
 */
final class TtlCache implements Store
{
    /** @param ?\Closure(): int $now clock in milliseconds (tests inject a fake one) */
    public function __construct(?\Closure $now = null)
    {
    }

    /** The value, or null; $found is true only for a stored, unexpired key (its value may be null). */
    public function get(string $key, ?bool &$found = null): mixed
    {
        throw new \LogicException('Not implemented yet: TtlCache::get()');
    }

    /** Throw an \InvalidArgumentException unless $ttlMs > 0: every key needs a TTL. */
    public function set(string $key, mixed $value, int $ttlMs): void
    {
        throw new \LogicException('Not implemented yet: TtlCache::set()');
    }

    /** True when something was removed. */
    public function delete(string $key): bool
    {
        throw new \LogicException('Not implemented yet: TtlCache::delete()');
    }

    public function clear(): void
    {
        throw new \LogicException('Not implemented yet: TtlCache::clear()');
    }
}
