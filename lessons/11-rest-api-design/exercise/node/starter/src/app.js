// Designing a REST API exercise: an in-memory `books` resource on node:http.
// Helpers for JSON, problem details, body reading and ETags are in ./http-helpers.js.
import http from 'node:http';
import { sendJson, sendProblem, sendEmpty, readJson, etagFor } from './http-helpers.js';

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 100;

/**
 * Creates the server. Routes (see README.md for the details):
 *   GET    /books?limit=&cursor=   list, cursor-paginated, Link: <...>; rel="next"
 *   POST   /books                  create -> 201 + Location
 *   GET    /books/:id              read   -> 200 + ETag
 *   PUT    /books/:id              replace (If-Match -> 412 when stale)
 *   DELETE /books/:id              delete -> 204
 * Errors are application/problem+json. Unsupported methods -> 405 + Allow.
 *
 * @returns {http.Server}
 */
export function createApp() {
  throw new Error('Not implemented yet: createApp() in src/app.js');
}
