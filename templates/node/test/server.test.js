import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { migrate, openDatabase } from '../src/db.js';
import { createLogger } from '../src/logger.js';
import { createServer } from '../src/server.js';

const BODY_LIMIT = 256;

/** Start a server on port 0 (the OS picks a free port) with an in-memory database. */
async function startServer() {
  const db = openDatabase(':memory:');
  migrate(db);
  const logs = [];
  const logger = createLogger({ level: 'debug', stream: { write: (line) => logs.push(JSON.parse(line)) } });
  const server = createServer({ db, config: { bodyLimitBytes: BODY_LIMIT }, logger });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${server.address().port}`;
  const stop = async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    try {
      db.close();
    } catch {
      // already closed by the test
    }
  };
  return { base, db, logs, server, stop };
}

let app;
before(async () => {
  app = await startServer();
});
after(() => app.stop());

const postJson = (path, body, headers = {}) =>
  fetch(app.base + path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

/** Check the RFC 9457 shape and return the parsed problem. */
async function assertProblem(response, status) {
  assert.equal(response.status, status);
  assert.equal(response.headers.get('content-type'), 'application/problem+json');
  const problem = await response.json();
  assert.equal(problem.type, 'about:blank');
  assert.equal(problem.status, status);
  assert.equal(typeof problem.title, 'string');
  return problem;
}

/**
 * fetch() always sends a correct Content-Length, so use node:http to control
 * exactly how the body is sent (e.g. chunked, without a length).
 */
function rawRequest(path, { method = 'POST', headers = {}, chunks = [] } = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request(app.base + path, { method, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body }));
    });
    req.on('error', reject);
    for (const chunk of chunks) req.write(chunk);
    req.end();
  });
}

test('GET /health answers JSON', async () => {
  const response = await fetch(`${app.base}/health`);
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('content-type'), 'application/json');
  assert.deepEqual(await response.json(), { status: 'ok' });
});

test('notes can be created, listed and shown', async () => {
  const created = await postJson('/notes', { title: '  Hello  ', body: 'First note' });
  assert.equal(created.status, 201);
  const note = await created.json();
  assert.equal(note.title, 'Hello');
  assert.equal(created.headers.get('location'), `/notes/${note.id}`);

  const shown = await fetch(app.base + created.headers.get('location'));
  assert.deepEqual(await shown.json(), note);

  const list = await (await fetch(`${app.base}/notes?limit=10`)).json();
  assert.ok(list.data.some((item) => item.id === note.id));
});

test('unknown path is a 404 problem', async () => {
  const problem = await assertProblem(await fetch(`${app.base}/nope`), 404);
  assert.equal(problem.title, 'Not Found');
  assert.equal(problem.instance, '/nope');
});

test('unknown or invalid note ids are 404', async () => {
  await assertProblem(await fetch(`${app.base}/notes/999999`), 404);
  await assertProblem(await fetch(`${app.base}/notes/abc`), 404);
});

test('wrong method is a 405 with Allow', async () => {
  const response = await fetch(`${app.base}/notes`, { method: 'DELETE' });
  assert.equal(response.headers.get('allow'), 'GET, HEAD, POST');
  await assertProblem(response, 405);
});

test('HEAD is answered like GET, without a body', async () => {
  const response = await fetch(`${app.base}/health`, { method: 'HEAD' });
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('content-length'), String('{"status":"ok"}'.length));
  assert.equal(await response.text(), '');
});

test('invalid query parameter is a 400', async () => {
  await assertProblem(await fetch(`${app.base}/notes?limit=0`), 400);
});

test('a body that is not JSON is a 415', async () => {
  const response = await fetch(`${app.base}/notes`, { method: 'POST', body: 'title=hi' });
  assert.equal(response.headers.get('accept-post'), 'application/json');
  await assertProblem(response, 415);
});

test('malformed, empty or non-object JSON is a 400', async () => {
  const malformed = await assertProblem(await postJson('/notes', '{"title":'), 400);
  assert.equal(malformed.detail, 'The request body is not valid JSON.');
  await assertProblem(await postJson('/notes', ''), 400);
  await assertProblem(await postJson('/notes', '["a", "list"]'), 400);
});

test('a body over the limit is a 413 (declared length)', async () => {
  const response = await postJson('/notes', { title: 'x'.repeat(BODY_LIMIT) });
  await assertProblem(response, 413);
});

test('a body over the limit is a 413 (chunked, no length given)', async () => {
  const response = await rawRequest('/notes', {
    headers: { 'Content-Type': 'application/json' },
    chunks: ['{"title":"', 'x'.repeat(BODY_LIMIT), '"}'],
  });
  assert.equal(response.status, 413);
  assert.equal(response.headers['content-type'], 'application/problem+json');
  assert.equal(response.headers.connection, 'close');
});

test('validation errors are a 422 listing each field', async () => {
  const problem = await assertProblem(await postJson('/notes', { title: '', body: 42 }), 422);
  assert.deepEqual(
    problem.errors.map((error) => error.pointer),
    ['#/title', '#/body'],
  );
});

test('unexpected errors are a generic 500: details go to the log only', async () => {
  const broken = await startServer();
  try {
    broken.db.close(); // every query now throws an internal error
    const response = await fetch(`${broken.base}/health`);
    const text = await response.clone().text();
    const problem = await assertProblem(response, 500);

    assert.doesNotMatch(text, /database|stack|at .*\.js/i, 'no internals in the response');
    const logged = broken.logs.find((entry) => entry.message === 'unhandled error');
    assert.ok(logged, 'the error is logged');
    assert.equal(logged.errorId, problem.errorId, 'the id links the response to the log line');
    assert.match(logged.error.stack, /server\.js/);
  } finally {
    await broken.stop();
  }
});
