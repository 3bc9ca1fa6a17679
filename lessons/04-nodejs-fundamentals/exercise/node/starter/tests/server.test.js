import { test, after, before } from 'node:test';
import { once } from 'node:events';
import assert from 'node:assert/strict';
import { createServer } from '../src/server.js';
import { listen, request } from './helpers.js';

let server;
let port;

before(async () => {
  server = createServer();
  assert.equal(server.listening, false, 'createServer() must not call listen(): the caller picks the port');
  port = await listen(server);
});

after(() => {
  server.closeAllConnections();
  server.close();
});

test('GET / answers 200 with a JSON body', async () => {
  const res = await request(port, '/');
  assert.equal(res.status, 200, 'GET / must answer 200');
  assert.match(res.headers['content-type'] ?? '', /^application\/json/, 'set Content-Type: application/json on GET /');
  assert.deepEqual(JSON.parse(res.body), { message: 'hello' }, 'GET / must send the JSON body {"message":"hello"}');
});

test('GET /?x=1 is still the / route (compare the pathname, not req.url)', async () => {
  const res = await request(port, '/?x=1');
  assert.equal(res.status, 200, 'strip the query string: use new URL(req.url, "http://localhost").pathname');
});

test('GET /slow waits about 100 ms without blocking other requests', async () => {
  const started = performance.now();
  const finished = [];
  const slowPromise = request(port, '/slow').then((res) => { finished.push('/slow'); return res; });
  // 'request' listeners run right after the route handler returns, in the same turn of the loop.
  const [, slowRes] = await once(server, 'request');
  assert.equal(slowRes.writableEnded, false,
    'the /slow handler answered before returning, so it waited without giving the event loop back: a loop that checks the clock blocks every other request; wait with setTimeout');
  const fast = await request(port, '/');
  finished.push('/');
  assert.equal(fast.status, 200, 'GET / must keep answering while /slow is waiting');
  assert.deepEqual(finished, ['/'],
    'GET / must be answered while /slow is still waiting: any loop that waits for the clock (even one that awaits in between) keeps the event loop from serving others; use setTimeout');
  const slow = await slowPromise;
  const elapsed = performance.now() - started;
  assert.equal(slow.status, 200, 'GET /slow must answer 200');
  assert.deepEqual(JSON.parse(slow.body), { message: 'slow' }, 'GET /slow must send {"message":"slow"}');
  assert.ok(elapsed >= 90, `GET /slow must wait about 100 ms (took ${Math.round(elapsed)} ms): use setTimeout`);
});

test('an unknown path answers 404 JSON', async () => {
  const res = await request(port, '/nope');
  assert.equal(res.status, 404, 'unknown paths must answer 404');
  assert.match(res.headers['content-type'] ?? '', /^application\/json/, 'the 404 body must be JSON too');
});

test('POST / answers 405 with an Allow header', async () => {
  const res = await request(port, '/', 'POST');
  assert.equal(res.status, 405, 'a known path with an unsupported method must answer 405, not 404');
  assert.equal(res.headers.allow, 'GET, HEAD', 'a 405 response must carry Allow: GET, HEAD');
});

test('every unsupported method on / and /slow answers 405 with Allow, and HEAD is supported', async () => {
  for (const path of ['/', '/slow', '/slow?x=1']) {
    for (const method of ['DELETE', 'PUT']) {
      const res = await request(port, path, method);
      assert.equal(res.status, 405, `${method} ${path} must answer 405: the path exists, only the method is unsupported`);
      assert.equal(res.headers.allow, 'GET, HEAD', `the 405 for ${method} ${path} must carry Allow: GET, HEAD (every 405, on every route)`);
    }
  }
  const head = await request(port, '/', 'HEAD');
  assert.equal(head.status, 200,
    'HEAD / must answer 200 like GET: the Allow header promises HEAD, so treat HEAD as GET without a body');
  assert.match(head.headers['content-type'] ?? '', /^application\/json/, 'HEAD / must send the same Content-Type as GET');
  assert.equal(head.body, '', 'HEAD responses carry no body');
});
