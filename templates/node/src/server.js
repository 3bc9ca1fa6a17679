import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { createNotesRepository } from './notes.js';
import { readJson } from './http/body.js';
import { HttpError, sendJson, sendProblem } from './http/errors.js';
import { Router } from './http/router.js';

const MAX_TITLE = 200;
const MAX_BODY = 10_000;

/**
 * Build the HTTP server without starting it. Everything it needs comes in
 * as arguments ("dependency injection"), so tests can pass an in-memory
 * database and a silent logger, and listen on port 0.
 *
 * @param {{
 *   db: import('node:sqlite').DatabaseSync,
 *   config: { bodyLimitBytes: number },
 *   logger: ReturnType<typeof import('./logger.js').createLogger>,
 * }} deps
 * @returns {http.Server}
 */
export function createServer({ db, config, logger }) {
  const notes = createNotesRepository(db);
  const router = new Router();

  // A handler receives { req, url, params } and returns { status, body, headers }.
  router.get('/', () => ({
    body: { name: 'Backend Path Node starter', links: { notes: '/notes', health: '/health' } },
  }));

  router.get('/health', () => {
    db.prepare('SELECT 1').get(); // proves the database answers, not just Node
    return { body: { status: 'ok' } };
  });

  router.get('/notes', ({ url }) => {
    const raw = url.searchParams.get('limit') ?? '50';
    const limit = /^\d+$/.test(raw) ? Number(raw) : NaN;
    if (!(limit >= 1 && limit <= 100)) {
      throw new HttpError(400, 'limit must be an integer between 1 and 100.');
    }
    // Wrap lists in an object: you can add "next" links or totals later without breaking clients.
    return { body: { data: notes.latest(limit) } };
  });

  router.post('/notes', async ({ req }) => {
    const input = await readJson(req, { limit: config.bodyLimitBytes });
    const { title, body } = validateNote(input);
    const note = notes.create({ title, body });
    // 201 Created + Location tells the client where the new resource lives.
    return { status: 201, body: note, headers: { Location: `/notes/${note.id}` } };
  });

  router.get('/notes/:id', ({ params }) => {
    // Anything that is not a positive integer cannot be a note id: 404, not 500.
    const note = /^[1-9]\d{0,14}$/.test(params.id) ? notes.find(Number(params.id)) : null;
    if (!note) throw new HttpError(404, 'There is no note with this id.');
    return { body: note };
  });

  const server = http.createServer(async (req, res) => {
    const started = performance.now();
    res.on('finish', () => {
      logger.info('request', {
        method: req.method,
        path: req.url,
        status: res.statusCode,
        ms: Math.round(performance.now() - started),
      });
    });

    let url;
    try {
      // Prefix instead of new URL(req.url, base): "//evil.com/x" must stay a path.
      url = new URL(`http://localhost${req.url}`);
    } catch {
      url = null;
    }

    try {
      if (!url) throw new HttpError(400, 'The request URL is malformed.');

      const match = router.match(req.method, url.pathname);
      if (!match) throw new HttpError(404, 'No resource exists at this URL.');
      if (match.allowed) {
        // RFC 9110 requires a 405 to say which methods *are* allowed.
        throw new HttpError(405, 'This URL does not support that method.', {
          headers: { Allow: match.allowed.join(', ') },
        });
      }

      const result = await match.handler({ req, url, params: match.params });
      closeIfShuttingDown(res);
      sendJson(res, result.status ?? 200, result.body, result.headers);
    } catch (error) {
      closeIfShuttingDown(res);
      handleError(error, req, res, url, logger);
    }
  });

  // After server.close() the server is no longer "listening" but requests that
  // were already in flight still get answered. Tell those clients not to reuse
  // the connection, so it closes right after the response and shutdown completes.
  function closeIfShuttingDown(res) {
    if (!server.listening && !res.headersSent) res.setHeader('Connection', 'close');
  }

  return server;
}

/**
 * Any error -> application/problem+json. HttpErrors are the client's
 * mistakes and their message is meant for the client. Anything else is a bug
 * or an outage: the client gets a generic message and an id, the details
 * (message, stack trace) go to the log only, because they can leak internals.
 */
function handleError(error, req, res, url, logger) {
  if (res.headersSent) {
    // Too late for a clean error response: cut the connection so the client
    // notices the response is incomplete, rather than trusting half a body.
    logger.error('error after response started', { error });
    res.destroy();
    return;
  }

  // If we answer before reading the whole request body (e.g. 413), the rest of
  // it is still on the socket; close the connection instead of reusing it
  // (otherwise Node would read and discard a possibly huge body to keep it alive).
  const hasBody = req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length']) > 0;
  if (hasBody && !req.readableEnded) res.setHeader('Connection', 'close');

  const instance = url?.pathname;
  if (error instanceof HttpError) {
    sendProblem(res, error.status, {
      detail: error.message,
      instance,
      headers: error.headers,
      extensions: error.extensions,
    });
    return;
  }

  const errorId = randomUUID();
  logger.error('unhandled error', { errorId, method: req.method, path: req.url, error });
  sendProblem(res, 500, {
    detail: 'Something went wrong on our side. Please try again later.',
    instance,
    extensions: { errorId },
  });
}

/** Validate POST /notes input; 422 lists every problem with a JSON Pointer to the field. */
function validateNote(input) {
  const errors = [];
  const { title, body = '' } = input;

  if (typeof title !== 'string' || title.trim() === '') {
    errors.push({ pointer: '#/title', detail: 'title is required and must be a non-empty string.' });
  } else if ([...title.trim()].length > MAX_TITLE) {
    errors.push({ pointer: '#/title', detail: `title must be at most ${MAX_TITLE} characters.` });
  }

  if (typeof body !== 'string') {
    errors.push({ pointer: '#/body', detail: 'body must be a string.' });
  } else if ([...body].length > MAX_BODY) {
    errors.push({ pointer: '#/body', detail: `body must be at most ${MAX_BODY} characters.` });
  }

  if (errors.length > 0) {
    throw new HttpError(422, 'The note is not valid.', { extensions: { errors } });
  }
  return { title: title.trim(), body };
}
