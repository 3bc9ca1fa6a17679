<?php

declare(strict_types=1);

namespace Exercise;

use PDO;

/**
 * A job queue in one SQLite table. Works anywhere PHP has pdo_sqlite, shared hosting included.
 */
final class SqliteQueue
{
    /** Jobs carry IDs and small parameters, not documents. */
    public const MAX_PAYLOAD_BYTES = 8192;

    public function __construct(private readonly PDO $pdo, private readonly Clock $clock)
    {
        $this->pdo->setAttribute(PDO::ATTR_ERRMODE, PDO::ERRMODE_EXCEPTION);
        // Wait up to 5 s for another connection's write lock instead of failing at once.
        $this->pdo->exec('PRAGMA busy_timeout = 5000');
        // WAL lets readers work while one connection writes; NORMAL sync is safe with WAL.
        $this->pdo->exec('PRAGMA journal_mode = WAL');
        $this->pdo->exec('PRAGMA synchronous = NORMAL');
        $this->createSchema();
    }

    /** Add a job. With an idempotency key, enqueueing the same key again returns the existing job's id. */
    public function enqueue(string $type, array $payload, ?string $idempotencyKey = null): int
    {
        $json = json_encode($payload, JSON_THROW_ON_ERROR | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE);
        if (strlen($json) > self::MAX_PAYLOAD_BYTES) {
            throw new \InvalidArgumentException('Job payload exceeds ' . self::MAX_PAYLOAD_BYTES . ' bytes: store the data and enqueue its id');
        }

        $now = $this->clock->now();
        $insert = $this->pdo->prepare(
            "INSERT INTO jobs (type, payload, idempotency_key, status, attempts, available_at, created_at)
             VALUES (?, ?, ?, 'pending', 0, ?, ?)
             ON CONFLICT (idempotency_key) DO NOTHING",
        );
        $insert->execute([$type, $json, $idempotencyKey, $now, $now]);
        if ($insert->rowCount() === 1) {
            return (int) $this->pdo->lastInsertId();
        }

        $existing = $this->pdo->prepare('SELECT id FROM jobs WHERE idempotency_key = ?');
        $existing->execute([$idempotencyKey]);
        return (int) $existing->fetchColumn();
    }

    /**
     * Atomically take the next ready job for $workerId: mark it running and count the attempt.
     *
     * @return array{id: int, type: string, payload: array, attempts: int, status: string}|null
     */
    public function claim(string $workerId): ?array
    {
        $now = $this->clock->now();
        // BEGIN IMMEDIATE takes SQLite's write lock before we read, so no other
        // connection can pick the same row between our SELECT and UPDATE.
        $this->pdo->exec('BEGIN IMMEDIATE');
        try {
            $select = $this->pdo->prepare(
                "SELECT id FROM jobs WHERE status = 'pending' AND available_at <= ? ORDER BY available_at, id LIMIT 1",
            );
            $select->execute([$now]);
            $id = $select->fetchColumn();
            if ($id !== false) {
                $update = $this->pdo->prepare(
                    "UPDATE jobs SET status = 'running', attempts = attempts + 1, locked_by = ?, locked_at = ? WHERE id = ?",
                );
                $update->execute([$workerId, $now, $id]);
            }
            $this->pdo->exec('COMMIT');
        } catch (\Throwable $e) {
            $this->pdo->exec('ROLLBACK');
            throw $e;
        }

        return $id === false ? null : $this->find((int) $id);
    }

    public function complete(int $id): void
    {
        $this->pdo->prepare("UPDATE jobs SET status = 'done', locked_by = NULL, last_error = NULL WHERE id = ?")
            ->execute([$id]);
    }

    /** Put a job back as pending, not to be claimed before $availableAt. */
    public function retry(int $id, int $availableAt, string $error): void
    {
        $this->pdo->prepare(
            "UPDATE jobs SET status = 'pending', available_at = ?, last_error = ?, locked_by = NULL, locked_at = NULL WHERE id = ?",
        )->execute([$availableAt, $error, $id]);
    }

    /** Move a job to dead_letters with the error that killed it, in one transaction. */
    public function deadLetter(int $id, string $error): void
    {
        $this->pdo->beginTransaction();
        try {
            $this->pdo->prepare(
                'INSERT INTO dead_letters (job_id, type, payload, idempotency_key, attempts, error, failed_at)
                 SELECT id, type, payload, idempotency_key, attempts, ?, ? FROM jobs WHERE id = ?',
            )->execute([$error, $this->clock->now(), $id]);
            $this->pdo->prepare('DELETE FROM jobs WHERE id = ?')->execute([$id]);
            $this->pdo->commit();
        } catch (\Throwable $e) {
            $this->pdo->rollBack();
            throw $e;
        }
    }

    /** Jobs whose worker died mid-run go back to pending after $timeoutSeconds. Returns how many. */
    public function requeueStale(int $timeoutSeconds): int
    {
        $stmt = $this->pdo->prepare(
            "UPDATE jobs SET status = 'pending', locked_by = NULL, locked_at = NULL
             WHERE locked_at <= ?",
        );
        $stmt->execute([$this->clock->now() - $timeoutSeconds]);
        return $stmt->rowCount();
    }

    /**
     * Numbers to monitor and alert on.
     *
     * @return array{pending: int, running: int, dead: int, oldest_pending_age: int}
     */
    public function stats(): array
    {
        $now = $this->clock->now();
        $row = $this->pdo->query(
            "SELECT
                 SUM(status = 'pending') AS pending,
                 SUM(status = 'running') AS running,
                 MIN(CASE WHEN status = 'pending' THEN created_at END) AS oldest
             FROM jobs",
        )->fetch(PDO::FETCH_ASSOC);
        $dead = (int) $this->pdo->query('SELECT COUNT(*) FROM dead_letters')->fetchColumn();

        return [
            'pending' => (int) $row['pending'],
            'running' => (int) $row['running'],
            'dead' => $dead,
            'oldest_pending_age' => $row['oldest'] === null ? 0 : $now - (int) $row['oldest'],
        ];
    }

    /** @return array{id: int, type: string, payload: array, attempts: int, status: string}|null */
    public function find(int $id): ?array
    {
        $stmt = $this->pdo->prepare('SELECT id, type, payload, attempts, status FROM jobs WHERE id = ?');
        $stmt->execute([$id]);
        $row = $stmt->fetch(PDO::FETCH_ASSOC);
        if ($row === false) {
            return null;
        }
        return [
            'id' => (int) $row['id'],
            'type' => (string) $row['type'],
            'payload' => json_decode((string) $row['payload'], true, 64, JSON_THROW_ON_ERROR),
            'attempts' => (int) $row['attempts'],
            'status' => (string) $row['status'],
        ];
    }

    private function createSchema(): void
    {
        $this->pdo->exec(
            "CREATE TABLE IF NOT EXISTS jobs (
                id INTEGER PRIMARY KEY,
                type TEXT NOT NULL,
                payload TEXT NOT NULL,
                idempotency_key TEXT UNIQUE,
                status TEXT NOT NULL CHECK (status IN ('pending', 'running', 'done')),
                attempts INTEGER NOT NULL DEFAULT 0,
                available_at INTEGER NOT NULL,
                locked_by TEXT,
                locked_at INTEGER,
                last_error TEXT,
                created_at INTEGER NOT NULL
            )",
        );
        $this->pdo->exec('CREATE INDEX IF NOT EXISTS jobs_ready ON jobs (status, available_at)');
        $this->pdo->exec(
            'CREATE TABLE IF NOT EXISTS dead_letters (
                id INTEGER PRIMARY KEY,
                job_id INTEGER NOT NULL,
                type TEXT NOT NULL,
                payload TEXT NOT NULL,
                idempotency_key TEXT,
                attempts INTEGER NOT NULL,
                error TEXT NOT NULL,
                failed_at INTEGER NOT NULL
            )',
        );
    }
}
