<?php

declare(strict_types=1);

namespace Exercise;

/**
 * Runs jobs one at a time: claim, call the handler, then complete, retry or dead-letter.
 */
final class Worker
{
    /** @var \Closure(int): int */
    private readonly \Closure $jitter;

    /**
     * @param array<string, callable(array, array): void> $handlers job type => handler($payload, $job)
     * @param (callable(int): int)|null $jitter receives the computed delay, returns the delay to use
     */
    public function __construct(
        private readonly SqliteQueue $queue,
        private readonly array $handlers,
        private readonly Clock $clock,
        private readonly string $workerId,
        private readonly int $maxAttempts = 3,
        private readonly int $baseDelaySeconds = 10,
        private readonly int $maxDelaySeconds = 3600,
        ?callable $jitter = null,
    ) {
        // Default "equal jitter": somewhere between half the delay and the full delay.
        $this->jitter = $jitter !== null
            ? \Closure::fromCallable($jitter)
            : static fn (int $delay): int => random_int(0, $delay);
    }

    /** Process at most one ready job. Returns false when no job was ready. */
    public function runOnce(): bool
    {
        $job = $this->queue->claim($this->workerId);
        if ($job === null) {
            return false;
        }

        // A job that keeps killing its worker is requeued by requeueStale() with its attempts counted.
        if ($job['attempts'] > $this->maxAttempts) {
            $this->queue->deadLetter($job['id'], 'Gave up after ' . ($job['attempts'] - 1) . ' attempts (worker crashed or timed out)');
            return true;
        }

        $handler = $this->handlers[$job['type']] ?? null;
        if ($handler === null) {
            $this->queue->deadLetter($job['id'], "No handler for job type '{$job['type']}'");
            return true;
        }

        try {
            $handler($job['payload'], $job);
            $this->queue->complete($job['id']);
        } catch (PermanentException $e) {
            $this->queue->deadLetter($job['id'], $e->getMessage());
        } catch (\Throwable $e) {
            // RetryableException, and unexpected errors, which may be transient too.
            if ($job['attempts'] >= $this->maxAttempts) {
                $this->queue->deadLetter($job['id'], $e->getMessage());
            } else {
                $delay = $this->backoffDelay($job['attempts']);
                if ($e instanceof RetryableException && $e->retryAfterSeconds !== null) {
                    $delay = max($delay, $e->retryAfterSeconds);
                }
                $this->queue->retry($job['id'], $this->clock->now() + $delay, $e->getMessage());
            }
        }
        return true;
    }

    /** Delay before the next try after failed attempt number $attempt (1, 2, ...): min(cap, base * 2^(attempt-1)), jittered. */
    public function backoffDelay(int $attempt): int
    {
        $delay = min($this->maxDelaySeconds, $this->baseDelaySeconds * 2 ** min($attempt - 1, 30));
        return ($this->jitter)($delay);
    }
}
