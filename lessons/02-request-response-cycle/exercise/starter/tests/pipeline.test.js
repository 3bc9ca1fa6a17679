// Read-only tests for the Request/Response Cycle exercise. Run them with `npm test`.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { compose, jsonBody, errorHandler } from '../src/pipeline.js';

const servers = [];
after(() => Promise.all(servers.map((s) => new Promise((ok) => { s.closeAllConnections(); s.close(ok); }))));

/** Starts a node:http server on port 0 that runs the composed middlewares. */
async function serve(middlewares) {
  const app = compose(middlewares);
  const server = http.createServer((req, res) => {
    Promise.resolve()
      .then(() => app(req, res))
      .catch(() => { if (!res.headersSent) res.statusCode = 599; }) // 599 = error escaped the pipeline
      .finally(() => { if (!res.writableEnded) res.end(); });
  });
  servers.push(server);
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return `http://127.0.0.1:${server.address().port}`;
}

const json = (res, status, data) => {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(data));
};
const silent = () => {};

test('middlewares run in onion order around the handler', { timeout: 5000 }, async () => {
  const log = [];
  const run = compose([
    async (req, res, next) => { log.push('a:before'); await next(); log.push('a:after'); },
    async (req, res, next) => { log.push('b:before'); await next(); log.push('b:after'); },
    async () => { log.push('handler'); },
  ]);
  await run({}, {});
  assert.deepEqual(log, ['a:before', 'b:before', 'handler', 'b:after', 'a:after'],
    'each middleware must await next() so that its "after" part runs once the inner layers are done');
});

test('a middleware that answers 401 stops the chain', { timeout: 5000 }, async () => {
  let handlerCalls = 0;
  const base = await serve([
    errorHandler({ log: silent }),
    (req, res, next) => {
      if (req.headers.authorization !== 'Bearer letmein') {
        res.writeHead(401, { 'WWW-Authenticate': 'Bearer' });
        return res.end();
      }
      return next();
    },
    (req, res) => { handlerCalls += 1; json(res, 200, { ok: true }); },
  ]);
  const res = await fetch(`${base}/private`);
  await res.arrayBuffer();
  assert.equal(res.status, 401, 'the auth middleware\'s 401 must reach the client');
  assert.equal(handlerCalls, 0, 'when a middleware does not call next(), later middlewares must not run');
});

test('sync throws and async rejections become a generic 500 problem', { timeout: 5000 }, async () => {
  const logged = [];
  const base = await serve([
    errorHandler({ log: (err) => logged.push(err) }),
    (req) => {
      if (req.url === '/sync') throw new Error('db password=hunter2');
      return Promise.reject(new Error('db password=hunter2'));
    },
  ]);
  for (const path of ['/sync', '/async']) {
    const res = await fetch(`${base}${path}`);
    const text = await res.text();
    assert.equal(res.status, 500, `${path}: an unexpected error must become 500 (compose must turn sync throws into rejections)`);
    assert.match(res.headers.get('content-type') ?? '', /json/, `${path}: the 500 body must be JSON (application/problem+json)`);
    const body = JSON.parse(text);
    assert.equal(typeof body.title, 'string', `${path}: the problem body needs a "title"`);
    assert.ok(!/stack|hunter2|at .*\.js/.test(text),
      `${path}: never send the stack or the error message of a 500 to the client`);
  }
  assert.equal(logged.length, 2, 'errorHandler must pass each unexpected error to its log function');
});

test('jsonBody enforces size, media type and syntax', { timeout: 5000 }, async () => {
  const base = await serve([
    errorHandler({ log: silent }),
    jsonBody({ limit: 1024 }),
    (req, res) => json(res, 200, { received: req.body }),
  ]);
  const post = (body, type = 'application/json') =>
    fetch(`${base}/items`, { method: 'POST', headers: { 'content-type': type }, body });

  let res = await post(JSON.stringify({ blob: 'x'.repeat(2048) }));
  await res.arrayBuffer();
  assert.equal(res.status, 413, 'a body larger than the limit must be rejected with 413 Content Too Large');

  res = await post('hello', 'text/plain');
  await res.arrayBuffer();
  assert.equal(res.status, 415, 'a non-JSON media type must be rejected with 415 Unsupported Media Type');

  res = await post('{"name": ');
  await res.arrayBuffer();
  assert.equal(res.status, 400, 'malformed JSON must be rejected with 400 Bad Request, not 500');

  res = await post(JSON.stringify({ name: 'Ada' }), 'application/json; charset=utf-8');
  assert.equal(res.status, 200, 'valid JSON (even with "; charset=utf-8") must reach the handler');
  assert.deepEqual(await res.json(), { received: { name: 'Ada' } }, 'the parsed body must be available as req.body');
});

test('calling next() twice is an error, and the rest of the chain runs once', { timeout: 5000 }, async () => {
  let downstream = 0;
  const run = compose([
    async (req, res, next) => { await next(); await next(); },
    async () => { downstream += 1; },
  ]);
  await assert.rejects(run({}, {}), /next\(\) called multiple times/,
    'a second next() call must reject with "next() called multiple times"');
  assert.equal(downstream, 1, 'the downstream middleware must not run a second time');
});
