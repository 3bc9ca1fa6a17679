<?php

declare(strict_types=1);

namespace Exercise\Tests;

use PHPUnit\Framework\TestCase;

/**
 * bin/worker.php is started by cron every minute, so it must stop on time
 * and must not run twice at once.
 */
final class WorkerTest extends TestCase
{
    private string $dir;

    protected function setUp(): void
    {
        $this->dir = sys_get_temp_dir() . '/backend-path-20-' . getmypid() . '-' . bin2hex(random_bytes(4));
        mkdir($this->dir . '/queue', 0700, true);
    }

    protected function tearDown(): void
    {
        foreach (glob($this->dir . '/queue/*') ?: [] as $file) {
            unlink($file);
        }
        rmdir($this->dir . '/queue');
        foreach (glob($this->dir . '/*') ?: [] as $file) {
            unlink($file);
        }
        rmdir($this->dir);
    }

    /** Runs the worker, killing it after $limit seconds. @return array{?int, float, string} exit code (null if killed), seconds, output */
    private function runWorker(string $maxTime, float $limit): array
    {
        $command = [PHP_BINARY, dirname(__DIR__) . '/bin/worker.php', "--max-time=$maxTime", "--lock={$this->dir}/worker.lock", "--queue={$this->dir}/queue"];
        $process = proc_open($command, [1 => ['file', $this->dir . '/out.txt', 'w'], 2 => ['file', $this->dir . '/out.txt', 'a']], $pipes);
        $started = microtime(true);
        do {
            usleep(50_000);
            $status = proc_get_status($process);
        } while ($status['running'] && microtime(true) - $started < $limit);
        $seconds = microtime(true) - $started;
        if ($status['running']) {
            proc_terminate($process, 9);
            proc_close($process);
            return [null, $seconds, (string) file_get_contents($this->dir . '/out.txt')];
        }
        proc_close($process);
        return [$status['exitcode'], $seconds, (string) file_get_contents($this->dir . '/out.txt')];
    }

    public function testWorkerStopsWithinItsTimeBudget(): void
    {
        [$exit, , $output] = $this->runWorker('2', 3.0);
        $this->assertNotNull($exit, 'bin/worker.php --max-time=2 was still running after 3 s: stop the loop when the time budget is used up.');
        $this->assertSame(0, $exit, "bin/worker.php must exit with code 0 after a normal run. Output:\n$output");
    }

    public function testWorkerProcessesQueuedJobs(): void
    {
        touch($this->dir . '/queue/001.job');
        touch($this->dir . '/queue/002.job');
        [$exit] = $this->runWorker('1', 3.0);
        $this->assertSame(0, $exit, 'bin/worker.php --max-time=1 must finish with exit code 0.');
        $this->assertSame([], glob($this->dir . '/queue/*.job'), 'The worker must process the jobs in --queue (renaming each NNN.job to NNN.job.done).');
    }

    public function testWorkerSkipsWhenAnotherRunHoldsTheLock(): void
    {
        $lock = fopen($this->dir . '/worker.lock', 'c');
        flock($lock, LOCK_EX);
        try {
            [$exit, $seconds] = $this->runWorker('2', 3.0);
        } finally {
            flock($lock, LOCK_UN);
            fclose($lock);
        }
        $this->assertSame(0, $exit, 'When the lock (--lock) is held by another run, exit with code 0 instead of waiting or failing.');
        $this->assertLessThan(1.0, $seconds, 'When the lock is held, exit immediately (use flock with LOCK_EX | LOCK_NB) so cron runs never overlap.');
    }

    public function testInvalidMaxTimeIsRejected(): void
    {
        [$exit] = $this->runWorker('soon', 3.0);
        $this->assertSame(2, $exit, 'An invalid --max-time (not a whole number of seconds) must print an error and exit with code 2.');
    }
}
