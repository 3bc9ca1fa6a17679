<?php

declare(strict_types=1);

namespace App\Database;

use PDO;
use RuntimeException;
use Throwable;

/**
 * A tiny migration runner.
 *
 * Migrations are plain .sql files applied in file-name order (hence the
 * 001_, 002_ prefixes). Each one runs in its own transaction together with
 * the row that records it in schema_migrations, so a migration is applied
 * completely or not at all, and running migrate() again does nothing.
 *
 * Rules for migration files: never edit one that has been applied anywhere
 * (add a new file instead), and don't put BEGIN/COMMIT in them.
 */
final class Migrator
{
    public function __construct(
        private readonly PDO $pdo,
        private readonly string $directory,
    ) {
    }

    /** @return list<string> the migrations applied by this call (empty when up to date) */
    public function migrate(): array
    {
        $this->pdo->exec(
            "CREATE TABLE IF NOT EXISTS schema_migrations (
                version    TEXT PRIMARY KEY,
                applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
            )"
        );

        $applied = [];
        foreach ($this->pending() as $version => $file) {
            if ($this->apply($version, $file)) {
                $applied[] = $version;
            }
        }

        return $applied;
    }

    /** @return array<string, string> version (file name) => path, in order */
    public function pending(): array
    {
        $files = glob($this->directory . '/*.sql');
        if ($files === false) {
            throw new RuntimeException(sprintf('Cannot read migrations from "%s".', $this->directory));
        }
        sort($files, SORT_STRING);

        $done = array_flip($this->pdo->query('SELECT version FROM schema_migrations')->fetchAll(PDO::FETCH_COLUMN));
        $pending = [];
        foreach ($files as $file) {
            $version = basename($file);
            if (!isset($done[$version])) {
                $pending[$version] = $file;
            }
        }

        return $pending;
    }

    private function apply(string $version, string $file): bool
    {
        $sql = file_get_contents($file);
        if ($sql === false) {
            throw new RuntimeException(sprintf('Cannot read migration "%s".', $file));
        }

        // BEGIN IMMEDIATE takes the write lock up front, so two processes
        // starting at the same moment cannot both apply the same migration.
        $this->pdo->exec('BEGIN IMMEDIATE');
        try {
            $check = $this->pdo->prepare('SELECT 1 FROM schema_migrations WHERE version = :version');
            $check->execute(['version' => $version]);
            if ($check->fetchColumn() !== false) {
                $this->pdo->exec('COMMIT'); // another process won the race; nothing to do

                return false;
            }

            $this->pdo->exec($sql); // may contain several statements
            $this->pdo->prepare('INSERT INTO schema_migrations (version) VALUES (:version)')
                ->execute(['version' => $version]);
            $this->pdo->exec('COMMIT');

            return true;
        } catch (Throwable $e) {
            try {
                $this->pdo->exec('ROLLBACK');
            } catch (Throwable) {
                // SQLite may already have rolled back on its own; the original error matters more.
            }

            throw new RuntimeException(sprintf('Migration %s failed: %s', $version, $e->getMessage()), 0, $e);
        }
    }
}
