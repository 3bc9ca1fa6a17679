// HTTP Fundamentals exercise: reference solution.
import http from 'node:http';
import { randomUUID } from 'node:crypto';

export const MAX_BODY_BYTES = 64 * 1024; // never read an unbounded body

/** Sends a JSON (or problem+json) response with an explicit Content-Length. */
function sendJson(req, res, status, data, extraHeaders = {}, type = 'application/json') {
  const body = JSON.stringify(data);
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Length': Buffer.byteLength(body), // bytes, not characters
    ...extraHeaders,
  });
  // HEAD gets the same headers as GET, but never a body.
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** RFC 9457-style error body; lesson 11 covers problem details in depth. */
function sendProblem(req, res, status, title, extraHeaders = {}) {
  sendJson(req, res, status, { type: 'about:blank', title, status }, extraHeaders,
    'application/problem+json');
}

/** "Application/JSON; charset=utf-8" -> "application/json" */
function mediaType(header = '') {
  return header.split(';')[0].trim().toLowerCase();
}

/** Reads at most `limit` bytes, however the body is framed; null once it grows past the limit. */
async function readBody(req, limit) {
  if (Number(req.headers['content-length']) > limit) return null; // declared too big: don't wait
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > limit) return null; // chunked bodies have no Content-Length: count what arrives
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Checks the media type, reads and parses a JSON body; sends the error itself and returns undefined. */
async function readJson(req, res) {
  if (mediaType(req.headers['content-type']) !== 'application/json') {
    sendProblem(req, res, 415, 'Unsupported Media Type', { 'Accept-Post': 'application/json' });
    return undefined;
  }
  const text = await readBody(req, MAX_BODY_BYTES);
  if (text === null) {
    sendProblem(req, res, 413, 'Content Too Large', { Connection: 'close' });
    return undefined;
  }
  try {
    return { value: JSON.parse(text) };
  } catch {
    sendProblem(req, res, 400, 'Bad Request');
    return undefined;
  }
}

async function handle(req, res, token, items) {
  // Route on the path only: "/health?x=1" is still /health.
  const { pathname } = new URL(req.url ?? '/', 'http://localhost');

  if (pathname === '/health') {
    if (req.method === 'GET' || req.method === 'HEAD') {
      return sendJson(req, res, 200, { status: 'ok' });
    }
    return sendProblem(req, res, 405, 'Method Not Allowed', { Allow: 'GET, HEAD' });
  }

  if (pathname === '/echo') {
    if (req.method !== 'POST') {
      return sendProblem(req, res, 405, 'Method Not Allowed', { Allow: 'POST' });
    }
    const body = await readJson(req, res);
    if (body) sendJson(req, res, 200, body.value);
    return undefined;
  }

  if (pathname === '/items') {
    if (req.method !== 'POST') {
      return sendProblem(req, res, 405, 'Method Not Allowed', { Allow: 'POST' });
    }
    if (req.headers.authorization !== `Bearer ${token}`) {
      // 401 = "I don't know who you are"; WWW-Authenticate says how to prove it.
      return sendProblem(req, res, 401, 'Unauthorized', { 'WWW-Authenticate': 'Bearer realm="items"' });
    }
    if (mediaType(req.headers["content-type"]) !== "application/json") return sendProblem(req, res, 415, "Unsupported Media Type");
    let text = "";
    for await (const chunk of req) text += chunk;
    let body;
    try { body = { value: JSON.parse(text) }; } catch { return sendProblem(req, res, 400, "Bad Request"); }
    const item = { id: randomUUID(), data: body.value };
    items.set(item.id, item);
    return sendJson(req, res, 201, item, { Location: `/items/${item.id}` });
  }

  const match = /^\/items\/([^/]+)$/.exec(pathname);
  if (match) {
    const item = items.get(match[1]);
    if (!item) return sendProblem(req, res, 404, 'Not Found');
    if (req.method === 'GET' || req.method === 'HEAD') return sendJson(req, res, 200, item);
    return sendProblem(req, res, 405, 'Method Not Allowed', { Allow: 'GET, HEAD' });
  }

  return sendProblem(req, res, 404, 'Not Found');
}

export function createApp({ token } = {}) {
  if (typeof token !== 'string' || token === '') throw new TypeError('createApp({ token }) needs a token');
  const items = new Map(); // per server, so two apps never share data
  return http.createServer((req, res) => {
    handle(req, res, token, items).catch(() => {
      // Generic message only: details belong in the server log, not the client.
      if (!res.headersSent) sendProblem(req, res, 500, 'Internal Server Error');
      else res.destroy();
    });
  });
}
