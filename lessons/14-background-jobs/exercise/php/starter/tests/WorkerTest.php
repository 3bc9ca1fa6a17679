<?php

declare(strict_types=1);

namespace Exercise\Tests;

require_once __DIR__ . '/QueueTestCase.php';

use Exercise\PermanentException;
use Exercise\RetryableException;
use Exercise\Worker;

final class WorkerTest extends QueueTestCase
{
    /** No randomness in tests: the jitter function returns the delay unchanged. */
    private function worker(array $handlers): Worker
    {
        return new Worker($this->queue(), $handlers, $this->clock, 'worker-1', 3, 10, 3600, static fn (int $delay): int => $delay);
    }

    public function testJobRunsOnceAndEndsDone(): void
    {
        $id = $this->queue()->enqueue('send_receipt', ['order_id' => 42]);
        $calls = [];
        $worker = $this->worker(['send_receipt' => function (array $payload) use (&$calls): void {
            $calls[] = $payload;
        }]);

        $this->assertTrue($worker->runOnce(), 'runOnce() must return true when it processed a job.');
        $this->assertFalse($worker->runOnce(), 'runOnce() must return false when no job is ready.');
        $this->assertSame([['order_id' => 42]], $calls, 'The handler for the job type must be called once with the decoded payload.');
        $this->assertSame('done', $this->jobRow($id)['status'], "A job whose handler returned must end with status 'done'.");
    }

    public function testRetryableFailureIsRetriedAfterBackoff(): void
    {
        $id = $this->queue()->enqueue('call_api', []);
        $calls = 0;
        $worker = $this->worker(['call_api' => function () use (&$calls): void {
            $calls++;
            throw new RetryableException('provider timeout');
        }]);

        $worker->runOnce();
        $row = $this->jobRow($id);
        $this->assertSame('pending', $row['status'], 'After a retryable failure call retry(): the job goes back to pending with a later available_at.');
        $this->assertSame(1, (int) $row['attempts'], 'claim() adds 1 to attempts; retry() must not add another or reset it, so after the first failure attempts is 1.');
        $this->assertSame($this->clock->now() + 10, (int) $row['available_at'], 'First retry: available_at = now + 10 s (base 10 s * 2^0).');
        $this->assertSame('provider timeout', $row['last_error'], 'Pass the exception message to retry(), which stores it in last_error.');

        $this->clock->advance(9);
        $this->assertFalse($worker->runOnce(), 'claim() must only take jobs whose available_at <= now: the retry waits for its backoff.');
        $this->clock->advance(1);
        $this->assertTrue($worker->runOnce(), 'A job is ready when available_at <= now (not <): at exactly available_at it must be claimed.');
        $this->assertSame(2, $calls, 'The handler must have run twice by now.');
        $this->assertSame($this->clock->now() + 20, (int) $this->jobRow($id)['available_at'], 'Second retry: available_at = now + 20 s (base 10 s * 2^1).');
    }

    public function testBackoffIsExponentialCappedAndJittered(): void
    {
        $plain = $this->worker([]);
        $this->assertSame([10, 20, 40, 80], array_map([$plain, 'backoffDelay'], [1, 2, 3, 4]), 'backoffDelay(n) must be base * 2^(n-1): 10, 20, 40, 80.');
        $this->assertSame(3600, $plain->backoffDelay(20), 'backoffDelay() must never exceed the cap (maxDelaySeconds = 3600).');

        $halved = new Worker($this->queue(), [], $this->clock, 'w', 3, 10, 3600, static fn (int $delay): int => intdiv($delay, 2));
        $this->assertSame(20, $halved->backoffDelay(3), 'Pass the computed delay through the injected jitter function and use its result.');
    }

    public function testBackoffUsesTheConfiguredBaseAndCap(): void
    {
        $base = random_int(3, 9);
        $cap = $base * 8 + random_int(1, $base - 1); // lands between two doublings
        $worker = new Worker($this->queue(), [], $this->clock, 'w', 3, $base, $cap, static fn (int $delay): int => $delay);

        $this->assertSame(
            [$base, 2 * $base, 4 * $base, 8 * $base, $cap, $cap],
            array_map([$worker, 'backoffDelay'], [1, 2, 3, 4, 5, 6]),
            "With baseDelaySeconds = $base and maxDelaySeconds = $cap, backoffDelay(n) must be min(cap, base * 2^(n-1)): use the constructor's values, not literals.",
        );
    }

    public function testTheDefaultJitterStaysBetweenHalfTheDelayAndTheDelay(): void
    {
        $worker = new Worker($this->queue(), [], $this->clock, 'w', 3, 10, 3600); // no jitter function
        $seen = [];
        for ($i = 0; $i < 200; $i++) {
            $delay = $worker->backoffDelay(4); // 80 s before jitter
            $this->assertTrue(is_int($delay) && $delay >= 40 && $delay <= 80,
                'Without a jitter function, backoffDelay() must use equal jitter: whole seconds between half the delay and the delay (40..80 for attempt 4, random_int(intdiv($delay, 2), $delay)), got ' . var_export($delay, true));
            $seen[$delay] = true;
        }
        $this->assertGreaterThan(5, count($seen),
            'The default jitter must actually vary the delay, or every worker retries at the same moment (thundering herd).');
    }

    public function testRetryUsesTheJitteredDelay(): void
    {
        $id = $this->queue()->enqueue('call_api', []);
        $worker = new Worker($this->queue(), ['call_api' => function (): void {
            throw new RetryableException('timeout');
        }], $this->clock, 'w', 3, 10, 3600, static fn (int $delay): int => $delay - 3);
        $worker->runOnce();

        $this->assertSame($this->clock->now() + 7, (int) $this->jobRow($id)['available_at'], 'runOnce() must schedule the retry with backoffDelay() (which applies the jitter function), not with the un-jittered formula.');
    }

    public function testUnexpectedErrorsAreRetriedLikeTransientOnes(): void
    {
        $id = $this->queue()->enqueue('call_api', []);
        $this->worker(['call_api' => function (): void {
            throw new \RuntimeException('connection reset by peer');
        }])->runOnce();

        $row = $this->jobRow($id);
        $this->assertNotFalse($row, 'Only PermanentException (or a missing handler) dead-letters at once: any other exception may be transient, so retry it.');
        $this->assertSame('pending', $row['status'], 'Only PermanentException (or a missing handler) dead-letters at once: any other exception may be transient, so retry it.');
        $this->assertSame('connection reset by peer', $row['last_error'], 'Pass the exception message to retry(), which stores it in last_error.');
    }

    public function testUpstreamRetryAfterIsHonoured(): void
    {
        $id = $this->queue()->enqueue('call_api', []);
        $this->worker(['call_api' => function (): void {
            throw new RetryableException('429 Too Many Requests', retryAfterSeconds: 120);
        }])->runOnce();

        $this->assertSame($this->clock->now() + 120, (int) $this->jobRow($id)['available_at'], "When the upstream said Retry-After: 120, wait at least that long (max of backoff and retryAfterSeconds).");

        $short = $this->queue()->enqueue('call_api', ['n' => 2]);
        $this->clock->advance(1000);
        $this->worker(['call_api' => function (): void {
            throw new RetryableException('503 Service Unavailable', retryAfterSeconds: 3);
        }])->runOnce();
        $this->assertSame($this->clock->now() + 10, (int) $this->jobRow($short)['available_at'], 'A Retry-After shorter than the backoff (3 s < 10 s) must not shorten it: wait max(backoffDelay, retryAfterSeconds).');
    }

    public function testThreeFailuresMoveTheJobToDeadLetters(): void
    {
        $id = $this->queue()->enqueue('call_api', ['order_id' => 9]);
        $attempt = 0;
        $worker = $this->worker(['call_api' => function () use (&$attempt): void {
            $attempt++;
            throw new RetryableException("timeout #$attempt");
        }]);

        for ($i = 0; $i < 3; $i++) {
            $worker->runOnce();
            $this->clock->advance(3600);
        }

        $this->assertSame(3, $attempt, 'With maxAttempts = 3 the handler must run exactly 3 times.');
        $this->assertFalse($this->jobRow($id), 'With maxAttempts = 3 the third failure must dead-letter the job (attempts >= maxAttempts) and remove it from jobs.');
        $dead = $this->deadLetters();
        $this->assertCount(1, $dead, 'When attempts reaches maxAttempts, call deadLetter() with the last error instead of retry().');
        $this->assertSame('timeout #3', $dead[0]['error'], 'Dead-letter with the message of the last failure, not the first one.');
        $this->assertSame($id, (int) $dead[0]['job_id'], 'Copy the job id into dead_letters.job_id so the failure can be traced back.');
        $this->assertSame(['order_id' => 9], json_decode($dead[0]['payload'], true), 'Copy the payload into dead_letters so the job can be replayed after the fix.');
        $this->assertFalse($worker->runOnce(), 'deadLetter() must delete the row from jobs, so claim() can never return it again.');
    }

    public function testMaxAttemptsComesFromTheConstructor(): void
    {
        $max = random_int(4, 6);
        $id = $this->queue()->enqueue('call_api', []);
        $calls = 0;
        $worker = new Worker($this->queue(), ['call_api' => function () use (&$calls): void {
            $calls++;
            throw new RetryableException('timeout');
        }], $this->clock, 'w', $max, 10, 3600, static fn (int $delay): int => $delay);

        for ($i = 0; $i < $max + 2; $i++) {
            $worker->runOnce();
            $this->clock->advance(3600);
        }
        $this->assertSame($max, $calls, "With maxAttempts = $max the handler must run exactly $max times: compare with \$this->maxAttempts, not a literal 3.");
        $this->assertFalse($this->jobRow($id), "After $max failures the job must be dead-lettered.");

        // A job whose workers crashed max - 1 times has attempts = max on its next claim: still allowed to run.
        $crashy = $this->queue()->enqueue('explode', []);
        $queue = $this->queue();
        for ($i = 0; $i < $max - 1; $i++) {
            $queue->claim('doomed');
            $this->clock->advance(600);
            $queue->requeueStale(300);
        }
        $ran = 0;
        (new Worker($this->queue(), ['explode' => function () use (&$ran): void {
            $ran++;
        }], $this->clock, 'w', $max, 10, 3600, static fn (int $delay): int => $delay))->runOnce();
        $this->assertSame(1, $ran, "With maxAttempts = $max a job on its attempt $max must still run: only attempts > maxAttempts (the constructor's value) skip the handler.");
        $this->assertSame('done', $this->jobRow($crashy)['status'], 'The job ran successfully, so it must be done.');
    }

    public function testPermanentFailureGoesStraightToDeadLetters(): void
    {
        $id = $this->queue()->enqueue('charge_card', ['order_id' => 5]);
        $calls = 0;
        $this->worker(['charge_card' => function () use (&$calls): void {
            $calls++;
            throw new PermanentException('card declined');
        }])->runOnce();

        $this->assertSame(1, $calls, 'A permanent failure must not be retried.');
        $this->assertFalse($this->jobRow($id), 'A PermanentException must move the job to dead_letters at once: call deadLetter(), which deletes it from jobs.');
        $dead = $this->deadLetters();
        $this->assertCount(1, $dead, 'Catch PermanentException separately and call deadLetter() instead of retry().');
        $this->assertSame('card declined', $dead[0]['error'], 'Pass the exception message to deadLetter() as the error.');
        $this->assertSame(1, (int) $dead[0]['attempts'], 'A PermanentException must dead-letter the job on its first attempt, never retry it: catch PermanentException before the generic retry path.');
    }

    public function testUnknownJobTypeIsDeadLettered(): void
    {
        $this->queue()->enqueue('no_such_type', []);
        $this->worker([])->runOnce();

        $dead = $this->deadLetters();
        $this->assertCount(1, $dead, 'A job without a handler can never succeed: dead-letter it instead of retrying.');
    }

    public function testJobThatKeepsCrashingItsWorkerIsDeadLettered(): void
    {
        $queue = $this->queue();
        $id = $queue->enqueue('explode', []);
        for ($i = 0; $i < 3; $i++) {                 // three workers die mid-job
            $queue->claim('doomed');
            $this->clock->advance(600);
            $queue->requeueStale(300);
        }
        $calls = 0;
        $this->worker(['explode' => function () use (&$calls): void {
            $calls++;
        }])->runOnce();

        $this->assertSame(0, $calls, 'When a claimed job already has more than maxAttempts attempts, do not run it again.');
        $this->assertFalse($this->jobRow($id), 'Dead-letter a job whose attempts already exceed maxAttempts without calling its handler.');
        $this->assertCount(1, $this->deadLetters(), 'Dead-letter a job whose attempts already exceed maxAttempts without calling its handler.');
    }
}
