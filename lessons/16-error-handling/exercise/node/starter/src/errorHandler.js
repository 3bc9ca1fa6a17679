// The ONE place where errors become HTTP responses (RFC 9457 problem details).
import { ClientError, NotFound, ValidationFailed } from './errors.js';

/**
 * @param {unknown} err whatever was thrown (not always an Error!)
 * @param {string} requestId the correlation ID of this request
 * @param {{ error(msg: string, context: object): void, warn(msg: string, context: object): void, info(msg: string, context: object): void }} logger
 * @returns {{ status: number, headers: Record<string, string>, body: string }}
 */
export function toResponse(err, requestId, logger) {
  throw new Error('not implemented: toResponse() in src/errorHandler.js');
}
