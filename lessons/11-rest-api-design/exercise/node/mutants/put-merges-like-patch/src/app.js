// Designing a REST API exercise: reference solution.
import http from 'node:http';
import { sendJson, sendProblem, sendEmpty, readJson, etagFor } from './http-helpers.js';

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 100;

const encodeCursor = (id) => Buffer.from(JSON.stringify({ after: id })).toString('base64url');
function decodeCursor(cursor) {
  try {
    const { after } = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    return Number.isSafeInteger(after) ? after : null;
  } catch {
    return null;
  }
}

/** Keeps only the fields a client may set (no mass assignment) and validates them. */
function validateBook(input) {
  const errors = [];
  const book = {};
  for (const field of ['title', 'author']) {
    const value = input?.[field];
    if (typeof value !== 'string' || value.trim() === '' || value.length > 200) {
      errors.push({ pointer: `/${field}`, detail: `${field} must be a non-empty string of at most 200 characters` });
    } else {
      book[field] = value.trim();
    }
  }
  return { book, errors };
}

function ifMatchFails(req, etag) {
  const header = req.headers['if-match'];
  if (header === undefined || header.trim() === '*') return false;
  // If-Match uses the strong comparison: weak tags (W/"...") never match.
  return !header.split(',').map((t) => t.trim()).includes(etag);
}

export function createApp() {
  const books = new Map(); // id (number) -> { id, title, author }; insertion order = id order
  let nextId = 1;

  async function readBook(req, res) {
    const body = await readJson(req);
    if (!body.ok) {
      sendProblem(res, body.status, body.title);
      return null;
    }
    const { book, errors } = validateBook(body.value);
    if (errors.length) {
      sendProblem(res, 422, 'Unprocessable Content', { detail: 'The book has invalid fields.', errors });
      return null;
    }
    return book;
  }

  async function collection(req, res, url) {
    if (req.method === 'GET') {
      const rawLimit = url.searchParams.get('limit');
      const limit = rawLimit === null ? DEFAULT_LIMIT : Number(rawLimit);
      if (!Number.isInteger(limit) || limit < 1) {
        return sendProblem(res, 400, 'Bad Request', { detail: 'limit must be a positive integer.' });
      }
      const pageSize = Math.min(limit, MAX_LIMIT); // server-side cap (OWASP API4:2023)
      const rawCursor = url.searchParams.get('cursor');
      const after = rawCursor === null ? 0 : decodeCursor(rawCursor);
      if (after === null) return sendProblem(res, 400, 'Bad Request', { detail: 'cursor is invalid.' });

      const page = [];
      let hasMore = false;
      for (const book of books.values()) { // keyset: only ids after the cursor
        if (book.id <= after) continue;
        if (page.length === pageSize) { hasMore = true; break; }
        page.push(book);
      }
      const headers = {};
      if (hasMore) {
        const next = `/books?limit=${pageSize}&cursor=${encodeCursor(page.at(-1).id)}`;
        headers.Link = `<${next}>; rel="next"`;
      }
      return sendJson(res, 200, { items: page }, headers);
    }
    if (req.method === 'POST') {
      const input = await readBook(req, res);
      if (!input) return;
      const book = { id: nextId++, ...input };
      books.set(book.id, book);
      return sendJson(res, 201, book, { Location: `/books/${book.id}`, ETag: etagFor(book) });
    }
    return sendProblem(res, 405, 'Method Not Allowed', { headers: { Allow: 'GET, POST' } });
  }

  async function item(req, res, rawId) {
    const id = /^[1-9]\d{0,15}$/.test(rawId) ? Number(rawId) : null;
    const current = id === null ? undefined : books.get(id);
    if (!['GET', 'HEAD', 'PUT', 'DELETE'].includes(req.method)) {
      return sendProblem(res, 405, 'Method Not Allowed', { headers: { Allow: 'GET, HEAD, PUT, DELETE' } });
    }
    if (!current) return sendProblem(res, 404, 'Not Found', { detail: 'No book with this id.' });
    const etag = etagFor(current);

    if (req.method === 'GET' || req.method === 'HEAD') return sendJson(res, 200, current, { ETag: etag });
    if (ifMatchFails(req, etag)) {
      return sendProblem(res, 412, 'Precondition Failed', { detail: 'The book was changed by someone else. Fetch it again.' });
    }
    if (req.method === 'DELETE') {
      books.delete(id);
      return sendEmpty(res, 204);
    }
    const body = await readJson(req);
    if (!body.ok) return sendProblem(res, body.status, body.title);
    const merged = { title: current.title, author: current.author };
    for (const field of ['title', 'author']) if (typeof body.value?.[field] === 'string') merged[field] = body.value[field];
    const { book: input, errors } = validateBook(merged);
    if (errors.length) return sendProblem(res, 422, 'Unprocessable Content', { detail: 'The book has invalid fields.', errors });
    const updated = { id, ...input };
    books.set(id, updated);
    return sendJson(res, 200, updated, { ETag: etagFor(updated) });
  }

  async function route(req, res) {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const match = /^\/books(?:\/([^/]+))?\/?$/.exec(url.pathname);
    if (!match) return sendProblem(res, 404, 'Not Found');
    if (match[1] === undefined) return collection(req, res, url);
    return item(req, res, match[1]);
  }

  return http.createServer((req, res) => {
    route(req, res).catch(() => {
      if (!res.headersSent) sendProblem(res, 500, 'Internal Server Error');
      else res.destroy();
    });
  });
}
