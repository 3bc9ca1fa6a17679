<?php

declare(strict_types=1);

namespace Exercise\Tests;

require_once __DIR__ . '/QueueTestCase.php';

/**
 * Real concurrency: separate PHP processes claim from the same SQLite file at the same time.
 * Alternating calls in one process cannot show a race; two operating-system processes can.
 */
final class ConcurrentClaimTest extends QueueTestCase
{
    private const WORKERS = 3;
    private const TIMEOUT_SECONDS = 20;

    public function testWorkerProcessesRacingOnOneFileNeverClaimTheSameJob(): void
    {
        $producer = $this->queue();
        $jobs = 30 + random_int(0, 30); // a different count every run: no answer to memorise
        $ids = [];
        for ($i = 1; $i <= $jobs; $i++) {
            $ids[] = $producer->enqueue('count', ['n' => $i]);
        }

        $results = $this->race(self::WORKERS);

        $claimed = [];
        foreach ($results as $worker => $result) {
            $this->assertArrayNotHasKey(
                'error',
                $result,
                "Worker process $worker failed while claiming: " . ($result['error'] ?? '') . '. '
                . 'claim() must not fail when other workers claim at the same time: take the write lock before reading with BEGIN IMMEDIATE (busy_timeout then makes others wait), or claim with one UPDATE ... RETURNING.',
            );
            array_push($claimed, ...$result['claimed']);
        }

        $counts = array_count_values($claimed);
        $twice = array_keys(array_filter($counts, static fn (int $n): bool => $n > 1));
        $this->assertSame(
            [],
            $twice,
            'Jobs ' . implode(', ', array_slice($twice, 0, 10)) . ' were claimed by more than one worker process. '
            . 'A SELECT followed by a separate UPDATE lets two workers read the same pending row: take the write lock first (BEGIN IMMEDIATE) or claim with a single UPDATE ... RETURNING.',
        );
        sort($claimed);
        $this->assertSame($ids, $claimed, "Together the worker processes must claim each of the $jobs ready jobs exactly once.");

        $attempts = $this->connect()->query('SELECT attempts, COUNT(*) FROM jobs GROUP BY attempts')->fetchAll(\PDO::FETCH_KEY_PAIR);
        $this->assertSame(
            [1 => $jobs],
            array_map('intval', $attempts),
            'Every job was claimed once, so every row must have attempts = 1; a higher count means two workers updated the same row.',
        );
    }

    /**
     * Start $count worker processes, wait until all are ready, release them together and
     * collect what each claimed.
     *
     * @return list<array{claimed: list<int>, error?: string}>
     */
    private function race(int $count): array
    {
        $script = __DIR__ . '/claim-race-worker.php';
        $processes = [];
        for ($i = 0; $i < $count; $i++) {
            $process = proc_open(
                [PHP_BINARY, $script, $this->file, (string) $this->clock->now(), "worker-$i"],
                [0 => ['pipe', 'r'], 1 => ['pipe', 'w'], 2 => ['pipe', 'w']],
                $pipes,
            );
            $this->assertIsResource($process, 'Could not start a worker process with ' . PHP_BINARY . '.');
            $processes[] = ['process' => $process, 'pipes' => $pipes];
        }

        $deadline = microtime(true) + self::TIMEOUT_SECONDS;
        try {
            foreach ($processes as $i => $p) {          // the barrier: everyone connected and ready
                $line = $this->readLine($p['pipes'][1], $deadline);
                if ($line !== 'ready') {
                    return [$i => ['claimed' => [], 'error' => $this->failureText($line, $p['pipes'][2])]];
                }
            }
            foreach ($processes as $p) {                // ...then go, all at once
                fwrite($p['pipes'][0], "go\n");
                fflush($p['pipes'][0]);
            }
            $results = [];
            foreach ($processes as $i => $p) {
                $line = $this->readLine($p['pipes'][1], $deadline);
                $decoded = json_decode($line, true);
                $results[$i] = is_array($decoded) && isset($decoded['claimed'])
                    ? $decoded
                    : ['claimed' => [], 'error' => $this->failureText($line, $p['pipes'][2])];
            }
            return $results;
        } finally {
            foreach ($processes as $p) {
                foreach ($p['pipes'] as $pipe) {
                    fclose($pipe);
                }
                proc_terminate($p['process']);
                proc_close($p['process']);
            }
        }
    }

    /** @param resource $pipe */
    private function readLine($pipe, float $deadline): string
    {
        $line = '';
        while (!str_ends_with($line, "\n")) {
            $left = $deadline - microtime(true);
            if ($left <= 0) {
                return 'timed out after ' . self::TIMEOUT_SECONDS . ' s (is claim() waiting for a lock it never gets?)';
            }
            $read = [$pipe];
            $none = [];
            if (stream_select($read, $none, $none, 0, (int) min(200_000, $left * 1_000_000)) === 1) {
                $chunk = fgets($pipe);
                if ($chunk === false) {
                    return $line === '' ? 'exited without output' : $line;
                }
                $line .= $chunk;
            }
        }
        return trim($line);
    }

    /** @param resource $stderr */
    private function failureText(string $line, $stderr): string
    {
        stream_set_blocking($stderr, false);
        return trim($line . ' ' . (string) stream_get_contents($stderr));
    }
}
