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
    throw new Error('not implemented: runOnce() in src/worker.js');
  }

  /** Delay before the next try after failed attempt number `attempt` (1, 2, ...). */
  backoffDelay(attempt) {
    throw new Error('not implemented: backoffDelay() in src/worker.js');
  }
}
