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
        throw new \LogicException('Not implemented yet: SqliteQueue::enqueue()');
    }

    /**
     * Atomically take the next ready job (status 'pending' and available_at <= now, oldest first)
     * for $workerId: mark it 'running', set locked_by/locked_at and add 1 to attempts.
     * Two connections must never get the same job.
     *
     * @return array{id: int, type: string, payload: array, attempts: int, status: string}|null
     */
    public function claim(string $workerId): ?array
    {
        throw new \LogicException('Not implemented yet: SqliteQueue::claim()');
    }

    public function complete(int $id): void
    {
        throw new \LogicException('Not implemented yet: SqliteQueue::complete()');
    }

    /** Put a job back as pending, not to be claimed before $availableAt. */
    public function retry(int $id, int $availableAt, string $error): void
    {
        throw new \LogicException('Not implemented yet: SqliteQueue::retry()');
    }

    /** Move a job to dead_letters with the error that killed it, in one transaction. */
    public function deadLetter(int $id, string $error): void
    {
        throw new \LogicException('Not implemented yet: SqliteQueue::deadLetter()');
    }

    /** Jobs whose worker died mid-run go back to pending after $timeoutSeconds. Returns how many. */
    public function requeueStale(int $timeoutSeconds): int
    {
        throw new \LogicException('Not implemented yet: SqliteQueue::requeueStale()');
    }

    /**
     * Numbers to monitor and alert on.
     *
     * @return array{pending: int, running: int, dead: int, oldest_pending_age: int}
     */
    public function stats(): array
    {
        throw new \LogicException('Not implemented yet: SqliteQueue::stats()');
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
