import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TokenBucket } from '../src/tokenBucket.js';
import { fakeClock } from './helpers/server.js';

test('a full bucket of 5 allows 5 takes, then refuses', () => {
  const clock = fakeClock();
  const bucket = new TokenBucket({ capacity: 5, refillPerSec: 1, now: clock.now });

  const remaining = [];
  for (let i = 1; i <= 5; i++) {
    const result = bucket.take();
    assert.equal(result.allowed, true, `take() #${i} must be allowed: the bucket starts full with 5 tokens`);
    remaining.push(result.remaining);
  }
  assert.deepEqual(remaining, [4, 3, 2, 1, 0], 'remaining must count the whole tokens left after each take(): 4, 3, 2, 1, 0');
  assert.equal(bucket.take().allowed, false, 'take() #6 must be refused: no tokens are left and no time has passed');
});

test('a refused take() says how long to wait, rounded up to whole seconds', () => {
  const clock = fakeClock();
  const bucket = new TokenBucket({ capacity: 1, refillPerSec: 0.5, now: clock.now });
  bucket.take();

  const refused = bucket.take();
  assert.equal(refused.allowed, false, 'the second take() must be refused');
  assert.equal(refused.remaining, 0, 'remaining must never be negative');
  assert.equal(refused.resetSec, 2, 'at 0.5 tokens per second the next token takes 2 s: resetSec must be 2');

  clock.advance(500);
  const stillRefused = bucket.take();
  assert.equal(stillRefused.allowed, false, 'after 0.5 s only a quarter token has been added');
  assert.equal(stillRefused.resetSec, 2, '1.5 s are left, which rounds UP to 2 (never tell a client to come back too early)');
});

test('tokens refill continuously with the clock', () => {
  const clock = fakeClock();
  const bucket = new TokenBucket({ capacity: 5, refillPerSec: 1, now: clock.now });
  for (let i = 0; i < 5; i++) bucket.take();

  clock.advance(1000);
  assert.equal(bucket.take().allowed, true, 'after 1 s at 1 token per second, exactly one take() must be allowed');
  assert.equal(bucket.take().allowed, false, '...and the next one refused again');
});

test('a long pause never fills the bucket beyond its capacity', () => {
  const clock = fakeClock();
  const bucket = new TokenBucket({ capacity: 5, refillPerSec: 1, now: clock.now });
  for (let i = 0; i < 5; i++) bucket.take();

  clock.advance(60 * 60 * 1000);
  let allowed = 0;
  for (let i = 0; i < 10; i++) allowed += bucket.take().allowed ? 1 : 0;
  assert.equal(allowed, 5, 'after an hour of rest the burst must still be capped at capacity (5), not 3600');
});

test('invalid options are rejected', () => {
  const now = () => 0;
  assert.throws(() => new TokenBucket({ capacity: 0, refillPerSec: 1, now }), RangeError, 'capacity 0 must throw a RangeError');
  assert.throws(() => new TokenBucket({ capacity: 2.5, refillPerSec: 1, now }), RangeError, 'capacity must be an integer');
  assert.throws(() => new TokenBucket({ capacity: 5, refillPerSec: 0, now }), RangeError, 'refillPerSec 0 must throw a RangeError');
});

// A small seeded generator, so the "random" scenarios are the same on every run.
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

test('random traffic never beats the rate, and resetSec is exact', () => {
  const next = random(21);
  for (let scenario = 0; scenario < 40; scenario++) {
    const capacity = 1 + Math.floor(next() * 10);
    const refillPerSec = [0.25, 0.5, 1, 2, 3, 10][Math.floor(next() * 6)];
    const clock = fakeClock();
    const bucket = new TokenBucket({ capacity, refillPerSec, now: clock.now });
    let allowed = 0;
    let elapsedMs = 0;
    for (let step = 0; step < 60; step++) {
      const waitMs = Math.floor(next() * 4) * 250 * Math.floor(next() * 3);
      clock.advance(waitMs);
      elapsedMs += waitMs;
      const result = bucket.take();
      if (result.allowed) allowed += 1;
      const label = `capacity ${capacity}, ${refillPerSec}/s, after ${elapsedMs} ms`;
      assert.ok(allowed <= capacity + (elapsedMs / 1000) * refillPerSec + 1e-9, `${label}: ${allowed} takes were allowed, more than capacity + elapsed x rate. Never allow a take without a whole token.`);
      assert.ok(Number.isInteger(result.remaining) && result.remaining >= 0 && result.remaining < capacity, `${label}: remaining must be a whole number from 0 to capacity - 1 after a take (got ${result.remaining})`);
      assert.ok(Number.isInteger(result.resetSec) && result.resetSec >= 1, `${label}: resetSec must be a whole number of seconds >= 1 (got ${result.resetSec})`);
      if (!result.allowed) {
        // Wait just short of resetSec (still refused), then exactly resetSec (allowed).
        if (result.resetSec > 1) {
          clock.advance((result.resetSec - 1) * 1000);
          elapsedMs += (result.resetSec - 1) * 1000;
          assert.equal(bucket.take().allowed, false, `${label}: resetSec ${result.resetSec} was not rounded up to the NEXT token: after resetSec - 1 seconds there must still be no whole token`);
          clock.advance(1000);
          elapsedMs += 1000;
        } else {
          clock.advance(1000);
          elapsedMs += 1000;
        }
        assert.equal(bucket.take().allowed, true, `${label}: after waiting resetSec seconds the next take() must be allowed: resetSec must never be too short`);
        allowed += 1;
      }
    }
  }
});

test('a clock that steps backwards never takes tokens away', () => {
  let ms = 1_000_000;
  const bucket = new TokenBucket({ capacity: 3, refillPerSec: 1, now: () => ms });
  assert.equal(bucket.take().allowed, true, 'the first take() must be allowed');
  ms -= 60_000; // NTP correction or a VM resumed: the wall clock jumps back a minute
  const results = [bucket.take(), bucket.take()];
  assert.deepEqual(results.map((r) => r.allowed), [true, true], 'after the clock stepped back, the 2 tokens left must still be there: treat negative elapsed time as 0 (Math.max(0, now - last)), never as a negative refill');
  assert.equal(bucket.take().allowed, false, 'and the bucket must still hold no more than it had');
});
