import http from 'node:http';
import { sendProblem } from './problem.js';
import { validateCreateUser } from './validate.js';

export const MAX_BODY_BYTES = 10 * 1024;

class HttpProblem extends Error {
  constructor(status, slug, title, detail) {
    super(detail);
    Object.assign(this, { status, slug, title, detail });
  }
}

/** Read the body as UTF-8 text, refusing more than `limit` bytes. */
async function readBody(req, limit) {
  const declared = Number(req.headers['content-length']);
  if (declared > limit) throw new HttpProblem(413, 'too-large', 'Content Too Large', `The body must not exceed ${limit} bytes.`);
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > limit) throw new HttpProblem(413, 'too-large', 'Content Too Large', `The body must not exceed ${limit} bytes.`);
    chunks.push(chunk);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new HttpProblem(400, 'malformed', 'Malformed request body', 'The body is not valid UTF-8.');
  }
}

async function createUser(req, res, users) {
  const mediaType = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (mediaType !== 'application/json') {
    throw new HttpProblem(415, 'unsupported-media-type', 'Unsupported Media Type', 'Send the body as application/json.');
  }
  const text = await readBody(req, MAX_BODY_BYTES);
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    // Never echo the parser message: it quotes the raw input.
    throw new HttpProblem(400, 'malformed', 'Malformed JSON', 'The request body is not valid JSON.');
  }
  const errors = validateCreateUser(body);
  if (errors.length > 0) {
    sendProblem(res, 422, 'validation-failed', 'Validation failed', `${errors.length} field(s) failed validation.`, { errors });
    return;
  }
  // Copy only the allowlisted fields: never store the parsed object itself.
  const user = { id: users.length + 1, name: body.name.trim(), email: body.email };
  if (body.age !== undefined) user.age = body.age;
  users.push(user);
  const payload = JSON.stringify(user);
  res.writeHead(201, { 'Content-Type': 'application/json', Location: `/users/${user.id}`, 'Content-Length': Buffer.byteLength(payload) });
  res.end(payload);
}

/** @returns {http.Server} a server (not listening) with POST /users */
export function createApp() {
  const users = [];
  return http.createServer(async (req, res) => {
    try {
      const { pathname } = new URL(req.url ?? '/', 'http://localhost');
      if (req.method !== 'POST') {
        sendProblem(res, 405, 'method-not-allowed', 'Method Not Allowed', 'Use POST.', {}, { Allow: 'POST' });
        return;
      }
      if (pathname !== '/users') throw new HttpProblem(404, 'not-found', 'Not Found', 'No such resource.');
      await createUser(req, res, users);
    } catch (err) {
      if (err instanceof HttpProblem) {
        const headers = err.status === 413 ? { Connection: 'close' } : {};
        sendProblem(res, err.status, err.slug, err.title, err.detail, {}, headers);
      } else {
        console.error(err); // full details go to the log, never to the client
        sendProblem(res, 500, 'internal', 'Internal Server Error', 'Something went wrong on our side.');
      }
    }
  });
}
