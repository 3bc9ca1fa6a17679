import http from 'node:http';

/**
 * Part B — a minimal node:http server. Do NOT call listen() here: the caller
 * (tests, src/main.js) decides the port.
 *
 * Routes:
 *   GET /      -> 200, Content-Type: application/json, body {"message":"hello"}
 *   GET /slow  -> waits 100 ms WITHOUT blocking the event loop (setTimeout),
 *                 then 200 JSON {"message":"slow"}
 *   other methods on / or /slow -> 405 JSON {"error":"method not allowed"}
 *                 with the header Allow: GET, HEAD
 *   any other path -> 404 JSON {"error":"not found"}
 *
 * Tip: req.url may carry a query string, so compare the pathname only:
 *   new URL(req.url, 'http://localhost').pathname
 *
 * @returns {http.Server}
 */
export function createServer() {
  throw new Error('Not implemented yet: createServer() in src/server.js');
}
