import http from 'node:http';

/**
 * A tiny Notes app. It works, and an attacker would love it: see README.md for the holes.
 *
 * Every route needs a logged-in user: the `sid` cookie names an entry of `sessions`
 * ({ userId, csrfToken }).
 *   GET  /notes?q=...&sort=newest|oldest|title   list and search your notes
 *   GET  /notes/:id                              show one note
 *   POST /notes  (form: title, body, csrf_token) create a note, then 303 to it
 */

const SORTS = { newest: 'id DESC', oldest: 'id ASC', title: 'title ASC' };

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
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

function newNoteForm(csrfToken) {
  return (
    '<form method="post" action="/notes">' +
    `<input type="hidden" name="csrf_token" value="${csrfToken ?? ''}">` +
    '<input name="title"><textarea name="body"></textarea><button>Save</button></form>'
  );
}

function listNotes(db, url, session) {
  const q = url.searchParams.get('q') ?? '';
  const sort = url.searchParams.get('sort') ?? 'newest';
  const orderBy = SORTS[sort] ?? sort;
  const rows = db
    .prepare(`SELECT id, title FROM notes WHERE owner_id = ${session.userId} AND title LIKE '%${q}%' ORDER BY ${orderBy}`)
    .all();
  const items = rows.map((row) => `<li><a href="/notes/${row.id}">${row.title}</a></li>\n`).join('');
  return html(200, `<h1>My notes</h1>\n<ul>\n${items}</ul>\n${newNoteForm(session.csrfToken)}`);
}

function showNote(db, id) {
  const note = db.prepare('SELECT title, body FROM notes WHERE id = ?').get(id);
  if (!note) return notFound();
  return html(200, `<h1>${note.title}</h1><p>${note.body}</p>`);
}

async function createNote(db, req, session) {
  const form = await readForm(req);
  const title = (form.get('title') ?? '').trim();
  const body = form.get('body') ?? '';
  if (title === '') return html(422, '<h1>Please give a title</h1>');
  const owner = Number(form.get('owner_id') ?? session.userId);
  const { lastInsertRowid } = db.prepare('INSERT INTO notes (owner_id, title, body) VALUES (?, ?, ?)').run(owner, title, body);
  return { status: 303, headers: { Location: `/notes/${lastInsertRowid}` }, body: '' };
}

async function route(db, sessions, req) {
  const session = sessionOf(req, sessions);
  if (!session) return html(401, '<h1>Please log in</h1>');
  const url = new URL(req.url, 'http://notes.invalid');
  if (url.pathname === '/notes' && req.method === 'GET') return listNotes(db, url, session);
  if (url.pathname === '/notes' && req.method === 'POST') return createNote(db, req, session);
  const match = /^\/notes\/(\d+)$/.exec(url.pathname);
  if (match && req.method === 'GET') return showNote(db, Number(match[1]));
  return notFound();
}

/**
 * @param {{ db: import('node:sqlite').DatabaseSync, sessions: Map<string, { userId: number, csrfToken?: string }>, log?: (line: string) => void }} deps
 *   log: where error details should go (the tests collect them)
 */
export function createApp({ db, sessions, log }) {
  return http.createServer(async (req, res) => {
    res.setHeader('X-Powered-By', `Node.js ${process.version}`);
    let response;
    try {
      response = await route(db, sessions, req);
    } catch (err) {
      response = html(500, `<h1>Error</h1><pre>${err.stack}</pre>`);
    }
    res.writeHead(response.status, response.headers);
    res.end(response.body);
  });
}
