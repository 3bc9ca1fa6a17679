/**
 * A token bucket: up to `capacity` tokens, refilled continuously at `refillPerSec`.
 * Each take() spends one token if at least one whole token is available.
 *
 * The clock is injected (`now` returns milliseconds) so tests can move time forward.
 * Refill lazily inside take(): no timers.
 */
export class TokenBucket {
  #capacity;
  #refillPerSec;
  #now;
  #tokens;
  #updatedMs;

  /**
   * @param {{ capacity: number, refillPerSec: number, now?: () => number }} options
   */
  constructor({ capacity, refillPerSec, now = () => Date.now() }) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError('capacity must be a positive integer');
    }
    if (typeof refillPerSec !== 'number' || !Number.isFinite(refillPerSec) || refillPerSec <= 0) {
      throw new RangeError('refillPerSec must be a positive number');
    }
    this.#capacity = capacity;
    this.#refillPerSec = refillPerSec;
    this.#now = now;
    this.#tokens = capacity;
    this.#updatedMs = now();
  }

  /**
   * Try to spend one token.
   * @returns {{ allowed: boolean, remaining: number, resetSec: number }}
   */
  take() {
    const nowMs = this.#now();
    const elapsedSec = Math.max(0, nowMs - this.#updatedMs) / 1000; // ignore clocks going backwards
    this.#tokens = this.#tokens + elapsedSec * this.#refillPerSec;
    this.#updatedMs = nowMs;

    const allowed = this.#tokens >= 1;
    if (allowed) {
      this.#tokens -= 1;
    }
    const whole = Math.floor(this.#tokens);
    const resetSec = Math.max(1, Math.ceil((whole + 1 - this.#tokens) / this.#refillPerSec));

    return { allowed, remaining: whole, resetSec };
  }
}
