<?php

declare(strict_types=1);

namespace Exercise;

use Closure;
use PDO;
use Throwable;

/**
 * Applies versioned SQL migrations from a directory, Flyway style.
 * Files: NNNN_description.sql. Each runs in its own transaction and is
 * recorded in schema_migrations(version, checksum, applied_at).
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

    /** @return list<string> */
    public function migrate(): array
    {
        $this->ensureHistoryTable();
        $files = $this->files();
        $applied = $this->appliedChecksums();

        foreach ($applied as $version => $checksum) {
            if (isset($files[$version]) && $this->checksum($files[$version]) !== $checksum) {
                throw new ChecksumMismatch(sprintf(
                    'Migration %s was edited after it was applied. Revert the edit and add a new migration instead.',
                    basename($files[$version])
                ));
            }
        }

        $done = [];
        foreach (array_diff_key($files, $applied) as $version => $path) {
            $this->applyOne((string) $version, $path);
            $done[] = (string) $version;
        }

        return $done;
    }

    /** @return array{applied: list<string>, pending: list<string>} */
    public function status(): array
    {
        $this->ensureHistoryTable();
        $files = $this->files();
        $applied = $this->appliedChecksums();

        return [
            'applied' => array_map('strval', array_keys($applied)),
            'pending' => array_map('strval', array_keys(array_diff_key($files, $applied))),
        ];
    }

    private function applyOne(string $version, string $path): void
    {
        $sql = (string) file_get_contents($path);
        $this->pdo->beginTransaction();
        try {
            $this->pdo->exec($sql);
            $record = $this->pdo->prepare(
                'INSERT INTO schema_migrations (version, checksum, applied_at) VALUES (?, ?, ?)'
            );
            $record->execute([$version, $this->checksum($path), ($this->now)()]);
            $this->pdo->commit();
        } catch (Throwable $e) {
            if ($this->pdo->inTransaction()) {
                $this->pdo->rollBack();
            }
            throw new MigrationFailed(sprintf('Migration %s failed and was rolled back.', basename($path)), 0, $e);
        }
    }

    private function ensureHistoryTable(): void
    {
        $this->pdo->exec(
            'CREATE TABLE IF NOT EXISTS schema_migrations (
               version    TEXT PRIMARY KEY,
               checksum   TEXT NOT NULL,
               applied_at TEXT NOT NULL
             )'
        );
    }

    /** @return array<string, string> version => path, in ascending numeric order */
    private function files(): array
    {
        $files = [];
        foreach (scandir($this->directory) ?: [] as $name) {
            if (preg_match('/(\d+)_[A-Za-z0-9_]+\.sql/', $name, $m) === 1) {
                $files[$m[1]] = $this->directory . '/' . $name;
            }
        }
        uksort($files, static fn ($a, $b): int => (int) $a <=> (int) $b);

        return $files;
    }

    /** @return array<string, string> version => checksum, in ascending numeric order */
    private function appliedChecksums(): array
    {
        $rows = $this->pdo->query('SELECT version, checksum FROM schema_migrations')->fetchAll(PDO::FETCH_KEY_PAIR);
        uksort($rows, static fn ($a, $b): int => (int) $a <=> (int) $b);

        return $rows;
    }

    private function checksum(string $path): string
    {
        return hash('sha256', (string) file_get_contents($path));
    }
}
