// Request/Response Cycle exercise: a tiny middleware pipeline for node:http.
// A middleware is a function (req, res, next) that may be async.
// `next()` runs the rest of the chain and returns a Promise.

/**
 * Creates an error that carries an HTTP status for the client.
 * Already implemented: use it in jsonBody() and read it in errorHandler().
 */
export function httpError(status, title) {
  const err = new Error(title);
  err.status = status;
  err.title = title;
  return err;
}

/**
 * Combines middlewares into one function (req, res, next?) => Promise.
 * - Each middleware runs "around" the ones after it (onion model).
 * - A middleware that does not call next() ends the chain (early exit).
 * - Synchronous throws and rejected promises both become a rejected Promise.
 * - Calling next() twice in the same middleware rejects with an Error
 *   whose message contains "next() called multiple times".
 */
export function compose(middlewares) {
  throw new Error('Not implemented yet: compose() in src/pipeline.js');
}

/**
 * Returns a middleware that reads a JSON body into req.body.
 * - Media type other than application/json -> httpError(415, 'Unsupported Media Type')
 * - More than `limit` bytes -> httpError(413, 'Content Too Large')
 * - Malformed JSON -> httpError(400, 'Bad Request')
 */
export function jsonBody({ limit = 100 * 1024 } = {}) {
  throw new Error('Not implemented yet: jsonBody() in src/pipeline.js');
}

/**
 * Returns a middleware, meant to be FIRST in the chain, that catches errors
 * from everything after it and answers with application/problem+json:
 * - errors with a 4xx `status` -> that status and its title
 * - anything else -> 500 with the generic title 'Internal Server Error'
 * Never send the error message or stack of a 500 to the client; pass the
 * error to `log` instead.
 */
export function errorHandler({ log = (err) => console.error(err) } = {}) {
  throw new Error('Not implemented yet: errorHandler() in src/pipeline.js');
}

/**
 * Returns a middleware that sets req.clientIp, the address to log and rate-limit.
 * - If the TCP peer (req.socket.remoteAddress) is not in `trustedProxies`, it is the client:
 *   ignore X-Forwarded-For completely.
 * - If it is one of our proxies, walk X-Forwarded-For from the right, skip entries that are
 *   also our proxies, and take the first one that is not. With no usable entry, use the peer.
 */
export function clientIp({ trustedProxies = [] } = {}) {
  throw new Error('Not implemented yet: clientIp() in src/pipeline.js');
}
