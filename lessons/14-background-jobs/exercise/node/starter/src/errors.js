// The two kinds of job failure (given).

/**
 * A transient failure: a timeout, a 503 or 429 from a provider, a lock that was busy.
 * Trying again later may succeed. retryAfterSeconds carries an upstream Retry-After.
 */
export class RetryableError extends Error {
  name = 'RetryableError';

  /** @param {string} message @param {{ retryAfterSeconds?: number, cause?: unknown }} [options] */
  constructor(message, { retryAfterSeconds, cause } = {}) {
    super(message, { cause });
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** A failure that will never succeed on retry: a declined card, an order that no longer exists. */
export class PermanentError extends Error {
  name = 'PermanentError';
}
