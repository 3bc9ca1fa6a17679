import http from 'node:http';
import { timingSafeEqual, randomBytes } from 'node:crypto';

/**
 * A tiny Notes app, fixed.
 *
 * Every route needs a logged-in user: the `sid` cookie names an entry of `sessions`
 * ({ userId, csrfToken }).
 *   GET  /notes?q=...&sort=newest|oldest|title   list and search your notes
 *   GET  /notes/:id                              show one note
 *   POST /notes  (form: title, body, csrf_token) create a note, then 303 to it
 */

/** Allowlist: user input picks a key, only these fragments ever reach ORDER BY. A Map has no inherited keys. */
const SORTS = new Map([
  ['newest', 'id DESC'],
  ['oldest', 'id ASC'],
  ['title', 'title ASC'],
]);

const SECURITY_HEADERS = {
  'Content-Security-Policy': "default-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Strict-Transport-Security': 'max-age=63072000; includeSubDomains',
};

const MAX_BODY_BYTES = 64 * 1024;

/** HTML-encodes text for element content and quoted attribute values (& first, then the rest). */
function escapeHtml(value) {
  return String(value)
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

const html = (status, body, headers = {}) => ({ status, headers: { 'Content-Type': 'text/html; charset=utf-8', ...headers }, body });
const notFound = () => html(404, '<h1>Not found</h1>');

function sessionOf(req, sessions) {
  const cookies = new Map(
    (req.headers.cookie ?? '').split(';').map((pair) => {
      const at = pair.indexOf('=');
      return [pair.slice(0, at).trim(), pair.slice(at + 1).trim()];
    }),
  );
  const sid = cookies.get('sid');
  return sid ? sessions.get(sid) : undefined;
}

async function readForm(req) {
  let size = 0;
  const chunks = [];
  for await (const chunk of req) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/** Same length and same bytes, compared in constant time; never true for an empty or missing token. */
function hasValidCsrfToken(req, session, form) {
  const site = req.headers['sec-fetch-site'] ?? 'same-origin'; // absent in old browsers
  if (site !== 'same-origin' && site !== 'none') return false;
  const expected = session.csrfToken;
  const sent = form.get('csrf_token');
  if (typeof expected !== 'string' || expected === '' || typeof sent !== 'string') return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(sent);
  return a.length === b.length && timingSafeEqual(a, b);
}

function newNoteForm(csrfToken) {
  return (
    '<form method="post" action="/notes">' +
    `<input type="hidden" name="csrf_token" value="${escapeHtml(csrfToken ?? '')}">` +
    '<input name="title"><textarea name="body"></textarea><button>Save</button></form>'
  );
}

function listNotes(db, url, session) {
  const q = url.searchParams.get('q') ?? '';
  const orderBy = SORTS.get(url.searchParams.get('sort')) ?? SORTS.get('newest');
  const rows = db
    .prepare(`SELECT id, title FROM notes WHERE owner_id = ? AND title LIKE ? ORDER BY ${orderBy}`)
    .all(session.userId, `%${q}%`);
  const items = rows.map((row) => `<li><a href="/notes/${Number(row.id)}">${escapeHtml(row.title)}</a></li>\n`).join('');
  return html(200, `<h1>My notes</h1>\n<ul>\n${items}</ul>\n${newNoteForm(session.csrfToken)}`);
}

function showNote(db, id, session) {
  // The owner is part of the query: someone else's note looks exactly like a missing one.
  const note = db.prepare('SELECT title, body FROM notes WHERE id = ? AND owner_id = ?').get(id, session.userId);
  if (!note) return notFound();
  return html(200, `<h1>${escapeHtml(note.title)}</h1><p>${escapeHtml(note.body)}</p>`);
}

async function createNote(db, req, session) {
  const form = await readForm(req);
  if (!form) return html(413, '<h1>Too large</h1>');
  if (!hasValidCsrfToken(req, session, form)) return html(403, '<h1>Forbidden</h1>');
  const title = (form.get('title') ?? '').trim();
  const body = form.get('body') ?? '';
  if (title === '' || title.length > 200 || body.length > 10_000) {
    return html(422, '<h1>Please give a title (200 characters at most) and a shorter body</h1>');
  }
  // Only the fields we name, and the owner from the session: never from the form.
  const { lastInsertRowid } = db.prepare('INSERT INTO notes (owner_id, title, body) VALUES (?, ?, ?)').run(session.userId, title, body);
  return { status: 303, headers: { Location: `/notes/${Number(lastInsertRowid)}` }, body: '' };
}

async function route(db, sessions, req) {
  const session = sessionOf(req, sessions);
  if (!session || !Number.isInteger(session.userId)) return html(401, '<h1>Please log in</h1>');
  const url = new URL(req.url, 'http://notes.invalid');
  if (url.pathname === '/notes' && req.method === 'GET') return listNotes(db, url, session);
  if (url.pathname === '/notes' && req.method === 'POST') return createNote(db, req, session);
  const match = /^\/notes\/(\d+)$/.exec(url.pathname);
  if (match && req.method === 'GET') return showNote(db, Number(match[1]), session);
  return notFound();
}

/**
 * @param {{ db: import('node:sqlite').DatabaseSync, sessions: Map<string, { userId: number, csrfToken?: string }>, log?: (line: string) => void }} deps
 *   log: where error details go (the tests collect them); console.error when missing
 */
export function createApp({ db, sessions, log = (line) => console.error(line) }) {
  return http.createServer(async (req, res) => {
    let response;
    try {
      response = await route(db, sessions, req);
    } catch (err) {
      // Details go to the log with a reference; the client gets nothing to study.
      const reference = randomBytes(8).toString('hex');
      log(`[${reference}] ${err?.stack ?? err}`);
      response = html(500, `<h1>Something went wrong</h1><p>Reference: ${reference}</p>`);
    }
    res.removeHeader('X-Powered-By');
    res.writeHead(response.status, { ...response.headers, ...SECURITY_HEADERS });
    res.end(response.body);
  });
}
