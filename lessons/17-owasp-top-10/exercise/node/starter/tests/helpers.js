import http from 'node:http';
import { randomBytes } from 'node:crypto';
import { createApp } from '../src/app.js';
import { createSeededDb } from '../src/db.js';

export const ANA = 1;
export const BEN = 2;

/**
 * Starts the app on a free port with a fresh seeded database. Ana (user 1) owns notes 1-3,
 * Ben (user 2) owns note 4. Ana's session has a fresh random CSRF token.
 */
export async function startApp({ withLogger = true } = {}) {
  const db = createSeededDb();
  const sessions = new Map();
  const logged = [];
  const server = createApp(withLogger ? { db, sessions, log: (line) => logged.push(String(line)) } : { db, sessions });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const app = {
    db,
    sessions,
    logged,
    port: server.address().port,
    anaToken: randomBytes(16).toString('hex'),
    /** Creates a session and returns its cookie. */
    login(userId, csrfToken) {
      const sid = randomBytes(12).toString('hex');
      sessions.set(sid, csrfToken === undefined ? { userId } : { userId, csrfToken });
      return `sid=${sid}`;
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    },
  };
  app.ana = app.login(ANA, app.anaToken);
  return app;
}

/**
 * Sends one request. `form` is an object (sent as application/x-www-form-urlencoded);
 * `chunked: true` sends the body in pieces without Content-Length.
 */
export function request(app, method, path, { cookie, form, headers = {}, chunked = false } = {}) {
  return new Promise((resolve, reject) => {
    const body = form === undefined ? undefined : Buffer.from(new URLSearchParams(form).toString());
    const allHeaders = { ...headers };
    if (cookie) allHeaders.cookie = cookie;
    if (body) {
      allHeaders['content-type'] = 'application/x-www-form-urlencoded';
      if (!chunked) allHeaders['content-length'] = body.length;
    }
    const req = http.request({ host: '127.0.0.1', port: app.port, method, path, headers: allHeaders }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    if (body && chunked) {
      const middle = Math.floor(body.length / 2);
      req.write(body.subarray(0, middle));
      setTimeout(() => req.end(body.subarray(middle)), 5);
    } else {
      req.end(body);
    }
  });
}

/** The note ids linked from a list page, in order. */
export function listedIds(response) {
  return [...response.body.matchAll(/<li><a href="\/notes\/(\d+)">/g)].map((m) => Number(m[1]));
}

/** Adds a note straight to the database, so the tests vary the data the app sees. */
export function addNote(app, owner, title, body) {
  return Number(app.db.prepare('INSERT INTO notes (owner_id, title, body) VALUES (?, ?, ?)').run(owner, title, body).lastInsertRowid);
}

export const noteCount = (app) => app.db.prepare('SELECT COUNT(*) AS n FROM notes').get().n;
