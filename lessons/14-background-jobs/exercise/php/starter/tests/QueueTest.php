<?php

declare(strict_types=1);

namespace Exercise\Tests;

require_once __DIR__ . '/QueueTestCase.php';

use Exercise\Worker;

final class QueueTest extends QueueTestCase
{
    public function testEnqueueStoresAPendingJobReadyNow(): void
    {
        $id = $this->queue()->enqueue('send_receipt', ['order_id' => 42]);
        $row = $this->jobRow($id);

        $this->assertNotFalse($row, 'enqueue() must insert a row into jobs and return its id.');
        $this->assertSame('pending', $row['status'], "A new job must have status 'pending'.");
        $this->assertSame(0, (int) $row['attempts'], 'Insert new jobs with attempts = 0; claim() counts the attempts.');
        $this->assertSame($this->clock->now(), (int) $row['available_at'], 'A new job must be available now (available_at = clock->now()).');
        $this->assertSame(['order_id' => 42], json_decode($row['payload'], true), 'Store the payload with json_encode(), so find() and claim() can decode it.');
    }

    public function testSameIdempotencyKeyCreatesOneJob(): void
    {
        $queue = $this->queue();
        $first = $queue->enqueue('charge_card', ['order_id' => 7], 'charge:order:7');
        $other = $queue->enqueue('send_receipt', ['order_id' => 6], 'receipt:order:6');
        $second = $queue->enqueue('charge_card', ['order_id' => 7], 'charge:order:7');
        $again = $this->queue()->enqueue('charge_card', ['order_id' => 7], 'charge:order:7'); // another process

        $count = (int) $this->connect()->query('SELECT COUNT(*) FROM jobs')->fetchColumn();
        $this->assertSame(2, $count, 'Enqueueing twice with the same idempotency key must create only one job.');
        $this->assertNotSame($first, $other, 'Different idempotency keys are different jobs.');
        $this->assertSame([$first, $first], [$second, $again], 'A repeated idempotency key must return the id of the existing job (look it up by key; lastInsertId() is another row\'s id).');

        $queue->enqueue('charge_card', ['order_id' => 8]);
        $queue->enqueue('charge_card', ['order_id' => 8]);
        $count = (int) $this->connect()->query('SELECT COUNT(*) FROM jobs')->fetchColumn();
        $this->assertSame(4, $count, 'Jobs without an idempotency key are never deduplicated (NULL keys do not conflict).');
    }

    public function testPayloadsOverEightKilobytesAreRejected(): void
    {
        $queue = $this->queue();
        // {"html":"xxx…"} is the string plus 11 bytes of JSON.
        $id = $queue->enqueue('render_pdf', ['html' => str_repeat('x', 8192 - 11)]);
        $this->assertNotFalse($this->jobRow($id), 'A payload of exactly 8192 bytes of JSON is allowed: reject only payloads over MAX_PAYLOAD_BYTES.');

        foreach ([8192 - 10, 20_000] as $length) {
            try {
                $queue->enqueue('render_pdf', ['html' => str_repeat('x', $length)]);
                $this->fail('A payload of ' . ($length + 11) . ' bytes of JSON must throw InvalidArgumentException: enqueue the id of a stored document, not the document.');
            } catch (\InvalidArgumentException) {
            }
        }
        $this->assertSame(1, (int) $this->connect()->query('SELECT COUNT(*) FROM jobs')->fetchColumn(), 'A rejected payload must not leave a row in jobs.');
    }

    public function testPayloadLimitCountsBytesNotCharacters(): void
    {
        try {
            $this->queue()->enqueue('render_pdf', ['html' => str_repeat('é', 5000)]); // 5,011 characters, 10,011 bytes of JSON
            $this->fail('A payload of 5,000 "é" is over 8192 bytes of JSON (each is 2 bytes in UTF-8): measure with strlen(), which counts bytes, not mb_strlen(), which counts characters.');
        } catch (\InvalidArgumentException) {
        }
        $this->assertSame(0, (int) $this->connect()->query('SELECT COUNT(*) FROM jobs')->fetchColumn(), 'A rejected payload must not leave a row in jobs.');
    }

    public function testDeadLetterIsOneTransaction(): void
    {
        $queue = $this->queue();
        $id = $queue->enqueue('job', ['n' => 1]);
        $queue->claim('w');
        // Make the DELETE fail half-way, as a full disk or a lost connection would.
        $this->connect()->exec("CREATE TRIGGER jobs_no_delete BEFORE DELETE ON jobs BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END");

        try {
            $queue->deadLetter($id, 'gave up');
            $this->fail('deadLetter() must let the failed DELETE\'s exception through (rethrow it after rolling back), not swallow it.');
        } catch (\PDOException) {
        }
        $this->assertCount(0, $this->deadLetters(), 'The DELETE from jobs failed, so the INSERT into dead_letters must be rolled back too: run both in one transaction (beginTransaction, INSERT, DELETE, commit; rollBack and rethrow on any Throwable). Otherwise the job is both dead and still queued.');
        $this->assertNotFalse($this->jobRow($id), 'When deadLetter() fails, the job must still be in jobs.');
    }

    public function testOldestPendingAgeIsTheOldestNotTheNewest(): void
    {
        $queue = $this->queue();
        $queue->enqueue('job', ['n' => 1]);
        $gap = random_int(20, 90);
        $this->clock->advance($gap);
        $queue->enqueue('job', ['n' => 2]);
        $this->clock->advance(15);

        $this->assertSame($gap + 15, $queue->stats()['oldest_pending_age'], 'oldest_pending_age is now minus the EARLIEST created_at of the pending jobs (MIN), not the latest: it measures how long the longest-waiting job has waited.');
    }

    public function testClaimedJobIsInvisibleToAnotherConnection(): void
    {
        $a = $this->queue();
        $b = $this->queue();
        $a->enqueue('job', ['n' => 1]);
        $a->enqueue('job', ['n' => 2]);

        $first = $a->claim('worker-a');
        $second = $b->claim('worker-b');
        $third = $b->claim('worker-b');

        $this->assertNotNull($first, 'claim() must return the oldest ready job.');
        $this->assertSame(['n' => 1], $first['payload'], 'claim() must return the oldest job first, with its payload decoded.');
        $this->assertSame(1, $first['attempts'], 'claim() must add 1 to attempts.');
        $this->assertSame(['n' => 2], $second['payload'] ?? null, 'A job claimed by one connection must not be claimed again by another.');
        $this->assertNull($third, 'claim() must return null when no job is ready.');
        $row = $this->jobRow($first['id']);
        $this->assertSame('running', $row['status'], "A claimed job must have status 'running'.");
        $this->assertSame('worker-a', $row['locked_by'], 'A claimed job must record which worker holds it in locked_by.');
    }

    /** Ordering on two connections; ConcurrentClaimTest races real processes. */
    public function testTwoWorkersOnTwoConnectionsShareTheJobsOldestFirst(): void
    {
        $producer = $this->queue();
        for ($i = 1; $i <= 100; $i++) {
            $producer->enqueue('count', ['n' => $i]);
        }

        $seen = [];
        $handlers = ['count' => function (array $payload) use (&$seen): void {
            $seen[] = $payload['n'];
        }];
        $workers = [
            new Worker($this->queue(), $handlers, $this->clock, 'worker-a'),
            new Worker($this->queue(), $handlers, $this->clock, 'worker-b'),
        ];

        for ($turn = 0; $turn < 250; $turn++) {
            if (!$workers[$turn % 2]->runOnce() && !$workers[($turn + 1) % 2]->runOnce()) {
                break;
            }
        }

        $this->assertCount(100, $seen, 'Every one of the 100 jobs must run exactly once in total.');
        $this->assertSame(range(1, 100), array_values(array_unique($seen)), 'No job may run twice, and jobs must run oldest first.');
    }

    public function testStaleRunningJobsAreRequeued(): void
    {
        $queue = $this->queue();
        $id = $queue->enqueue('job', []);
        $queue->claim('worker-that-crashes');

        $this->clock->advance(299);
        $this->assertSame(0, $queue->requeueStale(300), 'requeueStale() must only touch jobs whose locked_at is at least the timeout ago (locked_at <= now - timeout).');
        $this->clock->advance(1);
        $this->assertSame(1, $queue->requeueStale(300), 'A job locked for >= the timeout must go back to pending; return the count.');
        $this->assertSame('pending', $this->jobRow($id)['status'], "A requeued job must have status 'pending' again.");
        // Only RUNNING jobs are stale: a job that finished long ago must stay done, not run a second time.
        $claimed = $queue->claim('worker-that-finishes');
        $this->assertSame($id, $claimed['id'] ?? null, 'The requeued job must be claimable again.');
        $queue->complete($id);
        $this->clock->advance(600);
        $this->assertSame(0, $queue->requeueStale(300), "requeueStale() requeued a job that is done: only jobs with status 'running' can be stale.");
        $this->assertSame('done', $this->jobRow($id)['status'], "requeueStale() put a finished job back to pending, so it would run twice: requeue only jobs with status 'running'.");
    }

    public function testStatsReportDepthAndAgeForMonitoring(): void
    {
        $queue = $this->queue();
        $queue->enqueue('job', ['n' => 1]);
        $this->clock->advance(30);
        $queue->enqueue('job', ['n' => 2]);
        $queue->claim('w');
        $this->clock->advance(45);

        $this->assertSame(
            ['pending' => 1, 'running' => 1, 'dead' => 0, 'oldest_pending_age' => 45],
            $queue->stats(),
            'stats() must count pending and running jobs and dead letters, and give the age in seconds of the oldest pending job (0 when none).',
        );

        $extra = random_int(2, 5);
        for ($i = 0; $i < $extra; $i++) {
            $queue->enqueue('job', ['extra' => $i]);
        }
        $running = $queue->claim('w');
        $queue->deadLetter($running['id'], 'gave up');
        $this->clock->advance(10);
        $this->assertSame(
            ['pending' => $extra, 'running' => 1, 'dead' => 1, 'oldest_pending_age' => 10],
            $queue->stats(),
            'stats() must be computed from the tables every time: after more jobs, a claim and a dead letter the counts and the age must change with them.',
        );
        $queue->complete($queue->claim('w')['id']);
        $stats = $queue->stats();
        $this->assertSame([$extra - 1, 1], [$stats['pending'], $stats['running']], "A completed job is 'done': count it neither as pending nor as running.");

        $late = $queue->claim('w');                 // a retried job waits, but it is still getting older
        while (($other = $queue->claim('w')) !== null) {
            $queue->complete($other['id']);
        }
        $queue->retry($late['id'], $this->clock->now() + 600, 'timeout');
        $this->clock->advance(20);
        $this->assertSame(30, $queue->stats()['oldest_pending_age'], 'Measure a pending job\'s age from created_at, not available_at: a job waiting for its retry is late for the user all the same.');
    }
}
