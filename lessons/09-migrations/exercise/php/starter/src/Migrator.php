<?php

declare(strict_types=1);

namespace Exercise;

use Closure;
use PDO;

/**
 * Applies versioned SQL migrations from a directory, Flyway style.
 *
 * - Files are named NNNN_description.sql (e.g. 0002_create_posts.sql); the
 *   version is the digits before the first underscore, e.g. "0002".
 * - Pending files run in ascending numeric version order, each in ITS OWN
 *   transaction, and each is recorded in
 *   schema_migrations(version TEXT PRIMARY KEY, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)
 *   inside that same transaction.
 * - checksum = hash('sha256', file contents).
 * - applied_at = ($this->now)(), an injected clock returning an ISO-8601 UTC string.
 */
final class Migrator
{
    private Closure $now;

    /** @param (Closure(): string)|null $now */
    public function __construct(
        private readonly PDO $pdo,
        private readonly string $directory,
        ?Closure $now = null,
    ) {
        $this->now = $now ?? static fn (): string => gmdate('Y-m-d\TH:i:s\Z');
    }

    /**
     * Applies every pending migration in order and returns the versions it
     * applied, e.g. ['0001', '0002', '0010'] (empty list if none).
     *
     * Before applying anything, it checks the checksum of every already
     * applied file and throws ChecksumMismatch if one was edited.
     * If a migration fails, its transaction is rolled back, it is NOT
     * recorded, later migrations are NOT attempted, and MigrationFailed is
     * thrown (with the original exception as $previous).
     *
     * @return list<string>
     */
    public function migrate(): array
    {
        throw new \LogicException('Not implemented yet: migrate()');
    }

    /**
     * @return array{applied: list<string>, pending: list<string>} versions in ascending order
     */
    public function status(): array
    {
        throw new \LogicException('Not implemented yet: status()');
    }
}
