import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createApp } from '../src/app.js';
import { listen, send, sendEndless } from './helpers.js';

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
  for (const type of ['application/json-seq', 'text/json', 'application/jsonx; charset=utf-8']) {
    assertProblem(await post({ contentType: type, body: '{"name":"Ada","email":"ada@example.com"}' }), 415, `Content-Type ${type} (only the exact media type application/json is accepted, not anything containing "json")`);
  }
});

test('media types are case-insensitive and may carry parameters', async () => {
  const body = JSON.stringify({ name: 'Ada', email: 'ada@example.com' });
  for (const type of ['Application/JSON', 'application/json;charset=UTF-8', 'APPLICATION/JSON ; Charset="utf-8"']) {
    const res = await post({ contentType: type, body });
    assert.equal(res.status, 201, `Content-Type "${type}" is application/json: compare the part before ";", trimmed and lower-cased (RFC 9110 §8.3.1); got ${res.status}`);
  }
});

test('a body over 10 KiB is a 413, with or without Content-Length', async () => {
  const big = JSON.stringify({ name: 'x'.repeat(11 * 1024), email: 'a@example.com' });
  assertProblem(await post({ body: big }), 413, 'an 11 KiB body with Content-Length');
  assertProblem(await post({ body: big, chunked: true }), 413, 'an 11 KiB chunked body (no Content-Length): count bytes while reading');
});

test('a body of exactly 10 KiB is accepted, one byte more is a 413', async () => {
  const json = JSON.stringify({ name: 'Ada', email: 'ada@example.com' });
  const exact = json + ' '.repeat(10 * 1024 - json.length); // whitespace after JSON is still valid JSON
  assert.equal((await post({ body: exact })).status, 201, 'a body of exactly MAX_BODY_BYTES (10240 bytes) is allowed: refuse only bodies larger than the limit');
  assertProblem(await post({ body: exact + ' ' }), 413, 'a body of 10241 bytes');
  assertProblem(await post({ body: exact + ' ', chunked: true }), 413, 'a chunked body of 10241 bytes');
});

test('the limit counts bytes, not characters', async () => {
  // 100 emoji are 400 bytes but only 200 UTF-16 units: a reader that counts string length sees a smaller body.
  const json = JSON.stringify({ name: '\u{1F600}'.repeat(100), email: 'ada@example.com' });
  const padded = json + ' '.repeat(10 * 1024 + 1 - Buffer.byteLength(json)); // 10241 bytes
  assertProblem(await post({ body: padded, chunked: true }), 413, 'a chunked body of 10241 bytes with multi-byte characters (MAX_BODY_BYTES counts bytes: add chunk.length of each Buffer, do not setEncoding and count string length)');
  const exact = padded.slice(0, -1); // 10240 bytes
  assert.equal((await post({ body: exact, chunked: true })).status, 201, 'a chunked body of exactly 10240 bytes with multi-byte characters is within the limit');
});

test('reading stops at the limit: a body that never ends still gets a 413', async () => {
  const res = await sendEndless(port, { maxMs: 3000 });
  assert.ok(!res.timedOut, `the server was still reading after ${res.sentBytes} bytes of a body with no end: count bytes while reading and answer 413 as soon as they pass MAX_BODY_BYTES`);
  assert.equal(res.status, 413, 'an endless chunked body must be refused with 413');
});

test('a declared Content-Length over the limit is refused before the body arrives', async () => {
  const res = await sendEndless(port, { maxMs: 2000, contentLength: 50 * 1024 * 1024 });
  assert.ok(!res.timedOut, 'the client declared 50 MiB in Content-Length: answer 413 at once instead of waiting for (and reading) the body');
  assert.equal(res.status, 413, 'a Content-Length over MAX_BODY_BYTES must be refused with 413');
});

test('an empty body, invalid UTF-8 and a non-object are told apart', async () => {
  assertProblem(await post({ body: '' }), 400, 'an empty body (it is not valid JSON: do not default it to {})');
  const badUtf8 = Buffer.concat([Buffer.from('{"name":"Ad'), Buffer.from([0xff, 0xfe]), Buffer.from('a","email":"ada@example.com"}')]);
  assertProblem(await post({ body: badUtf8 }), 400, 'a body with invalid UTF-8 bytes (decode with new TextDecoder("utf-8", { fatal: true }) and answer 400 when it throws; Buffer#toString silently replaces bad bytes)');
  for (const text of ['null', '[]', '"Ada"', '42']) {
    const res = await post({ body: text });
    assertProblem(res, 422, `the JSON value ${text} (valid JSON, but not an object: the rules reject it)`);
    assert.ok(Array.isArray(res.json.errors) && res.json.errors.some((e) => e.pointer === ''), `${text}: report the error at the root pointer "" in errors`);
  }
});

test('the path must be exactly /users', async () => {
  const body = JSON.stringify({ name: 'Ada', email: 'ada@example.com' });
  for (const path of ['/usersx', '/users-admin', '/users/extra', '/api/users']) {
    const res = await post({ path, body });
    assert.equal(res.status, 404, `POST ${path} is not POST /users: compare the whole pathname with ===, not startsWith/includes; got ${res.status}`);
  }
});

test('concurrent creations get distinct ids', async () => {
  const results = await Promise.all(Array.from({ length: 8 }, (_, i) => post({ body: JSON.stringify({ name: `Par ${i}`, email: `p${i}@example.com` }) })));
  for (const res of results) assert.equal(res.status, 201, 'a valid user must be created with 201');
  const ids = new Set(results.map((r) => r.json.id));
  assert.equal(ids.size, results.length, 'users created at the same moment need different ids: use a counter, not the clock');
});

test('the path is routed without its query string', async () => {
  const res = await post({ path: '/users?source=signup', body: JSON.stringify({ name: 'Ada', email: 'ada@example.com' }) });
  assert.equal(res.status, 201, 'POST /users?source=signup is still POST /users: route on the pathname (new URL(req.url, ...).pathname)');
});

test('each created user gets its own id and Location', async () => {
  const made = [];
  for (let i = 0; i < 2; i++) {
    const res = await post({ body: JSON.stringify({ name: `User ${i}`, email: `u${i}@example.com` }) });
    assert.equal(res.status, 201, 'a valid user must be created with 201');
    made.push(res);
  }
  assert.notEqual(made[0].json.id, made[1].json.id, 'every new user needs a new id');
  for (const res of made) {
    assert.equal(res.headers.location, `/users/${res.json.id}`, 'Location must point at the user that was just created: /users/<its id>');
  }
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
  for (const method of ['GET', 'PUT', 'DELETE', 'PATCH']) {
    const res = await post({ method, body: '' });
    assert.equal(res.status, 405, `${method} /users is not supported here: answer 405`);
    assert.equal(res.headers.allow, 'POST', 'a 405 must list the allowed methods: Allow: POST');
    assertProblem(res, 405, `${method} /users (every error, 405 included, is a problem details response: use sendProblem())`);
  }
  assertProblem(await post({ path: '/nope', body: '{}' }), 404, 'POST /nope (every error, 404 included, is a problem details response: use sendProblem())');
  for (const method of ['GET', 'DELETE']) {
    const res = await post({ method, path: '/nope', body: '' });
    assert.equal(res.status, 404, `${method} /nope: the path does not exist, whatever the method, so answer 404 (check the path before the method; 405 is only for /users)`);
    assertProblem(res, 404, `${method} /nope`);
  }
});

test('no response leaks a stack trace', () => {
  assert.ok(responses.length > 0, 'the other tests must have run first');
  for (const res of responses) {
    assert.doesNotMatch(res.text, /\n\s+at |\bat [^ ]+ \(.*:\d+:\d+\)/, `a ${res.status} response contains a stack trace: send generic details only`);
  }
});
