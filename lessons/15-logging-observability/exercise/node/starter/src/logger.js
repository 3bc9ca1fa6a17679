import { getContext } from './context.js';

export const LEVELS = { debug: 20, info: 30, warn: 40, error: 50 };

/**
 * createLogger(options) returns { debug, info, warn, error, child }.
 *
 * Options (all optional):
 *   level    minimum level to write, default 'info' (debug lines are dropped)
 *   stream   where to write, default process.stdout (anything with write(string))
 *   redact   field names to hide at ANY depth, case-insensitive,
 *            default ['password', 'authorization', 'cookie']
 *   now      clock, default () => new Date()   (tests inject a fixed one)
 *   bindings fields added to every line, e.g. { service: 'orders' }
 *
 * logger.info(msg, fields) writes ONE line: JSON.stringify(...) + '\n', e.g.
 *   {"time":"2026-11-02T10:00:00.000Z","level":"info","msg":"user fetched",
 *    "trace_id":"4bf9…","service":"orders","user_ref":"…"}
 *   - time: now().toISOString(); level: the level NAME; msg: the message
 *   - trace_id: getContext()?.traceId, only when there is a request context
 *   - then the bindings, then the fields, with redacted keys replaced by
 *     "[REDACTED]" (also inside nested objects and arrays)
 *
 * logger.child(moreBindings) returns a logger with the same options and
 * bindings merged.
 */
export function createLogger(options = {}) {
  throw new Error('Not implemented yet: createLogger() in src/logger.js');
}
