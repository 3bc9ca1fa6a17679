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
