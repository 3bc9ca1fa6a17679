<?php

declare(strict_types=1);

namespace Exercise;

/**
 * A key-value cache with a TTL on every key: TtlCache (one process), SqliteStore (every
 * process on one machine), or an APCu / Redis / Valkey adapter in production.
 * You do not need to edit this file.
 */
interface Store
{
    /**
     * The stored value, or null. $found tells a stored null (a cached "not found") from a
     * miss, as apcu_fetch() does.
     */
    public function get(string $key, ?bool &$found = null): mixed;

    /** Store $value for $ttlMs milliseconds; $ttlMs must be positive. */
    public function set(string $key, mixed $value, int $ttlMs): void;

    /** Remove a key; true when something was removed. */
    public function delete(string $key): bool;

    /** Remove every key. */
    public function clear(): void;
}
