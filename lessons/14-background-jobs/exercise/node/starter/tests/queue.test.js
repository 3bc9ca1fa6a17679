import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { Worker } from '../src/worker.js';
import { setup, thrownBy } from './helpers.js';

test('enqueue() stores a pending job that is ready now', (t) => {
  const s = setup(t);
  const id = s.queue().enqueue('send_receipt', { order_id: 42 });
  const row = s.jobRow(id);
  assert.ok(row, 'enqueue() must insert a row into jobs and return its id (a number)');
  assert.equal(row.status, 'pending', "a new job must have status 'pending'");
  assert.equal(row.attempts, 0, 'insert new jobs with attempts = 0; claim() counts the attempts');
  assert.equal(row.available_at, s.clock.now(), 'a new job must be available now (available_at = clock.now())');
  assert.deepEqual(JSON.parse(row.payload), { order_id: 42 }, 'store the payload with JSON.stringify(), so find() and claim() can parse it');
});

test('the same idempotency key creates one job', (t) => {
  const s = setup(t);
  const queue = s.queue();
  const first = queue.enqueue('charge_card', { order_id: 7 }, 'charge:order:7');
  const other = queue.enqueue('send_receipt', { order_id: 6 }, 'receipt:order:6');
  const second = queue.enqueue('charge_card', { order_id: 7 }, 'charge:order:7');
  const again = s.queue().enqueue('charge_card', { order_id: 7 }, 'charge:order:7'); // another process
  assert.equal(s.count(), 2, 'enqueueing twice with the same idempotency key must create only one job');
  assert.notEqual(first, other, 'different idempotency keys are different jobs');
  assert.deepEqual([second, again], [first, first], "a repeated idempotency key must return the id of the existing job (look it up by key; lastInsertRowid is another row's id)");
  queue.enqueue('charge_card', { order_id: 8 });
  queue.enqueue('charge_card', { order_id: 8 });
  assert.equal(s.count(), 4, 'jobs without an idempotency key are never deduplicated (NULL keys do not conflict)');
});

test('payloads over 8 KB are rejected', (t) => {
  const s = setup(t);
  const queue = s.queue();
  // {"html":"xxx…"} is the string plus 11 bytes of JSON.
  const id = queue.enqueue('render_pdf', { html: 'x'.repeat(8192 - 11) });
  assert.ok(s.jobRow(id), 'a payload of exactly 8192 bytes of JSON is allowed: reject only payloads over MAX_PAYLOAD_BYTES');
  for (const length of [8192 - 10, 20_000]) {
    assert.ok(thrownBy(() => queue.enqueue('render_pdf', { html: 'x'.repeat(length) })) instanceof RangeError, `a payload of ${length + 11} bytes of JSON must throw a RangeError: enqueue the id of a stored document, not the document`);
  }
  assert.equal(s.count(), 1, 'a rejected payload must not leave a row in jobs');
});

test('the payload limit counts bytes, not characters', (t) => {
  const s = setup(t);
  const err = thrownBy(() => s.queue().enqueue('render_pdf', { html: 'é'.repeat(5000) })); // 5,011 characters, 10,011 bytes of JSON
  assert.ok(err instanceof RangeError, 'a payload of 5,000 "é" is over 8192 bytes of JSON (each is 2 bytes in UTF-8) and must throw a RangeError: measure with Buffer.byteLength(), not string.length, which counts UTF-16 units');
  assert.equal(s.count(), 0, 'a rejected payload must not leave a row in jobs');
});

test('deadLetter() is one transaction', (t) => {
  const s = setup(t);
  const queue = s.queue();
  const id = queue.enqueue('job', { n: 1 });
  queue.claim('w');
  // Make the DELETE fail half-way, as a full disk or a lost connection would.
  s.connect().exec("CREATE TRIGGER jobs_no_delete BEFORE DELETE ON jobs BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END");
  const err = thrownBy(() => queue.deadLetter(id, 'gave up'));
  assert.ok(err, "deadLetter() must let the failed DELETE's error through (rethrow it after ROLLBACK), not swallow it");
  assert.equal(s.deadLetters().length, 0, 'the DELETE from jobs failed, so the INSERT into dead_letters must be rolled back too: run both in one transaction (BEGIN, INSERT, DELETE, COMMIT; ROLLBACK and rethrow on any error). Otherwise the job is both dead and still queued');
  assert.ok(s.jobRow(id), 'when deadLetter() fails, the job must still be in jobs');
  assert.equal(thrownBy(() => queue.enqueue('job', { n: 2 })), undefined, 'after a failed deadLetter() the connection must still work: roll the transaction back, do not leave it open');
});

test('oldest_pending_age is the oldest, not the newest', (t) => {
  const s = setup(t);
  const queue = s.queue();
  queue.enqueue('job', { n: 1 });
  const gap = randomInt(20, 91);
  s.clock.advance(gap);
  queue.enqueue('job', { n: 2 });
  s.clock.advance(15);
  assert.equal(queue.stats().oldest_pending_age, gap + 15, 'oldest_pending_age is now minus the EARLIEST created_at of the pending jobs (MIN), not the latest: it measures how long the longest-waiting job has waited');
});

test('a claimed job is invisible to another connection', (t) => {
  const s = setup(t);
  const a = s.queue();
  const b = s.queue();
  a.enqueue('job', { n: 1 });
  a.enqueue('job', { n: 2 });
  const first = a.claim('worker-a');
  const second = b.claim('worker-b');
  const third = b.claim('worker-b');
  assert.ok(first, 'claim() must return the oldest ready job');
  assert.deepEqual(first.payload, { n: 1 }, 'claim() must return the oldest job first, with its payload parsed');
  assert.equal(first.attempts, 1, 'claim() must add 1 to attempts');
  assert.deepEqual(second?.payload, { n: 2 }, 'a job claimed by one connection must not be claimed again by another');
  assert.equal(third, null, 'claim() must return null when no job is ready');
  const row = s.jobRow(first.id);
  assert.equal(row.status, 'running', "a claimed job must have status 'running'");
  assert.equal(row.locked_by, 'worker-a', 'a claimed job must record which worker holds it in locked_by');
});

test('two workers on two connections share the jobs, oldest first', async (t) => {
  const s = setup(t);
  const producer = s.queue();
  const total = randomInt(60, 101);
  for (let i = 1; i <= total; i += 1) producer.enqueue('count', { n: i });
  const seen = [];
  const handlers = { count: async (payload) => void seen.push(payload.n) };
  const workers = ['worker-a', 'worker-b'].map((workerId) => new Worker({ queue: s.queue(), handlers, clock: s.clock, workerId, jitter: (d) => d }));
  for (let turn = 0; turn < total * 3; turn += 1) {
    if (!(await workers[turn % 2].runOnce()) && !(await workers[(turn + 1) % 2].runOnce())) break;
  }
  assert.equal(seen.length, total, `every one of the ${total} jobs must run exactly once in total`);
  assert.deepEqual(seen, Array.from({ length: total }, (_, i) => i + 1), 'no job may run twice, and jobs must run oldest first');
});

test('stale running jobs are requeued', (t) => {
  const s = setup(t);
  const queue = s.queue();
  const id = queue.enqueue('job', {});
  queue.claim('worker-that-crashes');
  s.clock.advance(299);
  assert.equal(queue.requeueStale(300), 0, 'requeueStale() must only touch jobs whose locked_at is at least the timeout ago (locked_at <= now - timeout)');
  s.clock.advance(1);
  assert.equal(queue.requeueStale(300), 1, 'a job locked for >= the timeout must go back to pending; return the count');
  assert.equal(s.jobRow(id).status, 'pending', "a requeued job must have status 'pending' again");
});

test('stats() report depth and age for monitoring', (t) => {
  const s = setup(t);
  const queue = s.queue();
  queue.enqueue('job', { n: 1 });
  s.clock.advance(30);
  queue.enqueue('job', { n: 2 });
  queue.claim('w');
  s.clock.advance(45);
  assert.deepEqual(queue.stats(), { pending: 1, running: 1, dead: 0, oldest_pending_age: 45 }, 'stats() must count pending and running jobs and dead letters, and give the age in seconds of the oldest pending job (0 when none)');

  const extra = randomInt(2, 6);
  for (let i = 0; i < extra; i += 1) queue.enqueue('job', { extra: i });
  const running = queue.claim('w');
  queue.deadLetter(running.id, 'gave up');
  s.clock.advance(10);
  assert.deepEqual(queue.stats(), { pending: extra, running: 1, dead: 1, oldest_pending_age: 10 }, 'stats() must be computed from the tables every time: after more jobs, a claim and a dead letter the counts and the age must change with them');
  queue.complete(queue.claim('w').id);
  const stats = queue.stats();
  assert.deepEqual([stats.pending, stats.running], [extra - 1, 1], "a completed job is 'done': count it neither as pending nor as running");

  const late = queue.claim('w'); // a retried job waits, but it is still getting older
  for (let other = queue.claim('w'); other !== null; other = queue.claim('w')) queue.complete(other.id);
  queue.retry(late.id, s.clock.now() + 600, 'timeout');
  s.clock.advance(20);
  assert.equal(queue.stats().oldest_pending_age, 30, "measure a pending job's age from created_at, not available_at: a job waiting for its retry is late for the user all the same");
});

test('requeueStale() touches only running jobs', (t) => {
  const s = setup(t);
  const queue = s.queue();
  const done = queue.enqueue('job', { n: 1 });
  const waiting = queue.enqueue('job', { n: 2 });
  const crashed = queue.enqueue('job', { n: 3 });
  queue.complete(queue.claim('w').id); // job 1 ran and is done; it keeps the locked_at of its run
  s.clock.advance(5);
  queue.retry(queue.claim('w').id, s.clock.now() + 10_000, 'timeout'); // job 2 waits for its retry
  const stuck = queue.claim('worker-that-crashes'); // job 3's worker dies
  s.clock.advance(600 + randomInt(0, 600));
  assert.equal(queue.requeueStale(300), 1, "requeueStale() must reset only jobs with status 'running' (WHERE status = 'running' AND locked_at <= now - timeout): here one job");
  assert.equal(s.jobRow(done).status, 'done', 'a done job must stay done: a requeued done job would run (charge, send) twice');
  assert.equal(s.jobRow(crashed).status, 'pending', 'the running job whose worker died must be pending again');
  assert.equal(queue.claim('w')?.id, stuck.id, 'the requeued job must be the next to be claimed, and the done job never again');
  assert.equal(queue.claim('w'), null, 'no other job is ready: the done job must never be claimed again');
});

test('a dead letter keeps the job, and every time comes from the injected clock', (t) => {
  const s = setup(t);
  const queue = s.queue();
  s.clock.advance(randomInt(1, 100_000));
  const created = s.clock.now();
  const key = `charge:order:${randomInt(1, 1_000_000)}`;
  const id = queue.enqueue('charge_card', { order_id: 11, cents: 1999 }, key);
  assert.equal(s.jobRow(id).created_at, created, 'created_at must be clock.now() of the injected clock (all times are its Unix seconds, never Date.now())');
  s.clock.advance(randomInt(1, 1000));
  const claimedAt = s.clock.now();
  queue.claim('worker-7');
  assert.equal(s.jobRow(id).locked_at, claimedAt, 'claim() must set locked_at to clock.now() of the injected clock');
  s.clock.advance(randomInt(1, 1000));
  queue.deadLetter(id, 'card declined');
  const [dead] = s.deadLetters();
  assert.deepEqual({ ...dead, id: undefined }, {
    id: undefined, job_id: id, type: 'charge_card', payload: JSON.stringify({ order_id: 11, cents: 1999 }), idempotency_key: key, attempts: 1, error: 'card declined', failed_at: s.clock.now(),
  }, "deadLetter() must copy the job's id, type, payload, idempotency key and attempts into dead_letters, with the error and failed_at = clock.now(), so the job can be traced and replayed after the fix");
});
