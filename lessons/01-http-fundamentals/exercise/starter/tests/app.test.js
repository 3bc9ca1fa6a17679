// Read-only tests for the HTTP Fundamentals exercise. Run them with `npm test`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createApp } from '../src/app.js';

let server;
let base;

before(async () => {
  server = createApp();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${server.address().port}`;
});

after(async () => {
  if (server?.listening) {
    server.closeAllConnections?.();
    await new Promise((resolve) => server.close(resolve));
  }
});

test('GET /health answers 200 with JSON {"status":"ok"}', async () => {
  const res = await fetch(`${base}/health`);
  assert.equal(res.status, 200, 'GET /health must answer 200 OK');
  assert.match(res.headers.get('content-type') ?? '', /^application\/json/,
    'GET /health must send Content-Type: application/json');
  assert.deepEqual(await res.json(), { status: 'ok' },
    'GET /health must send the body {"status":"ok"}');
});

test('HEAD /health sends the same headers as GET and no body', async () => {
  const get = await fetch(`${base}/health`);
  await get.arrayBuffer();
  const head = await fetch(`${base}/health`, { method: 'HEAD' });
  assert.equal(head.status, 200, 'HEAD /health must answer 200, like GET');
  assert.equal(head.headers.get('content-type'), get.headers.get('content-type'),
    'HEAD must send the same Content-Type as GET');
  assert.equal(await head.text(), '', 'HEAD responses must not carry a body');
});

test('DELETE /health answers 405 and lists the allowed methods', async () => {
  const res = await fetch(`${base}/health`, { method: 'DELETE' });
  await res.arrayBuffer();
  assert.equal(res.status, 405, 'an unsupported method on an existing path must answer 405, not 404');
  const allow = (res.headers.get('allow') ?? '').split(',').map((m) => m.trim().toUpperCase());
  assert.ok(allow.includes('GET') && allow.includes('HEAD'),
    '405 responses must include an Allow header listing GET, HEAD');
});

test('POST /echo rejects a body that is not JSON with 415', async () => {
  const res = await fetch(`${base}/echo`, {
    method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hello',
  });
  await res.arrayBuffer();
  assert.equal(res.status, 415, 'POST /echo must answer 415 Unsupported Media Type for text/plain');
});

test('POST /echo accepts application/json with parameters and echoes the body', async () => {
  const payload = { name: 'Ada', tags: ['math', 'engines'], nested: { ok: true } };
  const res = await fetch(`${base}/echo`, {
    method: 'POST',
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify(payload),
  });
  assert.equal(res.status, 200,
    'POST /echo must accept "application/json; charset=utf-8": compare the media type without its parameters');
  assert.match(res.headers.get('content-type') ?? '', /^application\/json/,
    'the echo must be sent with Content-Type: application/json');
  assert.deepEqual(await res.json(), payload, 'POST /echo must send back the parsed JSON body unchanged');
});

test('POST /echo answers 400 (not 500) to malformed JSON', async () => {
  const res = await fetch(`${base}/echo`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"oops":',
  });
  await res.arrayBuffer();
  assert.equal(res.status, 400, 'malformed JSON is the client\'s fault: answer 400 Bad Request');
});

test('unknown paths answer 404 with a JSON body', async () => {
  const res = await fetch(`${base}/nope`);
  assert.equal(res.status, 404, 'unknown paths must answer 404 Not Found');
  assert.match(res.headers.get('content-type') ?? '', /json/, 'the 404 body must be JSON');
  const body = await res.json();
  assert.equal(body.status, 404, 'the 404 JSON body must contain "status": 404');
});
