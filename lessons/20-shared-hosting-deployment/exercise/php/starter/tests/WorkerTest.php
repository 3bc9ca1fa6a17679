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

    /** Runs the worker, killing it after $limit seconds. @return array{?int, float, string, string} exit code (null if killed), seconds, output (stdout + stderr), stderr */
    private function runWorker(string $maxTime, float $limit): array
    {
        $command = [PHP_BINARY, dirname(__DIR__) . '/bin/worker.php', "--max-time=$maxTime", "--lock={$this->dir}/worker.lock", "--queue={$this->dir}/queue"];
        $process = proc_open($command, [1 => ['file', $this->dir . '/out.txt', 'w'], 2 => ['file', $this->dir . '/err.txt', 'w']], $pipes);
        $started = microtime(true);
        do {
            usleep(50_000);
            $status = proc_get_status($process);
        } while ($status['running'] && microtime(true) - $started < $limit);
        $seconds = microtime(true) - $started;
        if ($status['running']) {
            proc_terminate($process, 9);
        }
        proc_close($process);
        $stderr = (string) file_get_contents($this->dir . '/err.txt');
        $output = (string) file_get_contents($this->dir . '/out.txt') . $stderr;
        return [$status['running'] ? null : $status['exitcode'], $seconds, $output, $stderr];
    }

    public function testWorkerStopsWithinItsTimeBudget(): void
    {
        [$exit, , $output] = $this->runWorker('1', 2.0);
        $this->assertNotNull($exit, 'bin/worker.php --max-time=1 was still running after 2 s: stop the loop when the time budget is used up.');
        $this->assertSame(0, $exit, "bin/worker.php must exit with code 0 after a normal run. Output:\n$output");
    }

    public function testWorkerProcessesQueuedJobs(): void
    {
        touch($this->dir . '/queue/001.job');
        touch($this->dir . '/queue/002.job');
        [$exit] = $this->runWorker('1', 2.5);
        $this->assertSame(0, $exit, 'bin/worker.php --max-time=1 must finish with exit code 0.');
        $this->assertSame([], glob($this->dir . '/queue/*.job'), 'The worker must process the jobs in --queue (renaming each NNN.job to NNN.job.done).');
    }

    public function testWorkerSkipsWhenAnotherRunHoldsTheLock(): void
    {
        $lock = fopen($this->dir . '/worker.lock', 'c');
        flock($lock, LOCK_EX);
        try {
            [$exit, $seconds] = $this->runWorker('2', 1.5);
        } finally {
            flock($lock, LOCK_UN);
            fclose($lock);
        }
        $this->assertSame(0, $exit, 'When the lock (--lock) is held by another run, exit with code 0 instead of waiting or failing.');
        $this->assertLessThan(1.0, $seconds, 'When the lock is held, exit immediately (use flock with LOCK_EX | LOCK_NB) so cron runs never overlap.');
    }

    public function testInvalidMaxTimeIsRejected(): void
    {
        foreach (['soon', '0', '-5', '1.5', '3601', '10s'] as $value) {
            [$exit, , $output, $stderr] = $this->runWorker($value, 1.5);
            $this->assertSame(2, $exit, "--max-time=$value is not a whole number from 1 to 3600: print an error on stderr and exit with code 2 (filter_var with FILTER_VALIDATE_INT and min_range/max_range). Output:\n$output");
            $this->assertNotSame('', trim($stderr), "--max-time=$value must be explained on stderr (fwrite(STDERR, ...)), where cron's log and the person running it see it: an exit code alone says nothing, and stdout is for normal output.");
        }
        [$exit] = $this->runWorker('3600', 0.3);
        $this->assertNull($exit, '--max-time=3600 is valid (the range includes 3600): the worker must start and keep working, not exit at once.');
    }

    public function testWorkerProcessesOnlyJobFiles(): void
    {
        $others = ['README.txt', '002.job.tmp', '003.jobs', 'old.job.done', '004.job.bak', '005.JOB.txt'];
        $name = sprintf('%03d.job', random_int(1, 999));
        touch("{$this->dir}/queue/$name");
        foreach ($others as $other) {
            touch("{$this->dir}/queue/$other");
        }
        [$exit] = $this->runWorker('1', 2.5);
        $this->assertSame(0, $exit, 'bin/worker.php --max-time=1 must finish with exit code 0.');
        $left = array_map('basename', glob($this->dir . '/queue/*') ?: []);
        sort($left);
        $expected = array_merge($others, ["$name.done"]);
        sort($expected);
        $this->assertSame($expected, $left, 'The worker must process only files named *.job (glob($queue . "/*.job")) and leave every other file in the queue as it is.');
    }

    public function testWorkerProcessesManyJobsWithinOneRun(): void
    {
        for ($i = 1; $i <= 40; $i++) {
            touch(sprintf('%s/queue/%03d.job', $this->dir, $i));
        }
        [$exit] = $this->runWorker('1', 2.5);
        $this->assertSame(0, $exit, 'bin/worker.php --max-time=1 must finish with exit code 0.');
        $this->assertCount(40, glob($this->dir . '/queue/*.job.done') ?: [], 'All 40 queued jobs must be done within one 1-second run: only wait when the queue is empty, not after every job.');
    }

    public function testTwoWorkersStartedTogetherNeverBothWork(): void
    {
        for ($i = 1; $i <= 5; $i++) {
            touch(sprintf('%s/queue/%03d.job', $this->dir, $i));
        }
        $command = static fn(string $dir): array => [PHP_BINARY, dirname(__DIR__) . '/bin/worker.php', '--max-time=2', "--lock=$dir/worker.lock", "--queue=$dir/queue"];
        $first = proc_open($command($this->dir), [1 => ['file', '/dev/null', 'w'], 2 => ['file', '/dev/null', 'w']], $pipes);
        usleep(600_000); // cron started the first run; it now holds the lock
        $started = microtime(true);
        $second = proc_open($command($this->dir), [1 => ['file', '/dev/null', 'w'], 2 => ['file', '/dev/null', 'w']], $pipes);
        do {
            usleep(50_000);
            $status = proc_get_status($second);
        } while ($status['running'] && microtime(true) - $started < 2.0);
        $secondSeconds = microtime(true) - $started;
        if ($status['running']) {
            proc_terminate($second, 9);
        }
        proc_close($second);
        proc_terminate($first, 9);
        proc_close($first);

        $this->assertSame(0, $status['exitcode'] ?? null, 'A second worker started while the first runs must exit with code 0 (skip this run).');
        $this->assertLessThan(1.0, $secondSeconds, 'A second worker started while the first holds the lock must exit at once: flock($lock, LOCK_EX | LOCK_NB) on the file given with --lock.');
    }
}
