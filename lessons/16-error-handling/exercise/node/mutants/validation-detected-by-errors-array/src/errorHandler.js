// The ONE place where errors become HTTP responses (RFC 9457 problem details).
import { ClientError, NotFound, ValidationFailed } from './errors.js';

const GENERIC_DETAIL = 'An unexpected error occurred. Quote the request ID when contacting support.';

/** Classifies what was thrown: only our own client errors get a 4xx and keep their message. */
function classify(err) {
  if (err instanceof NotFound) return { status: 404, title: 'Not Found', detail: err.message };
  if (Array.isArray(err?.errors)) {
    return { status: 422, title: 'Unprocessable Content', detail: err.message, extra: { errors: err.errors } };
  }
  if (err instanceof ClientError) return { status: 400, title: 'Bad Request', detail: err.message };
  // Anything else, whatever properties it carries, is our problem: a fixed sentence, nothing from inside.
  return { status: 500, title: 'Internal Server Error', detail: GENERIC_DETAIL };
}

/**
 * @param {unknown} err whatever was thrown (not always an Error!)
 * @param {string} requestId the correlation ID of this request
 * @param {{ error(msg: string, context: object): void, warn(msg: string, context: object): void, info(msg: string, context: object): void }} logger
 * @returns {{ status: number, headers: Record<string, string>, body: string }}
 */
export function toResponse(err, requestId, logger) {
  const { status, title, detail, extra = {} } = classify(err);
  if (status >= 500) {
    // The full story (message, cause chain, stack) goes to the log, once, with the same request ID.
    logger.error('unhandled error', { err, requestId });
  }
  const body = {
    type: 'about:blank',
    title,
    status,
    detail,
    instance: `/requests/${encodeURIComponent(requestId)}`,
    requestId,
    ...extra,
  };
  return { status, headers: { 'content-type': 'application/problem+json' }, body: JSON.stringify(body) };
}
