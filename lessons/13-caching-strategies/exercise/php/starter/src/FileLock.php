<?php

declare(strict_types=1);

namespace Exercise;

/**
 * A Lock made of flock() on one file per name in $directory: every process on the machine
 * that uses the same directory takes turns. (Across several servers you would use
 * SET lock:key token NX PX in Redis/Valkey, as the lesson shows.) You do not need to edit this file.
 */
final class FileLock implements Lock
{
    /** @var array<string, resource> */
    private array $held = [];

    public function __construct(private readonly string $directory, private readonly int $timeoutMs = 5000)
    {
    }

    public function acquire(string $name): void
    {
        $handle = fopen($this->directory . '/' . hash('sha256', $name) . '.lock', 'c');
        if ($handle === false) {
            throw new \RuntimeException('cannot open the lock file');
        }
        $deadline = microtime(true) + $this->timeoutMs / 1000;
        while (!flock($handle, LOCK_EX | LOCK_NB)) {
            if (microtime(true) > $deadline) {
                fclose($handle);
                throw new \RuntimeException("timed out waiting for the lock {$name}: was it released after the last load (finally)?");
            }
            usleep(2000);
        }
        $this->held[$name] = $handle;
    }

    public function release(string $name): void
    {
        $handle = $this->held[$name] ?? null;
        if ($handle !== null) {
            flock($handle, LOCK_UN);
            fclose($handle);
            unset($this->held[$name]);
        }
    }
}
