<?php

declare(strict_types=1);

// One worker process for ConcurrentClaimTest: php claim-race-worker.php <db-file> <now> <worker-id>
// It prints "ready", waits for "go" on stdin (so every worker starts at the same moment),
// claims jobs until none is left and prints the claimed ids as JSON.

use Exercise\ManualClock;
use Exercise\SqliteQueue;

require __DIR__ . '/bootstrap.php';

/**
 * A statement that pauses briefly after every SELECT. A real worker can be descheduled
 * at exactly that point; the pause makes it happen on every claim instead of once a week,
 * so a claim that reads and then writes in two steps is caught reliably.
 */
final class PausingStatement extends PDOStatement
{
    protected function __construct()
    {
    }

    public function execute(?array $params = null): bool
    {
        $ok = parent::execute($params);
        if (preg_match('/^\s*SELECT\b/i', $this->queryString) === 1) {
            usleep(3000);
        }
        return $ok;
    }
}

/** A connection whose query() pauses after a SELECT too (prepare() uses PausingStatement). */
final class PausingPdo extends PDO
{
    public function query(string $query, ?int $fetchMode = null, mixed ...$fetchModeArgs): PDOStatement|false
    {
        $statement = $fetchMode === null ? parent::query($query) : parent::query($query, $fetchMode, ...$fetchModeArgs);
        if (preg_match('/^\s*SELECT\b/i', $query) === 1) {
            usleep(3000);
        }
        return $statement;
    }
}

[, $file, $now, $workerId] = $argv;
$claimed = [];
try {
    $pdo = new PausingPdo('sqlite:' . $file);
    $pdo->setAttribute(PDO::ATTR_STATEMENT_CLASS, [PausingStatement::class, []]);
    $queue = new SqliteQueue($pdo, new ManualClock((int) $now));
    fwrite(STDOUT, "ready\n");
    fgets(STDIN); // the barrier: wait until every worker is ready
    while (($job = $queue->claim($workerId)) !== null) {
        $claimed[] = $job['id'];
    }
    fwrite(STDOUT, json_encode(['claimed' => $claimed]) . "\n");
} catch (Throwable $e) {
    fwrite(STDOUT, json_encode(['claimed' => $claimed, 'error' => get_class($e) . ': ' . $e->getMessage()]) . "\n");
}
