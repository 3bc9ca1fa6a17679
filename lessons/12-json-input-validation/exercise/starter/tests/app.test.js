import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createApp } from '../src/app.js';
import { listen, send } from './helpers.js';

let server;
let port;
const responses = [];

before(async () => {
  server = createApp();
  port = await listen(server);
});
after(() => {
  server.closeAllConnections();
  server.close();
});

async function post(options) {
  const res = await send(port, options);
  responses.push(res);
  return res;
}

function assertProblem(res, status, what) {
  assert.equal(res.status, status, `${what} must answer ${status}, got ${res.status}`);
  assert.match(res.headers['content-type'] ?? '', /^application\/problem\+json/, `${what}: send Content-Type application/problem+json`);
  assert.ok(res.json, `${what}: the body must be a JSON problem details object`);
  assert.equal(res.json.status, status, `${what}: the problem's "status" member must equal the HTTP status`);
  assert.equal(typeof res.json.title, 'string', `${what}: include a "title" member`);
}

test('malformed JSON is a 400, and the raw input is not echoed', async () => {
  const res = await post({ body: '{"name": <script>alert(1)</script>' });
  assertProblem(res, 400, 'malformed JSON');
  assert.ok(!res.text.includes('<script>'), 'never echo the raw body (or the JSON.parse message, which quotes it) in the error');
});

test('a wrong media type is a 415', async () => {
  assertProblem(await post({ contentType: 'text/plain', body: '{"name":"Ada"}' }), 415, 'Content-Type text/plain');
  assertProblem(await post({ contentType: null, body: '{"name":"Ada"}' }), 415, 'a missing Content-Type');
});

test('a body over 10 KiB is a 413, with or without Content-Length', async () => {
  const big = JSON.stringify({ name: 'x'.repeat(11 * 1024), email: 'a@example.com' });
  assertProblem(await post({ body: big }), 413, 'an 11 KiB body with Content-Length');
  assertProblem(await post({ body: big, chunked: true }), 413, 'an 11 KiB chunked body (no Content-Length): count bytes while reading');
});

test('{} is a 422 with a field error pointing at /name', async () => {
  const res = await post({ body: '{}' });
  assertProblem(res, 422, 'an empty object');
  assert.ok(Array.isArray(res.json.errors), 'put field errors in an "errors" array extension member');
  assert.ok(res.json.errors.some((e) => e.pointer === '/name'), 'errors must contain { pointer: "/name", ... }');
});

test('all field errors come back together', async () => {
  const res = await post({ body: JSON.stringify({ email: 'nope' }) });
  assertProblem(res, 422, 'a missing name and an invalid email');
  const found = res.json.errors.map((e) => e.pointer).sort();
  assert.deepEqual(found, ['/email', '/name'], 'report both /email and /name, not just the first error');
});

test('wrong types, unknown properties and __proto__ are 422', async () => {
  const base = { name: 'Ada', email: 'ada@example.com' };
  const cases = [
    [{ ...base, age: '30' }, '/age', 'age "30" (a string)'],
    [{ ...base, isAdmin: true }, '/isAdmin', 'the unknown property isAdmin'],
  ];
  for (const [body, pointer, what] of cases) {
    const res = await post({ body: JSON.stringify(body) });
    assertProblem(res, 422, what);
    assert.ok(res.json.errors.some((e) => e.pointer === pointer), `${what} must be reported at ${pointer}`);
  }
  const res = await post({ body: '{"name":"Ada","email":"ada@example.com","__proto__":{"polluted":true}}' });
  assertProblem(res, 422, 'a "__proto__" member');
  assert.equal(({}).polluted, undefined, 'Object.prototype must not be polluted');
});

test('a valid body is a 201 with Location and only the allowed fields', async () => {
  const charset = 'application/json; charset=utf-8';
  const res = await post({ contentType: charset, body: JSON.stringify({ name: ' Ada ', email: 'ada@example.com', age: 36 }) });
  assert.equal(res.status, 201, `a valid user must be created with 201, got ${res.status} ${res.text}`);
  assert.match(res.headers.location ?? '', /^\/users\/\d+$/, 'send Location: /users/<id> for the new user');
  assert.equal(res.json.name, 'Ada', 'store the trimmed name');
  assert.equal(res.json.age, 36, 'keep age when it was sent');
  assert.deepEqual(Object.keys(res.json).sort(), ['age', 'email', 'id', 'name'], 'return only id, name, email and age');
});

test('other methods get 405 + Allow, other paths 404', async () => {
  const res = await post({ method: 'GET', body: '' });
  assert.equal(res.status, 405, 'GET /users is not supported here: answer 405');
  assert.equal(res.headers.allow, 'POST', 'a 405 must list the allowed methods: Allow: POST');
  assert.equal((await post({ path: '/nope', body: '{}' })).status, 404, 'unknown paths must answer 404');
});

test('no response leaks a stack trace', () => {
  assert.ok(responses.length > 0, 'the other tests must have run first');
  for (const res of responses) {
    assert.doesNotMatch(res.text, /\n\s+at |\bat [^ ]+ \(.*:\d+:\d+\)/, `a ${res.status} response contains a stack trace: send generic details only`);
  }
});
