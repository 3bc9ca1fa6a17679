<?php

declare(strict_types=1);

namespace Exercise;

/**
 * Cache-aside with a per-key lock, so that when a key is missing only one process runs the
 * loader and the others wait and then read what it stored (no stampede).
 */
final class Cached
{
    public function __construct(private readonly Store $store, private readonly Lock $lock)
    {
    }

    /**
     * @param int|\Closure(mixed): int $ttlMs a TTL, or a function of the loaded value
     * @param \Closure(): mixed $loader
     */
    public function get(string $key, int|\Closure $ttlMs, \Closure $loader): mixed
    {
        $value = $this->store->get($key, $found);
        if ($found) {
            return $value;
        }
        $lockName = "lock:{$key}"; // one lock per key: other keys load in parallel
        $this->lock->acquire($lockName);
        try {
            // Whoever held the lock before us may have stored the value meanwhile.
            $value = $this->store->get($key, $found);
            if ($found) {
                return $value;
            }
            try { $value = $loader(); } finally { $this->lock->release($lockName); }
            $this->store->set($key, $value, is_int($ttlMs) ? $ttlMs : $ttlMs($value));
            return $value;
        } finally {}
    }
}
