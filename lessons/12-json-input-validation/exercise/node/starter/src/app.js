import http from 'node:http';
import { sendProblem } from './problem.js';
import { validateCreateUser } from './validate.js';

export const MAX_BODY_BYTES = 10 * 1024;

/**
 * Build the server (do not call listen(): the tests use port 0).
 *
 * POST /users must check, in this order, and answer with sendProblem()
 * (application/problem+json) when a check fails:
 *   1. Content-Type is application/json (parameters such as
 *      "; charset=utf-8" are fine)                             -> else 415
 *   2. the body is at most MAX_BODY_BYTES. Refuse early when Content-Length
 *      is too big, and stop reading as soon as the streamed bytes pass
 *      the limit                                                -> else 413
 *   3. the body parses as JSON (JSON.parse)                     -> else 400
 *   4. validateCreateUser(body) returns no errors  -> else 422 with the list
 *                                                     in an `errors` member
 * On success: 201, JSON body of the stored user { id, name, email, age? }
 * built from the allowed fields only, and a Location: /users/<id> header.
 *
 * Other methods on /users -> 405 with Allow: POST. Other paths -> 404.
 * Unexpected errors -> 500 with a generic detail. Log the error, never send
 * err.message or err.stack to the client.
 *
 * @returns {http.Server}
 */
export function createApp() {
  throw new Error('Not implemented yet: createApp() in src/app.js');
}
