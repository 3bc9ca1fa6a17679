// Read-only tests for the HTTP Fundamentals exercise. Run them with `npm test`.
// Every request goes over its own connection (agent: false) so that one wrong
// Content-Length cannot corrupt the answers to the next test.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import net from 'node:net';
import { randomBytes } from 'node:crypto';
import { createApp } from '../src/app.js';

const LIMIT = 64 * 1024; // the body limit the README asks for
const TOKEN = randomBytes(12).toString('hex'); // a fresh token every run: never hard-code one
let server;
let port;
const headBodyWrites = []; // what the app tried to write on HEAD responses

before(async () => {
  server = createApp({ token: TOKEN });
  // Node silently drops a body written on HEAD, so watch what the app tries to write.
  server.prependListener('request', (req, res) => {
    if (req.method !== 'HEAD') return;
    for (const name of ['write', 'end']) {
      const original = res[name];
      res[name] = function (chunk, ...rest) {
        if (chunk !== undefined && chunk !== null && typeof chunk !== 'function' && chunk.length > 0) {
          headBodyWrites.push(`${req.url}: ${name}() with ${chunk.length} bytes`);
        }
        return original.call(this, chunk, ...rest);
      };
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = server.address().port;
});

after(async () => {
  if (server?.listening) {
    server.closeAllConnections?.();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** One HTTP request on a fresh connection; resolves with status, headers and the raw body. */
function request(method, path, { headers = {}, body } = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path, headers, agent: false }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const raw = Buffer.concat(chunks);
        resolve({ status: res.statusCode, headers: res.headers, raw, text: raw.toString('utf8') });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

const json = (value, type = 'application/json') => ({
  headers: { 'content-type': type }, body: JSON.stringify(value),
});

function parseJson(res, rule) {
  try {
    return JSON.parse(res.text);
  } catch {
    return assert.fail(`${rule} (the body received was not valid JSON: ${JSON.stringify(res.text.slice(0, 80))})`);
  }
}

test('GET /health answers 200 with JSON {"status":"ok"}', async () => {
  const res = await request('GET', '/health');
  assert.equal(res.status, 200, 'GET /health must answer 200 OK');
  assert.match(res.headers['content-type'] ?? '', /^application\/json/,
    'GET /health must send Content-Type: application/json');
  assert.deepEqual(parseJson(res, 'GET /health must send JSON'), { status: 'ok' },
    'GET /health must send the body {"status":"ok"}');
});

test('routing uses the path only: a query string does not change the resource', async () => {
  for (const path of ['/health?x=1', '/health?verbose=true&x=%20']) {
    const res = await request('GET', path);
    assert.equal(res.status, 200,
      `GET ${path} must answer 200: the query is not part of the path, so route on new URL(req.url, base).pathname`);
  }
  for (const path of ['/healthz', '/health/extra', '/echo/health']) {
    const res = await request('GET', path);
    assert.equal(res.status, 404, `GET ${path} must answer 404: compare the whole path, not a prefix or substring`);
  }
});

test('HEAD /health sends the same headers as GET and writes no body', async () => {
  const get = await request('GET', '/health');
  headBodyWrites.length = 0;
  const head = await request('HEAD', '/health?probe=1');
  assert.equal(head.status, 200, 'HEAD /health must answer 200, like GET (HEAD is GET without the body)');
  assert.equal(head.headers['content-type'], get.headers['content-type'],
    'HEAD must send the same Content-Type as GET');
  assert.equal(head.headers['content-length'], get.headers['content-length'],
    'HEAD must send the Content-Length that GET would send: set it yourself, then end() without data');
  assert.equal(head.raw.length, 0, 'HEAD responses must not carry a body');
  assert.deepEqual(headBodyWrites, [],
    'HEAD must not write a body: call res.end() without data when req.method is HEAD (Node hides this mistake; proxies and other servers do not)');
});

test('HEAD works on every GET resource, including created items and 404s, and never writes a body', async () => {
  const auth = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
  const created = await request('POST', '/items', { headers: auth, body: JSON.stringify({ title: 'héad ✓' }) });
  assert.equal(created.status, 201, 'POST /items with the token must answer 201');
  const path = new URL(created.headers.location ?? '/items/none', 'http://x').pathname;
  const get = await request('GET', path);
  headBodyWrites.length = 0;
  const head = await request('HEAD', path);
  assert.equal(head.status, 200,
    `HEAD ${path} must answer 200 like GET: every resource that supports GET supports HEAD (GET's headers, no body)`);
  assert.equal(head.headers['content-length'], get.headers['content-length'],
    `HEAD ${path} must send the Content-Length GET would send`);
  const missing = await request('HEAD', `/nope-${randomBytes(3).toString('hex')}`);
  assert.equal(missing.status, 404, 'HEAD on an unknown path must answer 404');
  assert.deepEqual(headBodyWrites, [],
    'HEAD must not write a body on any route (items and errors too): decide it once, in the function that sends every response');
});

test('a method a resource does not support answers 405 with that resource\'s Allow header', async () => {
  const auth = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
  const created = await request('POST', '/items', { headers: auth, body: '{"title":"allow"}' });
  const itemPath = created.headers.location ? new URL(created.headers.location, 'http://x').pathname : '/items/none';
  const resources = [
    { path: '/health', methods: ['DELETE', 'POST', 'PUT'], allowed: ['GET', 'HEAD'] },
    { path: '/echo', methods: ['GET', 'PUT'], allowed: ['POST'] },
    { path: '/items', methods: ['GET', 'DELETE'], allowed: ['POST'] },
    { path: itemPath, methods: ['DELETE', 'POST'], allowed: ['GET', 'HEAD'] },
  ];
  for (const { path, methods, allowed } of resources) {
    for (const method of methods) {
      const res = await request(method, path);
      assert.equal(res.status, 405,
        `${method} ${path} must answer 405: the resource exists, only the method is not supported (404 would be wrong)`);
      const allow = (res.headers.allow ?? '').split(',').map((m) => m.trim().toUpperCase()).filter(Boolean);
      assert.deepEqual([...allow].sort(), [...allowed].sort(),
        `a 405 from ${path} must carry Allow: ${allowed.join(', ')} (the methods that resource supports; got ${JSON.stringify(res.headers.allow ?? null)}): every 405 needs an Allow header`);
    }
  }
});

test('POST /echo accepts application/json in any case and with parameters, and echoes the body', async () => {
  const payloads = [
    { name: 'Ada', tags: ['math', 'engines'], nested: { ok: true } },
    [1, 'two', null, { three: 3 }],
    { seed: randomBytes(6).toString('hex'), n: Math.floor(Math.random() * 1e6) },
  ];
  const types = ['application/json', 'application/json ; charset=utf-8', 'Application/JSON; Charset=UTF-8'];
  for (const [i, payload] of payloads.entries()) {
    const res = await request('POST', '/echo?debug=1', json(payload, types[i]));
    assert.equal(res.status, 200,
      `POST /echo must accept "${types[i]}": compare the media type before ";", trimmed and lowercased`);
    assert.match(res.headers['content-type'] ?? '', /^application\/json/,
      'the echo must be sent with Content-Type: application/json');
    assert.deepEqual(parseJson(res, 'POST /echo must send back JSON'), payload,
      'POST /echo must send back the parsed JSON body unchanged (not a fixed object)');
  }
});

test('POST /echo sends back falsy and empty JSON values exactly as sent', async () => {
  // null, 0, false, "" and empty containers are valid JSON bodies: "nothing parsed" is not the same as "parsed null".
  for (const text of ['null', '0', 'false', '""', '{}', '[]', '-0.5', '"0"']) {
    const res = await request('POST', '/echo', { headers: { 'content-type': 'application/json' }, body: text });
    assert.equal(res.status, 200, `POST /echo with the valid JSON body ${text} must answer 200: tell "JSON.parse failed" apart from a falsy result (check for the parse error, not for a truthy value)`);
    assert.deepEqual(parseJson(res, `POST /echo with ${text} must send back JSON`), JSON.parse(text), `POST /echo must send back ${text} unchanged`);
  }
  const auth = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
  for (const text of ['null', 'false', '0']) {
    const res = await request('POST', '/items', { headers: auth, body: text });
    assert.equal(res.status, 201, `POST /items with the valid JSON body ${text} must create an item (201)`);
    assert.deepEqual(parseJson(res, 'the 201 body must be JSON').data, JSON.parse(text), `the item created from ${text} must hold ${text} under "data"`);
  }
});

test('POST /items follows the size and JSON rules of /echo', async () => {
  const auth = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
  for (const body of ['{"oops":', '', '{"title": x}']) {
    const res = await request('POST', '/items', { headers: auth, body });
    assert.equal(res.status, 400, `POST /items with malformed JSON (${JSON.stringify(body)}) must answer 400, like /echo: read it with the same code`);
  }
  const exact = JSON.stringify('i'.repeat(LIMIT - 2));
  assert.equal((await request('POST', '/items', { headers: auth, body: exact })).status, 201, 'POST /items with a body of exactly 65 536 bytes must be accepted, like /echo');
  const over = await request('POST', '/items', { headers: auth, body: JSON.stringify('i'.repeat(LIMIT - 1)) });
  assert.equal(over.status, 413, 'POST /items with a body of 65 537 bytes must answer 413, like /echo: the size limit applies to every body you read');
});

test('Content-Length counts bytes, not characters', async () => {
  // Read the raw bytes off the socket: a client library would choke on a wrong length.
  const payload = JSON.stringify({ name: 'Zoë', city: 'Kraków', note: '✓ €5' });
  const raw = await new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.end(`POST /echo HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n`
        + `Content-Length: ${Buffer.byteLength(payload)}\r\nConnection: close\r\n\r\n${payload}`);
    });
    const chunks = [];
    socket.on('data', (c) => chunks.push(c));
    socket.on('end', () => resolve(Buffer.concat(chunks)));
    socket.on('error', reject);
  });
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.subarray(0, split).toString('latin1');
  const body = raw.subarray(split + 4);
  assert.match(head, /^HTTP\/1\.1 200 /, 'POST /echo with a UTF-8 JSON body must answer 200');
  const declared = /\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1];
  assert.ok(declared !== undefined && !/transfer-encoding/i.test(head),
    'send the echo with a Content-Length header (Buffer.byteLength(body)), so the client knows where it ends');
  assert.equal(Number(declared), body.length,
    `Content-Length must count bytes (Buffer.byteLength), not characters: it said ${declared} but ${body.length} bytes followed ("ë" is 2 bytes in UTF-8)`);
  assert.deepEqual(JSON.parse(body.toString('utf8')), JSON.parse(payload), 'POST /echo must send back the JSON it received');
});

test('POST /echo answers 415 to any media type other than application/json', async () => {
  for (const type of ['text/plain', 'text/json', 'application/json-seq', 'application/x-www-form-urlencoded', undefined]) {
    const headers = type ? { 'content-type': type } : {};
    const res = await request('POST', '/echo', { headers, body: '{"a":1}' });
    assert.equal(res.status, 415,
      `POST /echo must answer 415 for Content-Type ${JSON.stringify(type ?? null)}: accept exactly application/json (parameters aside), not anything that contains "json"`);
  }
});

test('POST /echo answers 400 (not 500) to malformed JSON', async () => {
  for (const body of ['{"oops":', '', "{'single':'quotes'}"]) {
    const res = await request('POST', '/echo', { headers: { 'content-type': 'application/json' }, body });
    assert.equal(res.status, 400,
      `malformed JSON (${JSON.stringify(body)}) is the client's fault: catch the JSON.parse error and answer 400`);
  }
});

test('a body of exactly 64 KiB is accepted, one byte more is 413', async () => {
  const exact = JSON.stringify('a'.repeat(LIMIT - 2)); // the quotes make it LIMIT bytes
  const ok = await request('POST', '/echo', { headers: { 'content-type': 'application/json' }, body: exact });
  assert.equal(ok.status, 200, 'a body of exactly 65 536 bytes is within the limit: reject only when size > limit');
  const over = JSON.stringify('a'.repeat(LIMIT - 1));
  const res = await request('POST', '/echo', { headers: { 'content-type': 'application/json' }, body: over });
  assert.equal(res.status, 413, 'a body of 65 537 bytes must answer 413 Content Too Large');
});

test('the 64 KiB limit counts bytes, not characters', async () => {
  const n = 33000 + Math.floor(Math.random() * 2000); // "é" is 2 bytes: about 34 000 characters, 68 000 bytes
  const body = JSON.stringify('é'.repeat(n));
  const res = await request('POST', '/echo', { headers: { 'content-type': 'application/json' }, body });
  assert.equal(res.status, 413,
    `a body of ${body.length} characters but ${Buffer.byteLength(body)} bytes must answer 413: add up chunk.length of the Buffers as they arrive (bytes), not the length of a decoded string`);
  const fits = JSON.stringify('é'.repeat((LIMIT - 2) / 2)); // exactly LIMIT bytes
  const ok = await request('POST', '/echo', { headers: { 'content-type': 'application/json' }, body: fits });
  assert.equal(ok.status, 200, 'a body of exactly 65 536 bytes of "é" is within the limit');
});

test('a character split across two chunks arrives intact (decode the body once, at the end)', async () => {
  const text = `Zoë ✓ ${randomBytes(3).toString('hex')} €`;
  const bytes = Buffer.from(JSON.stringify({ text }));
  const cut = bytes.indexOf(Buffer.from('✓')) + 1; // in the middle of a 3-byte character
  const res = await new Promise((resolve, reject) => {
    const req = http.request({
      host: '127.0.0.1', port, method: 'POST', path: '/echo', agent: false,
      headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
    }, (r) => {
      const chunks = [];
      r.on('data', (c) => chunks.push(c));
      r.on('end', () => resolve({ status: r.statusCode, text: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.write(bytes.subarray(0, cut));
    setTimeout(() => req.end(bytes.subarray(cut)), 50);
  });
  assert.equal(res.status, 200, 'a UTF-8 JSON body sent in two chunks must answer 200');
  assert.deepEqual(JSON.parse(res.text), { text },
    'the echo garbled a character that arrived split across two chunks: collect the Buffers and call Buffer.concat(chunks).toString("utf8") once, instead of adding each chunk to a string');
});

test('a chunked body without Content-Length is still limited, and 413 comes before the client finishes', async () => {
  // The client sends 80 KiB in chunks (no Content-Length) and then keeps the request open,
  // as a slow or hostile client would. A server that reads to the end never answers.
  const result = await new Promise((resolve) => {
    const req = http.request({
      host: '127.0.0.1', port, method: 'POST', path: '/echo', agent: false,
      headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
    });
    const timer = setTimeout(() => { req.destroy(); resolve({ status: 'no answer within 3 s' }); }, 3000);
    req.on('response', (res) => { clearTimeout(timer); res.resume(); req.destroy(); resolve({ status: res.statusCode }); });
    req.on('error', () => { clearTimeout(timer); resolve({ status: 'connection closed without an answer' }); });
    req.write('"');
    for (let i = 0; i < 10; i += 1) req.write('b'.repeat(8 * 1024));
  });
  assert.equal(result.status, 413,
    'count the bytes as they arrive and answer 413 as soon as they pass 64 KiB: chunked bodies have no Content-Length to trust, and waiting for the end lets a client hold the server');
});

test('POST /items without valid credentials answers 401 with WWW-Authenticate', async () => {
  const cases = [{}, { authorization: 'Bearer wrong-token' }, { authorization: TOKEN }, { authorization: `Basic ${TOKEN}` },
    { authorization: `Bearer ${TOKEN}x` }, { authorization: `Bearer x${TOKEN}` }, { authorization: `Bearer ${TOKEN.slice(0, -1)}` }];
  for (const auth of cases) {
    const res = await request('POST', '/items', { headers: { 'content-type': 'application/json', ...auth }, body: '{"title":"x"}' });
    assert.equal(res.status, 401,
      `POST /items with Authorization ${JSON.stringify(auth.authorization ?? null)} must answer 401: only "Bearer <token>" with the token passed to createApp() is valid`);
    assert.match(res.headers['www-authenticate'] ?? '', /^Bearer\b/i,
      'a 401 must carry WWW-Authenticate naming the scheme (WWW-Authenticate: Bearer), or the client cannot know how to log in');
  }
  const anonymousText = await request('POST', '/items', { headers: { 'content-type': 'text/plain' }, body: 'x' });
  assert.equal(anonymousText.status, 401,
    'POST /items without credentials must answer 401 whatever the body: check the credentials first, then the media type (a 415 tells a stranger about your API)');
});

test('POST /items creates a resource: 201, a Location that resolves, a new one each time', async () => {
  const auth = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
  const titles = ['first', `second-${randomBytes(3).toString('hex')}`];
  const locations = [];
  for (const title of titles) {
    const res = await request('POST', '/items', { headers: auth, body: JSON.stringify({ title }) });
    assert.equal(res.status, 201, 'creating a resource must answer 201 Created, not 200');
    const location = res.headers.location;
    assert.ok(location, '201 Created must carry a Location header pointing at the new resource');
    const path = new URL(location, `http://127.0.0.1:${port}`).pathname;
    const body = parseJson(res, 'the 201 body must be JSON');
    assert.ok(body.id !== undefined && path === `/items/${body.id}`,
      `the 201 body must be {"id": ..., "data": ...} with the id the Location points at (Location ${JSON.stringify(location)}, body id ${JSON.stringify(body.id)})`);
    assert.deepEqual(body.data, { title }, 'the 201 body must carry the JSON sent, under "data"');
    locations.push(path);
  }
  assert.notEqual(locations[0], locations[1],
    'two POSTs create two resources (POST is not idempotent): give each item its own id and Location');
  for (const [i, path] of locations.entries()) {
    const res = await request('GET', path);
    assert.equal(res.status, 200, `GET ${path} (the Location of a created item) must answer 200: store the item under that URL`);
    const item = parseJson(res, 'GET /items/<id> must answer JSON');
    assert.deepEqual(item.data, { title: titles[i] }, `GET ${path} must return the item created there, under "data"`);
  }
  const wrongType = await request('POST', '/items', { headers: { ...auth, 'content-type': 'text/plain' }, body: '{"title":"x"}' });
  assert.equal(wrongType.status, 415, 'POST /items follows the same media-type rule as /echo: text/plain gets 415, after the credentials check');
  const missing = await request('GET', '/items/does-not-exist');
  assert.equal(missing.status, 404, 'GET /items/<unknown id> must answer 404');
});

test('unknown paths answer 404 with a JSON body', async () => {
  const res = await request('GET', `/nope-${randomBytes(3).toString('hex')}`);
  assert.equal(res.status, 404, 'unknown paths must answer 404 Not Found');
  assert.match(res.headers['content-type'] ?? '', /json/, 'the 404 body must be JSON');
  assert.equal(parseJson(res, 'the 404 body must be JSON').status, 404, 'the 404 JSON body must contain "status": 404');
});
