import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TtlCache, createCached } from '../src/cache.js';

/** A clock the test controls: nothing depends on real time. */
function fakeClock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms) => { t += ms; } };
}

test('TtlCache returns a value until its TTL has passed', () => {
  const clock = fakeClock();
  const cache = new TtlCache({ now: clock.now });

  cache.set('a', 42, 1000);
  assert.equal(cache.get('a'), 42, 'get() must return the stored value before the TTL ends');
  clock.advance(999);
  assert.equal(cache.get('a'), 42, 'the value must still be there 1 ms before the TTL ends');
  clock.advance(1);
  assert.equal(cache.get('a'), undefined, 'get() must return undefined once now() >= stored time + ttlMs');
  assert.equal(cache.get('missing'), undefined, 'get() must return undefined for a key that was never set');
});

test('TtlCache refuses entries without a positive TTL and supports delete', () => {
  const cache = new TtlCache({ now: fakeClock().now });

  assert.throws(() => cache.set('k', 1), RangeError, 'set() without ttlMs must throw a RangeError: every key needs a TTL');
  assert.throws(() => cache.set('k', 1, 0), RangeError, 'set() with ttlMs = 0 must throw a RangeError');
  for (const bad of [-1000, Number.NaN, Number.POSITIVE_INFINITY, '1000']) {
    assert.throws(() => cache.set('k', 1, bad), RangeError, `set() with ttlMs = ${String(bad)} must throw a RangeError: accept only a finite number above 0`);
  }
  cache.set('k', 1, 1000);
  assert.equal(cache.delete('k'), true, 'delete() must return true when it removed a key');
  assert.equal(cache.get('k'), undefined, 'a deleted key must be gone');
});

test('two concurrent cached() calls run the loader once (single-flight)', async () => {
  const cached = createCached(new TtlCache({ now: fakeClock().now }));
  let calls = 0;
  const loader = async () => {
    calls += 1;
    await new Promise((resolve) => setTimeout(resolve, 20));
    return { price: 5 };
  };

  const [a, b] = await Promise.all([cached('p:1', 1000, loader), cached('p:1', 1000, loader)]);

  assert.equal(calls, 1, 'the loader must run once while a load for the same key is in flight; share its promise');
  assert.deepEqual(a, { price: 5 }, 'the first caller must get the loaded value');
  assert.equal(b, a, 'the second caller must get the very same value');
});

test('single-flight is per key: many callers share one load, other keys load on their own', async () => {
  const cached = createCached(new TtlCache({ now: fakeClock().now }));
  const calls = new Map();
  const loaderFor = (key) => async () => {
    calls.set(key, (calls.get(key) ?? 0) + 1);
    await new Promise((resolve) => setTimeout(resolve, 10));
    return { key };
  };
  const callers = 3 + Math.floor(Math.random() * 8);
  const keys = ['a', 'b', 'c'];
  const results = await Promise.all(
    Array.from({ length: callers * keys.length }, (_, i) => cached(keys[i % keys.length], 1000, loaderFor(keys[i % keys.length]))),
  );

  for (const key of keys) {
    assert.equal(calls.get(key), 1, `${callers} concurrent callers of key "${key}" must share one load: keep one in-flight promise per key`);
  }
  results.forEach((value, i) => assert.deepEqual(value, { key: keys[i % keys.length] }, 'each caller must get the value of its own key, never another key\'s load'));
});

test('cached() serves hits from the store and reloads after the TTL', async () => {
  const clock = fakeClock();
  const cached = createCached(new TtlCache({ now: clock.now }));
  let calls = 0;
  const loader = async () => ++calls;

  assert.equal(await cached('n', 1000, loader), 1, 'a miss must call the loader and return its value');
  assert.equal(await cached('n', 1000, loader), 1, 'a hit must return the stored value without calling the loader');
  clock.advance(1000);
  assert.equal(await cached('n', 1000, loader), 2, 'after the fake clock passes the TTL the loader must run again');
  assert.equal(calls, 2, 'the loader must have run exactly twice');
});

test('cached() accepts a TTL function, e.g. a short TTL for "not found"', async () => {
  const clock = fakeClock();
  const cached = createCached(new TtlCache({ now: clock.now }));
  let calls = 0;
  const ttl = (value) => (value === null ? 100 : 10_000);
  const loader = async () => { calls += 1; return null; };

  await cached('missing', ttl, loader);
  await cached('missing', ttl, loader);
  assert.equal(calls, 1, 'a null result must be cached too (negative caching)');
  clock.advance(100);
  await cached('missing', ttl, loader);
  assert.equal(calls, 2, 'when ttlMs is a function, call it with the loaded value to get the TTL');
});

test('cached() awaits an asynchronous store (like the Valkey adapter)', async () => {
  const clock = fakeClock();
  const inner = new TtlCache({ now: clock.now });
  // Same interface as the lesson's Valkey adapter: every method returns a promise.
  const asyncStore = {
    get: async (key) => inner.get(key),
    set: async (key, value, ttlMs) => inner.set(key, value, ttlMs),
    delete: async (key) => inner.delete(key),
  };
  const cached = createCached(asyncStore);
  let calls = 0;
  const loader = async () => { calls += 1; return { n: calls }; };

  assert.deepEqual(await cached('k', 1000, loader), { n: 1 }, 'a miss on an async store must run the loader: await store.get(), whose answer is a promise');
  assert.deepEqual(await cached('k', 1000, loader), { n: 1 }, 'a hit on an async store must return the stored value: await store.get() before comparing it with undefined');
  assert.equal(calls, 1, 'the second call must be a hit: the store works with promises, so await store.get() and store.set()');
  clock.advance(1000);
  assert.deepEqual(await cached('k', 1000, loader), { n: 2 }, 'after the TTL the loader must run again');
});

test('cached() never stores a failure', async () => {
  const cached = createCached(new TtlCache({ now: fakeClock().now }));
  let calls = 0;
  const failing = async () => { calls += 1; throw new Error('database down'); };

  const results = await Promise.allSettled([cached('x', 1000, failing), cached('x', 1000, failing)]);
  assert.deepEqual(results.map((r) => r.status), ['rejected', 'rejected'], 'every waiting caller must see the rejection');
  assert.equal(calls, 1, 'concurrent callers must share the one failing load');

  assert.equal(await cached('x', 1000, async () => 'recovered'), 'recovered', 'after a failure the next call must run the loader again');
});
