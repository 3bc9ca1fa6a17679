/**
 * A token bucket: up to `capacity` tokens, refilled continuously at `refillPerSec`.
 * Each take() spends one token if at least one whole token is available.
 *
 * The clock is injected (`now` returns milliseconds) so tests can move time forward.
 * Refill lazily inside take(): no timers.
 */
export class TokenBucket {
  /**
   * @param {{ capacity: number, refillPerSec: number, now?: () => number }} options
   *   capacity: a positive integer; refillPerSec: a positive number.
   *   Throw a RangeError for anything else. The bucket starts full.
   */
  constructor({ capacity, refillPerSec, now = () => Date.now() }) {
    throw new Error('Not implemented yet: TokenBucket constructor');
  }

  /**
   * Try to spend one token.
   * @returns {{ allowed: boolean, remaining: number, resetSec: number }}
   *   allowed:   true if a token was spent
   *   remaining: whole tokens left after this call (Math.floor), never negative
   *   resetSec:  whole seconds (at least 1, rounded up) until one more token is added;
   *              for a refused request this is the Retry-After value
   */
  take() {
    throw new Error('Not implemented yet: TokenBucket.take()');
  }
}
