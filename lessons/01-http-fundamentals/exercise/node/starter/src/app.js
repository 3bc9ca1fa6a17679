// HTTP Fundamentals exercise: build the server described in README.md.
// Use only Node built-ins. Do not call listen() here: the tests do that
// (on port 0, so the operating system picks a free port).
import http from 'node:http';

/**
 * Creates the HTTP server. Routes (on the path only; a query string changes nothing):
 *   GET  /health  -> 200 {"status":"ok"}
 *   HEAD /health  -> same status and headers as GET, no body written
 *   other methods on /health -> 405 with an Allow header
 *   POST /echo    -> 415 unless the media type is application/json,
 *                    413 once the body passes 64 KiB, 400 for malformed JSON,
 *                    otherwise 200 with the parsed JSON echoed back
 *   POST /items   -> 401 + WWW-Authenticate unless "Authorization: Bearer <token>",
 *                    otherwise 201 + Location of the new item
 *   GET  /items/<id> -> 200 {"id":..., "data":...} or 404
 *   anything else -> 404 with a JSON body whose "status" is 404
 *
 * @param {{ token: string }} options the bearer token POST /items accepts
 * @returns {http.Server}
 */
export function createApp({ token } = {}) {
  throw new Error('Not implemented yet: createApp() in src/app.js');
}
