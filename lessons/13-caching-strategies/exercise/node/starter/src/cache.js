// An in-process TTL cache and a cache-aside helper with single-flight.
// See README.md for the exact behaviour the tests expect.

export class TtlCache {
  /**
   * @param {{ now?: () => number }} [options] now() returns the current time in ms.
   */
  constructor({ now = Date.now } = {}) {
    this.now = now;
  }

  /** Return the value, or undefined when the key is missing or expired. */
  get(key) {
    throw new Error('Not implemented yet: TtlCache.get()');
  }

  /** Store a value for ttlMs milliseconds. ttlMs must be a positive number. */
  set(key, value, ttlMs) {
    throw new Error('Not implemented yet: TtlCache.set()');
  }

  /** Remove a key. Returns true when something was removed. */
  delete(key) {
    throw new Error('Not implemented yet: TtlCache.delete()');
  }
}

/**
 * Build a cache-aside function on top of a store with get/set/delete
 * (a TtlCache here; a Redis/Valkey adapter in production).
 *
 * cached(key, ttlMs, loader):
 *  - returns the stored value on a hit;
 *  - on a miss runs loader() ONCE even when many callers ask at the same time,
 *    stores the result for ttlMs and gives it to every waiting caller;
 *  - ttlMs may be a number or a function (value) => number (e.g. shorter for null);
 *  - never stores a failure: if loader() rejects, every waiting caller gets the
 *    rejection and the next call tries again.
 */
export function createCached(store) {
  return async function cached(key, ttlMs, loader) {
    throw new Error('Not implemented yet: cached()');
  };
}
