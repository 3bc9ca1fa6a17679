import { randomInt } from 'node:crypto';
import { PermanentError, RetryableError } from './errors.js';

/**
 * Runs jobs one at a time: claim, call the handler, then complete, retry or dead-letter.
 */
export class Worker {
  /**
   * @param {object} options
   * @param {import('./queue.js').SqliteQueue} options.queue
   * @param {Record<string, (payload: any, job: object) => Promise<void> | void>} options.handlers job type => handler
   * @param {{ now(): number }} options.clock
   * @param {string} options.workerId
   * @param {number} [options.maxAttempts]
   * @param {number} [options.baseDelaySeconds]
   * @param {number} [options.maxDelaySeconds]
   * @param {(delay: number) => number} [options.jitter] receives the computed delay, returns the delay to use
   */
  constructor({ queue, handlers, clock, workerId, maxAttempts = 3, baseDelaySeconds = 10, maxDelaySeconds = 3600, jitter }) {
    this.queue = queue;
    this.handlers = handlers;
    this.clock = clock;
    this.workerId = workerId;
    this.maxAttempts = maxAttempts;
    this.baseDelaySeconds = baseDelaySeconds;
    this.maxDelaySeconds = maxDelaySeconds;
    // Default "equal jitter": somewhere between half the delay and the full delay.
    this.jitter = jitter ?? ((delay) => randomInt(Math.floor(delay / 2), delay + 1));
  }

  /** Processes at most one ready job. Resolves to false when no job was ready. */
  async runOnce() {
    const job = this.queue.claim(this.workerId);
    if (!job) return false;

    // A job that keeps killing its worker is requeued by requeueStale() with its attempts counted.
    if (job.attempts > this.maxAttempts) {
      this.queue.deadLetter(job.id, `Gave up after ${job.attempts - 1} attempts (worker crashed or timed out)`);
      return true;
    }
    // Own keys only: a job type such as "constructor" must not find an inherited function.
    const handler = Object.hasOwn(this.handlers, job.type) ? this.handlers[job.type] : undefined;
    if (typeof handler !== 'function') {
      this.queue.deadLetter(job.id, `No handler for job type '${job.type}'`);
      return true;
    }

    try {
      await handler(job.payload);
      this.queue.complete(job.id);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      if (err instanceof PermanentError || job.attempts >= this.maxAttempts) {
        this.queue.deadLetter(job.id, message);
      } else {
        // RetryableError, and unexpected errors, which may be transient too.
        let delay = this.backoffDelay(job.attempts);
        if (err instanceof RetryableError && err.retryAfterSeconds !== undefined) {
          delay = Math.max(delay, err.retryAfterSeconds);
        }
        this.queue.retry(job.id, this.clock.now() + delay, message);
      }
    }
    return true;
  }

  /** Delay before the next try after failed attempt number `attempt` (1, 2, ...): min(cap, base * 2^(attempt-1)), jittered. */
  backoffDelay(attempt) {
    const delay = Math.min(this.maxDelaySeconds, this.baseDelaySeconds * 2 ** Math.min(attempt - 1, 30));
    return this.jitter(delay);
  }
}
