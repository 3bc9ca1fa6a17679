import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';

/**
 * W3C Trace Context: traceparent = "00-<32 hex trace-id>-<16 hex parent-id>-<2 hex flags>"
 * (lowercase hex). A trace-id or parent-id of all zeros is invalid, and so
 * is the version "ff".
 *
 * parseTraceparent(header) returns { traceId, parentId, flags } for a valid
 * version-00 header, or null for anything else (missing, wrong length,
 * uppercase, all zeros...).
 */
export function parseTraceparent(header) {
  throw new Error('Not implemented yet: parseTraceparent() in src/context.js');
}

/** getContext() returns the current request's store ({ traceId, spanId }) or undefined. */
export function getContext() {
  throw new Error('Not implemented yet: getContext() in src/context.js');
}

/**
 * withRequestContext(handler) returns an http request listener that:
 *   1. reuses the trace-id of a valid incoming traceparent header, or creates
 *      a new one (randomBytes(16).toString('hex')) when it is missing/invalid,
 *   2. creates a new span-id for this server (randomBytes(8).toString('hex')),
 *   3. sets the response header traceparent: 00-<traceId>-<spanId>-<flags>
 *      (the incoming flags, or '01' for a new trace),
 *   4. runs handler(req, res) inside an AsyncLocalStorage store
 *      { traceId, spanId }, so getContext() works in every callback and
 *      after every await of that request.
 */
export function withRequestContext(handler) {
  throw new Error('Not implemented yet: withRequestContext() in src/context.js');
}
