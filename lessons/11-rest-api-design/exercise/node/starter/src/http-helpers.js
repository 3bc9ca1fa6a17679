// Ready-made helpers for the exercise. You do not need to change this file.
import { createHash } from 'node:crypto';

/** Sends JSON with an explicit Content-Length. */
export function sendJson(res, status, data, headers = {}) {
  const body = JSON.stringify(data);
  res.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(body),
    ...headers,
  });
  res.end(body);
}

/** Sends an RFC 9457 problem details response. `extra` adds members such as `errors`. */
export function sendProblem(res, status, title, { detail, headers = {}, ...extra } = {}) {
  const body = JSON.stringify({ type: 'about:blank', title, status, ...(detail ? { detail } : {}), ...extra });
  res.writeHead(status, {
    'Content-Type': 'application/problem+json',
    'Content-Length': Buffer.byteLength(body),
    ...headers,
  });
  res.end(body);
}

/** Sends a response without content (204). */
export function sendEmpty(res, status, headers = {}) {
  res.writeHead(status, headers);
  res.end();
}

/**
 * Reads a JSON request body (max 16 KiB).
 * Resolves to { ok: true, value } or { ok: false, status, title }.
 */
export async function readJson(req, limit = 16 * 1024) {
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/json') return { ok: false, status: 415, title: 'Unsupported Media Type' };
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > limit) return { ok: false, status: 413, title: 'Content Too Large' };
    chunks.push(chunk);
  }
  try {
    return { ok: true, value: JSON.parse(Buffer.concat(chunks).toString('utf8')) };
  } catch {
    return { ok: false, status: 400, title: 'Bad Request' };
  }
}

/** A strong ETag computed from the representation: same content, same tag. */
export function etagFor(data) {
  return `"${createHash('sha256').update(JSON.stringify(data)).digest('base64url').slice(0, 27)}"`;
}
