// HTTP Fundamentals exercise: build the server described in README.md.
// Use only Node built-ins. Do not call listen() here: the tests do that
// (on port 0, so the operating system picks a free port).
import http from 'node:http';

/**
 * Creates the HTTP server. Routes:
 *   GET  /health  -> 200 {"status":"ok"}
 *   HEAD /health  -> same status and headers as GET, no body
 *   other methods on /health -> 405 with an Allow header
 *   POST /echo    -> 415 unless the media type is application/json,
 *                    otherwise 200 with the parsed JSON echoed back
 *   anything else -> 404 with a JSON body whose "status" is 404
 *
 * @returns {http.Server}
 */
export function createApp() {
  throw new Error('Not implemented yet: createApp() in src/app.js');
}
