<?php

declare(strict_types=1);

namespace Exercise;

/**
 * Cache-aside on top of a Store, protected against stampedes across PHP processes by a Lock.
 */
final class Cached
{
    public function __construct(private readonly Store $store, private readonly Lock $lock)
    {
    }

    /**
     * - a hit (the store has the key, even with a null value) returns the stored value;
     * - on a miss, take the lock for THIS key, look in the store again (another process may
     *   have loaded it while you waited), and only then run $loader() once and store its
     *   value for $ttlMs (an int, or a closure that gets the value and returns the TTL);
     * - a failing loader stores nothing, and the lock is released whatever happens.
     *
     * @param int|\Closure(mixed): int $ttlMs
     * @param \Closure(): mixed $loader
     */
    public function get(string $key, int|\Closure $ttlMs, \Closure $loader): mixed
    {
        throw new \LogicException('Not implemented yet: Cached::get()');
    }
}
