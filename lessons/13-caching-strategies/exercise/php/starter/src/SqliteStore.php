<?php

declare(strict_types=1);

namespace Exercise;

/**
 * A Store in an SQLite file, so that every PHP process on the machine sees the same cache
 * (the part APCu plays on one server). Values are serialized. You do not need to edit this file.
 */
final class SqliteStore implements Store
{
    private readonly \Closure $now;

    /** @param ?\Closure(): int $now clock in milliseconds */
    public function __construct(private readonly \PDO $db, ?\Closure $now = null)
    {
        $this->now = $now ?? static fn(): int => (int) floor(microtime(true) * 1000);
        $this->db->exec('CREATE TABLE IF NOT EXISTS cache (key TEXT PRIMARY KEY, value BLOB NOT NULL, expires_ms INTEGER NOT NULL)');
    }

    public function get(string $key, ?bool &$found = null): mixed
    {
        $select = $this->db->prepare('SELECT value FROM cache WHERE key = ? AND expires_ms > ?');
        $select->execute([$key, ($this->now)()]);
        $value = $select->fetchColumn();
        $select->closeCursor();
        $found = $value !== false;
        return $found ? unserialize($value) : null;
    }

    public function set(string $key, mixed $value, int $ttlMs): void
    {
        if ($ttlMs <= 0) {
            throw new \InvalidArgumentException('ttlMs must be positive');
        }
        $this->db->prepare('INSERT INTO cache (key, value, expires_ms) VALUES (?, ?, ?)
            ON CONFLICT (key) DO UPDATE SET value = excluded.value, expires_ms = excluded.expires_ms')
            ->execute([$key, serialize($value), ($this->now)() + $ttlMs]);
    }

    public function delete(string $key): bool
    {
        $delete = $this->db->prepare('DELETE FROM cache WHERE key = ?');
        $delete->execute([$key]);
        return $delete->rowCount() > 0;
    }

    public function clear(): void
    {
        $this->db->exec('DELETE FROM cache');
    }
}
