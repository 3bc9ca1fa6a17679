// An in-process TTL cache and a cache-aside helper with single-flight.

export class TtlCache {
  #entries = new Map();

  /**
   * @param {{ now?: () => number }} [options] now() returns the current time in ms.
   */
  constructor({ now = Date.now } = {}) {
    this.now = now;
  }

  /** Return the value, or undefined when the key is missing or expired. */
  get(key) {
    const entry = this.#entries.get(key);
    if (entry === undefined) return undefined;
    if (this.now() >= entry.expiresAt) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  /** Store a value for ttlMs milliseconds. ttlMs must be a positive number. */
  set(key, value, ttlMs) {
    if (typeof ttlMs !== 'number' || !Number.isFinite(ttlMs) || ttlMs <= 0) {
      throw new RangeError(`ttlMs must be a positive number of milliseconds, got ${ttlMs}`);
    }
    this.#entries.set(key, { value, expiresAt: this.now() + ttlMs });
  }

  /** Remove a key. Returns true when something was removed. */
  delete(key) {
    return this.#entries.delete(key);
  }
}

/**
 * Build a cache-aside function on top of a store with get/set/delete
 * (a TtlCache here; a Redis/Valkey adapter in production).
 */
export function createCached(store) {
  const inFlight = new Map();

  return async function cached(key, ttlMs, loader) {
    // Join a load that is already running before even asking the store.
    if (inFlight.has(key)) return inFlight.get(key);

    const hit = await store.get(key);
    if (hit !== undefined) return hit;
    if (inFlight.has(key)) return inFlight.get(key);

    // .then() runs the loader on a later tick, so the entry is registered first.
    const load = Promise.resolve()
      .then(loader)
      .then(async (value) => {
        await store.set(key, value, typeof ttlMs === 'function' ? ttlMs(value) : ttlMs);
        return value;
      })
      .finally(() => inFlight.delete(key)); // success or failure: the next miss loads afresh
    inFlight.set(key, load);
    return load;
  };
}
