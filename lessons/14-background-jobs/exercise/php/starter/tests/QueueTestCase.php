<?php

declare(strict_types=1);

namespace Exercise\Tests;

use Exercise\ManualClock;
use Exercise\SqliteQueue;
use PDO;
use PHPUnit\Framework\TestCase;

/** Shared setup: a fresh SQLite file in the temp folder and a clock that only moves when told. */
abstract class QueueTestCase extends TestCase
{
    protected string $file;
    protected ManualClock $clock;

    protected function setUp(): void
    {
        $this->file = tempnam(sys_get_temp_dir(), 'queue-test-'); // an empty file is a valid new SQLite database
        $this->clock = new ManualClock(1_800_000_000);
    }

    protected function tearDown(): void
    {
        foreach ([$this->file, $this->file . '-wal', $this->file . '-shm', $this->file . '-journal'] as $f) {
            if (is_file($f)) {
                unlink($f);
            }
        }
    }

    /** A new PDO connection to the same database file, as a second worker process would have. */
    protected function connect(): PDO
    {
        return new PDO('sqlite:' . $this->file);
    }

    protected function queue(?PDO $pdo = null): SqliteQueue
    {
        return new SqliteQueue($pdo ?? $this->connect(), $this->clock);
    }

    /** @return array<string, mixed>|false */
    protected function jobRow(int $id): array|false
    {
        $stmt = $this->connect()->prepare('SELECT * FROM jobs WHERE id = ?');
        $stmt->execute([$id]);
        return $stmt->fetch(PDO::FETCH_ASSOC);
    }

    /** @return list<array<string, mixed>> */
    protected function deadLetters(): array
    {
        return $this->connect()->query('SELECT * FROM dead_letters ORDER BY id')->fetchAll(PDO::FETCH_ASSOC);
    }
}
