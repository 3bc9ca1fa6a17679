import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { PermanentError, RetryableError } from '../src/errors.js';
import { setup } from './helpers.js';

test('a job runs once and ends done', async (t) => {
  const s = setup(t);
  const id = s.queue().enqueue('send_receipt', { order_id: 42 });
  const calls = [];
  const worker = s.worker({
    send_receipt: async (payload) => {
      await new Promise((resolve) => setTimeout(resolve, 5)); // a real handler awaits I/O
      calls.push(payload);
    },
  });
  assert.equal(await worker.runOnce(), true, 'runOnce() must resolve to true when it processed a job');
  assert.deepEqual(calls, [{ order_id: 42 }], 'the handler for the job type must be called (and awaited) once with the parsed payload');
  assert.equal(s.jobRow(id).status, 'done', "a job whose handler resolved must end with status 'done'");
  assert.equal(await worker.runOnce(), false, 'runOnce() must resolve to false when no job is ready');
});

test('a retryable failure is retried after the backoff', async (t) => {
  const s = setup(t);
  const id = s.queue().enqueue('call_api', {});
  let calls = 0;
  const worker = s.worker({
    call_api: async () => {
      calls += 1;
      await new Promise((resolve) => setImmediate(resolve));
      throw new RetryableError('provider timeout');
    },
  });
  await worker.runOnce();
  const row = s.jobRow(id);
  assert.equal(row.status, 'pending', 'after a retryable failure (a rejected promise too: await the handler) call retry(): the job goes back to pending with a later available_at');
  assert.equal(row.attempts, 1, 'claim() adds 1 to attempts; retry() must not add another or reset it, so after the first failure attempts is 1');
  assert.equal(row.available_at, s.clock.now() + 10, 'first retry: available_at = now + 10 s (base 10 s * 2^0)');
  assert.equal(row.last_error, 'provider timeout', 'pass the error message to retry(), which stores it in last_error');
  s.clock.advance(9);
  assert.equal(await worker.runOnce(), false, 'claim() must only take jobs whose available_at <= now: the retry waits for its backoff');
  s.clock.advance(1);
  assert.equal(await worker.runOnce(), true, 'a job is ready when available_at <= now (not <): at exactly available_at it must be claimed');
  assert.equal(calls, 2, 'the handler must have run twice by now');
  assert.equal(s.jobRow(id).available_at, s.clock.now() + 20, 'second retry: available_at = now + 20 s (base 10 s * 2^1)');
});

test('the backoff is exponential, capped and jittered', (t) => {
  const s = setup(t);
  const plain = s.worker({});
  assert.deepEqual([1, 2, 3, 4].map((n) => plain.backoffDelay(n)), [10, 20, 40, 80], 'backoffDelay(n) must be base * 2^(n-1): 10, 20, 40, 80');
  assert.equal(plain.backoffDelay(20), 3600, 'backoffDelay() must never exceed the cap (maxDelaySeconds = 3600)');
  assert.equal(plain.backoffDelay(2000), 3600, 'backoffDelay() of a huge attempt number must still be the cap, a whole number of seconds');
  const halved = s.worker({}, { jitter: (delay) => Math.floor(delay / 2) });
  assert.equal(halved.backoffDelay(3), 20, 'pass the computed delay through the injected jitter function and use its result');
});

test('the backoff uses the configured base and cap', (t) => {
  const s = setup(t);
  const base = randomInt(3, 10);
  const cap = base * 8 + randomInt(1, base); // lands between two doublings
  const worker = s.worker({}, { baseDelaySeconds: base, maxDelaySeconds: cap });
  assert.deepEqual([1, 2, 3, 4, 5, 6].map((n) => worker.backoffDelay(n)), [base, 2 * base, 4 * base, 8 * base, cap, cap], `with baseDelaySeconds = ${base} and maxDelaySeconds = ${cap}, backoffDelay(n) must be min(cap, base * 2^(n-1)): use the constructor's values, not literals`);
});

test('the default jitter stays between half the delay and the delay', (t) => {
  const s = setup(t);
  const worker = s.worker({}, { jitter: undefined });
  const seen = new Set();
  for (let i = 0; i < 200; i += 1) {
    const delay = worker.backoffDelay(4); // 80 s before jitter
    assert.ok(Number.isInteger(delay) && delay >= 40 && delay <= 80, `the default jitter must give whole seconds between half the delay and the delay (40..80 for attempt 4), got ${delay}`);
    seen.add(delay);
  }
  assert.ok(seen.size > 5, 'the default jitter must actually vary the delay, or every worker retries at the same moment (thundering herd)');
});

test('a retry uses the jittered delay', async (t) => {
  const s = setup(t);
  const id = s.queue().enqueue('call_api', {});
  const worker = s.worker({ call_api: () => { throw new RetryableError('timeout'); } }, { jitter: (delay) => delay - 3 });
  await worker.runOnce();
  assert.equal(s.jobRow(id).available_at, s.clock.now() + 7, 'runOnce() must schedule the retry with backoffDelay() (which applies the jitter function), not with the un-jittered formula');
});

test('unexpected errors are retried like transient ones', async (t) => {
  const s = setup(t);
  const id = s.queue().enqueue('call_api', {});
  await s.worker({ call_api: async () => { throw new Error('connection reset by peer'); } }).runOnce();
  const row = s.jobRow(id);
  assert.ok(row, 'only PermanentError (or a missing handler) dead-letters at once: any other error may be transient, so retry it');
  assert.equal(row.status, 'pending', 'only PermanentError (or a missing handler) dead-letters at once: any other error may be transient, so retry it');
  assert.equal(row.last_error, 'connection reset by peer', 'pass the error message to retry(), which stores it in last_error');
});

test('an upstream Retry-After is honoured', async (t) => {
  const s = setup(t);
  const id = s.queue().enqueue('call_api', {});
  await s.worker({ call_api: () => { throw new RetryableError('429 Too Many Requests', { retryAfterSeconds: 120 }); } }).runOnce();
  assert.equal(s.jobRow(id).available_at, s.clock.now() + 120, 'when the upstream said Retry-After: 120, wait at least that long (max of backoff and retryAfterSeconds)');
  const short = s.queue().enqueue('call_api', { n: 2 });
  s.clock.advance(1000);
  await s.worker({ call_api: () => { throw new RetryableError('503 Service Unavailable', { retryAfterSeconds: 3 }); } }).runOnce();
  assert.equal(s.jobRow(short).available_at, s.clock.now() + 10, 'a Retry-After shorter than the backoff (3 s < 10 s) must not shorten it: wait Math.max(backoffDelay, retryAfterSeconds)');
});

test('three failures move the job to dead letters', async (t) => {
  const s = setup(t);
  const id = s.queue().enqueue('call_api', { order_id: 9 });
  let attempt = 0;
  const worker = s.worker({
    call_api: async () => {
      attempt += 1;
      throw new RetryableError(`timeout #${attempt}`);
    },
  });
  for (let i = 0; i < 3; i += 1) {
    await worker.runOnce();
    s.clock.advance(3600);
  }
  assert.equal(attempt, 3, 'with maxAttempts = 3 the handler must run exactly 3 times');
  assert.equal(s.jobRow(id), undefined, 'with maxAttempts = 3 the third failure must dead-letter the job (attempts >= maxAttempts) and remove it from jobs');
  const dead = s.deadLetters();
  assert.equal(dead.length, 1, 'when attempts reaches maxAttempts, call deadLetter() with the last error instead of retry()');
  assert.equal(dead[0].error, 'timeout #3', 'dead-letter with the message of the last failure, not the first one');
  assert.equal(dead[0].job_id, id, 'copy the job id into dead_letters.job_id so the failure can be traced back');
  assert.deepEqual(JSON.parse(dead[0].payload), { order_id: 9 }, 'copy the payload into dead_letters so the job can be replayed after the fix');
  assert.equal(await worker.runOnce(), false, 'deadLetter() must delete the row from jobs, so claim() can never return it again');
});

test('maxAttempts comes from the constructor', async (t) => {
  const s = setup(t);
  const max = randomInt(4, 7);
  const id = s.queue().enqueue('call_api', {});
  let calls = 0;
  const worker = s.worker({ call_api: () => { calls += 1; throw new RetryableError('timeout'); } }, { maxAttempts: max });
  for (let i = 0; i < max + 2; i += 1) {
    await worker.runOnce();
    s.clock.advance(3600);
  }
  assert.equal(calls, max, `with maxAttempts = ${max} the handler must run exactly ${max} times: compare with this.maxAttempts, not a literal 3`);
  assert.equal(s.jobRow(id), undefined, `after ${max} failures the job must be dead-lettered`);

  // A job whose workers crashed max - 1 times has attempts = max on its next claim: still allowed to run.
  const crashy = s.queue().enqueue('explode', {});
  const queue = s.queue();
  for (let i = 0; i < max - 1; i += 1) {
    queue.claim('doomed');
    s.clock.advance(600);
    queue.requeueStale(300);
  }
  let ran = 0;
  await s.worker({ explode: () => void (ran += 1) }, { maxAttempts: max }).runOnce();
  assert.equal(ran, 1, `with maxAttempts = ${max} a job on its attempt ${max} must still run: only attempts > maxAttempts (the constructor's value) skip the handler`);
  assert.equal(s.jobRow(crashy).status, 'done', 'the job ran successfully, so it must be done');
});

test('a permanent failure goes straight to dead letters', async (t) => {
  const s = setup(t);
  const id = s.queue().enqueue('charge_card', { order_id: 5 });
  let calls = 0;
  await s.worker({ charge_card: async () => { calls += 1; throw new PermanentError('card declined'); } }).runOnce();
  assert.equal(calls, 1, 'a permanent failure must not be retried');
  assert.equal(s.jobRow(id), undefined, 'a PermanentError must move the job to dead_letters at once: call deadLetter(), which deletes it from jobs');
  const dead = s.deadLetters();
  assert.equal(dead.length, 1, 'check for PermanentError (instanceof) and call deadLetter() instead of retry()');
  assert.equal(dead[0].error, 'card declined', 'pass the error message to deadLetter() as the error');
  assert.equal(dead[0].attempts, 1, 'a PermanentError must dead-letter the job on its first attempt, never retry it');
});

test('an unknown job type is dead-lettered', async (t) => {
  const s = setup(t);
  const types = ['no_such_type', 'constructor', 'toString', '__proto__'];
  for (const type of types) s.queue().enqueue(type, {});
  const worker = s.worker({ send_receipt: () => {} });
  for (let i = 0; i < types.length; i += 1) await worker.runOnce();
  const dead = s.deadLetters();
  assert.deepEqual(dead.map((row) => row.type), types, 'a job without a handler can never succeed: dead-letter it instead of retrying. Look handlers up by own keys only (Object.hasOwn): "constructor" and "toString" are inherited functions of every object, not handlers');
  assert.equal(s.count(), 0, 'every job without a handler must leave the jobs table');
});

test('a job that keeps crashing its worker is dead-lettered', async (t) => {
  const s = setup(t);
  const queue = s.queue();
  const id = queue.enqueue('explode', {});
  for (let i = 0; i < 3; i += 1) { // three workers die mid-job
    queue.claim('doomed');
    s.clock.advance(600);
    queue.requeueStale(300);
  }
  let calls = 0;
  await s.worker({ explode: () => void (calls += 1) }).runOnce();
  assert.equal(calls, 0, 'when a claimed job already has more than maxAttempts attempts, do not run it again');
  assert.equal(s.jobRow(id), undefined, 'dead-letter a job whose attempts already exceed maxAttempts without calling its handler');
  assert.equal(s.deadLetters().length, 1, 'dead-letter a job whose attempts already exceed maxAttempts without calling its handler');
});

test('the handler receives the payload and the job', async (t) => {
  const s = setup(t);
  const payload = { order_id: randomInt(1, 1_000_000) };
  const id = s.queue().enqueue('send_receipt', payload);
  const calls = [];
  await s.worker({ send_receipt: (...args) => void calls.push(args) }).runOnce();
  assert.equal(calls.length, 1, 'the handler must run once');
  const [given, job] = calls[0];
  assert.deepEqual(given, payload, 'the first argument must be the parsed payload');
  assert.deepEqual([job?.id, job?.type, job?.attempts], [id, 'send_receipt', 1], 'call handlers[type](payload, job) with the claimed job as the second argument: a handler needs job.id (for an idempotency key of its own) and job.attempts');
});

test('a thrown value that is not an Error is a failure like any other', async (t) => {
  const s = setup(t);
  const queue = s.queue();
  const id = queue.enqueue('call_api', {});
  let attempt = 0;
  const worker = s.worker({
    call_api: async () => {
      attempt += 1;
      if (attempt === 1) throw `quota exceeded #${attempt}`; // eslint-disable-line no-throw-literal
      return Promise.reject(`upstream said no #${attempt}`);
    },
  });
  for (let i = 0; i < 3; i += 1) {
    let outcome;
    try {
      outcome = await worker.runOnce();
    } catch (err) {
      assert.fail(`runOnce() failed on a handler that threw a string (${err?.message ?? err}): JavaScript can throw anything; use err instanceof Error ? err.message : String(err) as the message`);
    }
    assert.equal(outcome, true, 'runOnce() must resolve to true after handling the failure');
    if (i === 0) {
      const row = s.jobRow(id);
      assert.deepEqual([row.status, row.last_error], ['pending', 'quota exceeded #1'], 'a thrown string is a failure like any other: retry the job with String(value) as its last_error');
    }
    s.clock.advance(3600);
  }
  const dead = s.deadLetters();
  assert.deepEqual(dead.map((row) => row.error), ['upstream said no #3'], 'after maxAttempts failures, dead-letter the job with the last thrown value as a string, even when it is not an Error');
});

test('the default jitter gives whole seconds for any base and cap', (t) => {
  const s = setup(t);
  const base = 2 * randomInt(1, 8) + 1; // odd, so half the delay is not a whole number
  const cap = base * 4 + 1;
  const worker = s.worker({}, { jitter: undefined, baseDelaySeconds: base, maxDelaySeconds: cap });
  for (let attempt = 1; attempt <= 5; attempt += 1) {
    const delay = Math.min(cap, base * 2 ** (attempt - 1));
    for (let i = 0; i < 20; i += 1) {
      let got;
      try {
        got = worker.backoffDelay(attempt);
      } catch (err) {
        assert.fail(`backoffDelay(${attempt}) threw with baseDelaySeconds = ${base} (${err.message}): half of an odd delay is not a whole number; round it (Math.floor(delay / 2)) before drawing a random whole number`);
      }
      assert.ok(Number.isInteger(got) && got >= Math.floor(delay / 2) && got <= delay, `with baseDelaySeconds = ${base} and maxDelaySeconds = ${cap}, the default jitter for attempt ${attempt} must be a whole number of seconds from half the delay (${Math.floor(delay / 2)}) to the delay (${delay}), got ${got}`);
    }
  }
});
