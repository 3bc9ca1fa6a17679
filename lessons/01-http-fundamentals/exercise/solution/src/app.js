// HTTP Fundamentals exercise: reference solution.
import http from 'node:http';

const MAX_BODY_BYTES = 64 * 1024; // never read an unbounded body

/** Sends a JSON (or problem+json) response with an explicit Content-Length. */
function sendJson(req, res, status, data, extraHeaders = {}, type = 'application/json') {
  const body = JSON.stringify(data);
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Length': Buffer.byteLength(body),
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

/** "application/json; charset=utf-8" -> "application/json" */
function mediaType(header = '') {
  return header.split(';')[0].trim().toLowerCase();
}

async function readBody(req, limit) {
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > limit) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function handle(req, res) {
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
    if (mediaType(req.headers['content-type']) !== 'application/json') {
      return sendProblem(req, res, 415, 'Unsupported Media Type', { 'Accept-Post': 'application/json' });
    }
    const text = await readBody(req, MAX_BODY_BYTES);
    if (text === null) {
      return sendProblem(req, res, 413, 'Content Too Large', { Connection: 'close' });
    }
    let data;
    try {
      data = JSON.parse(text);
    } catch {
      return sendProblem(req, res, 400, 'Bad Request');
    }
    return sendJson(req, res, 200, data);
  }

  return sendProblem(req, res, 404, 'Not Found');
}

export function createApp() {
  return http.createServer((req, res) => {
    handle(req, res).catch(() => {
      // Generic message only: details belong in the server log, not the client.
      if (!res.headersSent) sendProblem(req, res, 500, 'Internal Server Error');
      else res.destroy();
    });
  });
}
