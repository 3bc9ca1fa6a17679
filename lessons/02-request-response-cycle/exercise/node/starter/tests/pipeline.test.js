// Read-only tests for the Request/Response Cycle exercise. Run them with `npm test`.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { compose, jsonBody, errorHandler, clientIp } from '../src/pipeline.js';

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
  return server.address().port;
}

/** One request on a fresh connection. `body` may be an array of pieces sent as separate chunks. */
function request(port, { method = 'GET', path = '/', headers = {}, body, gapMs = 0 } = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path, headers, agent: false }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    (async () => {
      for (const piece of Array.isArray(body) ? body : body === undefined ? [] : [body]) {
        req.write(piece);
        if (gapMs) await sleep(gapMs); // let each piece arrive as its own chunk
      }
      req.end();
    })();
  });
}

const json = (res, status, data) => {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(data));
};
const silent = () => {};
const parse = (text, rule) => { try { return JSON.parse(text); } catch { return assert.fail(`${rule} (got ${JSON.stringify(text.slice(0, 80))})`); } };

test('middlewares run in onion order around the handler', { timeout: 5000 }, async () => {
  const layer = (log, name) => async (req, res, next) => { log.push(`${name}:before`); await next(); log.push(`${name}:after`); };
  for (const names of [['a', 'b'], ['a', 'b', 'c'], ['auth', 'body', 'log', 'cors']]) {
    const log = [];
    const run = compose([...names.map((n) => layer(log, n)), async () => { log.push('handler'); }]);
    await run({}, {});
    assert.deepEqual(log, [...names.map((n) => `${n}:before`), 'handler', ...[...names].reverse().map((n) => `${n}:after`)],
      `with ${names.length} layers, each middleware must await next() so that its "after" part runs once the inner layers are done`);
  }
});

test('compose() calls the outer next after the last middleware, so pipelines nest', { timeout: 5000 }, async () => {
  const log = [];
  const inner = compose([async (req, res, next) => { log.push('inner'); await next(); }]);
  const outer = compose([
    async (req, res, next) => { log.push('outer:before'); await next(); log.push('outer:after'); },
    inner,
    () => { log.push('handler'); },
  ]);
  let finalCalls = 0;
  await outer({}, {}, async () => { finalCalls += 1; });
  assert.deepEqual(log, ['outer:before', 'inner', 'handler', 'outer:after'],
    'run(req, res, next) must call its own next after its last middleware: a composed pipeline is itself a middleware');
  assert.equal(finalCalls, 0, 'the handler did not call next(), so the final next must not run');
  await compose([(req, res, next) => next()])({}, {}, async () => { finalCalls += 1; });
  assert.equal(finalCalls, 1, 'when the last middleware calls next(), run() must call the next it was given');
});

test('compose() always returns a Promise: sync results, sync throws and rejections', { timeout: 5000 }, async () => {
  const syncOk = compose([(req, res, next) => next(), () => 'done'])({}, {});
  assert.equal(typeof syncOk?.then, 'function', 'run() must return a Promise even when every middleware is synchronous');
  await syncOk;

  const boom = new Error('thrown synchronously');
  let result;
  assert.doesNotThrow(() => { result = compose([() => { throw boom; }])({}, {}); },
    'a synchronous throw in a middleware must not escape run() as a throw: catch it and return Promise.reject(err)');
  assert.equal(typeof result?.then, 'function', 'run() must return a rejected Promise when a middleware throws synchronously');
  await assert.rejects(result, (err) => err === boom, 'the rejection must carry the error that was thrown');

  const deep = compose([(req, res, next) => next(), () => { throw boom; }]);
  let deepResult;
  assert.doesNotThrow(() => { deepResult = deep({}, {}); },
    'a synchronous throw two layers down must also come out of run() as a rejected Promise');
  await assert.rejects(deepResult, (err) => err === boom, 'the rejection must carry the error that was thrown');
});

test('a middleware that answers 401 stops the chain', { timeout: 5000 }, async () => {
  let handlerCalls = 0;
  const port = await serve([
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
  const res = await request(port, { path: '/private' });
  assert.equal(res.status, 401, 'the auth middleware\'s 401 must reach the client');
  assert.equal(handlerCalls, 0, 'when a middleware does not call next(), later middlewares must not run');
  const ok = await request(port, { path: '/private', headers: { authorization: 'Bearer letmein' } });
  assert.equal(ok.status, 200, 'when the middleware calls next(), the handler must run and answer');
});

test('two requests in flight at once do not share pipeline state', { timeout: 5000 }, async () => {
  // One long-lived process serves every request: state kept outside run() leaks between them.
  const run = compose([
    async (req, res, next) => { await sleep(req.delay); await next(); },
    async (req) => { req.done = true; },
  ]);
  const slow = { delay: 60 };
  const fast = { delay: 5 };
  const results = await Promise.allSettled([run(slow, {}), run(fast, {})]);
  assert.deepEqual(results.map((r) => r.status), ['fulfilled', 'fulfilled'],
    `overlapping runs must not interfere: keep the "which middleware ran" index inside each run() call, not in compose() (${results.find((r) => r.reason)?.reason?.message ?? ''})`);
  assert.ok(slow.done && fast.done, 'both overlapping requests must reach the handler');
});

test('sync throws and async rejections become a generic 500 problem', { timeout: 5000 }, async () => {
  const logged = [];
  const upstream = Object.assign(new Error('upstream said password=hunter2'), { status: 502, title: 'upstream hunter2' });
  const port = await serve([
    errorHandler({ log: (err) => logged.push(err) }),
    (req) => {
      if (req.url === '/sync') throw new Error('db password=hunter2');
      if (req.url === '/status') throw upstream;
      if (req.url === '/redirect') throw Object.assign(new Error('moved hunter2'), { status: 302, title: 'hunter2' });
      if (req.url === '/text-status') throw Object.assign(new Error('hunter2'), { status: '404', title: 'hunter2' });
      // JavaScript can throw anything, not only Errors.
      if (req.url === '/null') throw null; // eslint-disable-line no-throw-literal
      if (req.url === '/undefined') return Promise.reject(undefined);
      if (req.url === '/string') throw 'hunter2 went wrong'; // eslint-disable-line no-throw-literal
      return Promise.reject(new Error('db password=hunter2'));
    },
  ]);
  for (const path of ['/sync', '/async', '/status', '/redirect', '/text-status', '/null', '/undefined', '/string']) {
    const res = await request(port, { path });
    assert.equal(res.status, 500,
      `${path}: an unexpected error (anything without a 4xx status) must become 500, and compose must turn sync throws into rejections`);
    assert.match(res.headers['content-type'] ?? '', /json/, `${path}: the 500 body must be JSON (application/problem+json)`);
    const body = parse(res.text, `${path}: the 500 body must be JSON`);
    assert.equal(body.title, 'Internal Server Error', `${path}: a 500 must carry the generic title "Internal Server Error"`);
    assert.ok(!/stack|hunter2|at .*\.js/.test(res.text),
      `${path}: never send the stack, title or message of an unexpected error to the client; log it instead`);
  }
  assert.equal(logged.length, 8, 'errorHandler must pass each unexpected error to its log function, a thrown null, undefined or string too (read err?.status, never err.status)');
});

test('an error thrown after jsonBody (in the handler) still reaches errorHandler', { timeout: 5000 }, async () => {
  const port = await serve([
    errorHandler({ log: silent }),
    jsonBody({ limit: 1024 }),
    async () => { await sleep(5); throw new Error('handler failed hunter2'); },
  ]);
  const res = await request(port, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"a":1}' });
  assert.equal(res.status, 500,
    `a handler error behind jsonBody must become 500 (got ${res.status}): jsonBody must "return next()" (or await it), or the error escapes errorHandler's try/catch`);
});

test('an error after the response has started destroys the connection instead of faking success', { timeout: 5000 }, async () => {
  const logged = [];
  const port = await serve([
    errorHandler({ log: (err) => logged.push(err) }),
    async (req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write('{"items":[1,2');
      await sleep(10);
      throw new Error('stream broke');
    },
  ]);
  const outcome = await new Promise((resolve) => {
    const req = http.request({ host: '127.0.0.1', port, path: '/', agent: false }, (res) => {
      res.on('data', () => {});
      res.on('end', () => resolve('complete'));
      res.on('aborted', () => resolve('aborted'));
      res.on('error', () => resolve('aborted'));
      res.on('close', () => { if (!res.complete) resolve('aborted'); });
    });
    req.on('error', () => resolve('aborted'));
    req.end();
  });
  assert.equal(outcome, 'aborted',
    'once headers are sent the status cannot change: when res.headersSent is true, call res.destroy() so the client sees a broken response, not a truncated "200 OK" that looks complete');
  assert.equal(logged.length, 1, 'the error must still be logged');
});

test('jsonBody without a limit still has one (100 KiB)', { timeout: 8000 }, async () => {
  const port = await serve([errorHandler({ log: silent }), jsonBody(), (req, res) => json(res, 200, { size: JSON.stringify(req.body).length })]);
  const ok = await request(port, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify('k'.repeat(90 * 1024)) });
  assert.equal(ok.status, 200, 'jsonBody() with no options must accept a 90 KiB body (the default limit is 100 KiB)');
  const big = await request(port, {
    method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
    body: ['"', ...Array.from({ length: 11 }, () => 'k'.repeat(10 * 1024)), '"'],
  });
  assert.equal(big.status, 413,
    'jsonBody() with no options must still cap the body (default limit 100 KiB = 102 400 bytes): give the option a default, e.g. ({ limit = 100 * 1024 } = {}); a reader without a cap lets one client fill the memory');
});

test('jsonBody enforces media type and syntax, and hands valid JSON to the handler', { timeout: 5000 }, async () => {
  const port = await serve([
    errorHandler({ log: silent }),
    jsonBody({ limit: 1024 }),
    (req, res) => json(res, 200, { received: req.body }),
  ]);
  const post = (body, type) => request(port, { method: 'POST', path: '/items?x=1', headers: type ? { 'content-type': type } : {}, body });
  for (const type of ['text/plain', 'text/json', 'application/json-patch+json', undefined]) {
    const res = await post('{"a":1}', type);
    assert.equal(res.status, 415,
      `Content-Type ${JSON.stringify(type ?? null)} must be rejected with 415: accept exactly application/json, parameters aside`);
    assert.match(res.headers['content-type'] ?? '', /^application\/problem\+json/,
      'a 4xx from errorHandler must be sent as application/problem+json');
    const problem = parse(res.text, 'a 4xx body must be a JSON problem');
    assert.ok(problem.status === 415 && problem.title === 'Unsupported Media Type',
      `a 4xx problem body must carry the error's status and title ({"title":"Unsupported Media Type","status":415}), got ${res.text.slice(0, 120)}`);
  }
  for (const body of ['{"name": ', '', 'undefined']) {
    const res = await post(body, 'application/json');
    assert.equal(res.status, 400, `malformed JSON ${JSON.stringify(body)} must be rejected with 400 Bad Request, not 500`);
  }
  const payload = { name: 'Ada', n: Math.floor(Math.random() * 1e6), list: [1, null, 'x'] };
  for (const type of ['application/json; charset=utf-8', 'Application/JSON', 'application/json ; charset=UTF-8']) {
    const res = await post(JSON.stringify(payload), type);
    assert.equal(res.status, 200, `valid JSON sent as "${type}" must reach the handler: compare the media type case-insensitively and trimmed, without parameters`);
    assert.deepEqual(parse(res.text, 'the handler answers JSON'), { received: payload }, 'the parsed body must be available as req.body');
  }
});

test('jsonBody decodes UTF-8 once, even when a character is split across chunks', { timeout: 5000 }, async () => {
  const port = await serve([errorHandler({ log: silent }), jsonBody({ limit: 1024 }), (req, res) => json(res, 200, req.body)]);
  const bytes = Buffer.from(JSON.stringify({ city: 'Kraków', name: 'Zoë' }));
  const cut1 = bytes.indexOf(Buffer.from('ó')) + 1; // in the middle of the two bytes of "ó"
  const cut2 = bytes.indexOf(Buffer.from('ë')) + 1; // and of "ë"
  const res = await request(port, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: [bytes.subarray(0, cut1), bytes.subarray(cut1, cut2), bytes.subarray(cut2)], gapMs: 80,
  });
  assert.equal(res.status, 200, 'a valid UTF-8 body sent in two chunks must be accepted');
  assert.deepEqual(parse(res.text, 'the handler answers JSON'), { city: 'Kraków', name: 'Zoë' },
    'collect Buffers and decode once with Buffer.concat(chunks).toString(): decoding chunk by chunk breaks characters split between chunks');
});

test('jsonBody counts bytes: exactly the limit passes, one byte more is 413', { timeout: 5000 }, async () => {
  const limit = 512 + Math.floor(Math.random() * 512);
  const port = await serve([errorHandler({ log: silent }), jsonBody({ limit }), (req, res) => json(res, 200, { ok: true })]);
  const post = (body, headers = {}) => request(port, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const exact = JSON.stringify('x'.repeat(limit - 2));
  assert.equal((await post(exact)).status, 200, `a body of exactly ${limit} bytes is within the limit: reject only when size > limit`);
  assert.equal((await post(exact, { 'content-length': String(limit) })).status, 200, `a declared Content-Length of exactly ${limit} is within the limit: refuse a Content-Length only when it is > limit`);
  assert.equal((await post(JSON.stringify('x'.repeat(limit - 1)))).status, 413, `a body of ${limit + 1} bytes must be rejected with 413`);
  const accented = JSON.stringify('é'.repeat(Math.ceil(limit / 2))); // under the limit in characters, over it in bytes
  assert.equal((await post(accented)).status, 413,
    'the limit is in bytes: add chunk.length (Buffer bytes), not the length of the decoded string ("é" is 2 bytes)');
});

test('jsonBody limits a chunked body without Content-Length, and answers before the client finishes', { timeout: 5000 }, async () => {
  const port = await serve([errorHandler({ log: silent }), jsonBody({ limit: 1024 }), (req, res) => json(res, 200, { ok: true })]);
  // 8 KiB in chunks, no Content-Length, and the request is never finished: a reader that
  // trusts Content-Length or waits for the end never answers.
  const result = await new Promise((resolve) => {
    const req = http.request({
      host: '127.0.0.1', port, method: 'POST', path: '/', agent: false,
      headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
    });
    const timer = setTimeout(() => { req.destroy(); resolve('no answer within 2 s'); }, 2000);
    req.on('response', (res) => { clearTimeout(timer); res.resume(); req.destroy(); resolve(res.statusCode); });
    req.on('error', () => { clearTimeout(timer); resolve('connection closed without an answer'); });
    req.write('"');
    for (let i = 0; i < 8; i += 1) req.write('y'.repeat(1024));
  });
  assert.equal(result, 413,
    'count bytes while reading and throw 413 as soon as they pass the limit: a chunked body has no Content-Length to check, and waiting for its end lets one client hold memory and a connection');
});

test('jsonBody answers 413 from a too-large Content-Length without waiting for the body', { timeout: 5000 }, async () => {
  const port = await serve([errorHandler({ log: silent }), jsonBody({ limit: 1024 }), (req, res) => json(res, 200, { ok: true })]);
  // The client announces 50 000 bytes, sends 10 and stalls: the header alone says the body is too large.
  const result = await new Promise((resolve) => {
    const req = http.request({
      host: '127.0.0.1', port, method: 'POST', path: '/', agent: false,
      headers: { 'content-type': 'application/json', 'content-length': '50000' },
    });
    const timer = setTimeout(() => { req.destroy(); resolve('no answer within 2 s'); }, 2000);
    req.on('response', (res) => { clearTimeout(timer); res.resume(); req.destroy(); resolve(res.statusCode); });
    req.on('error', () => { clearTimeout(timer); resolve('connection closed without an answer'); });
    req.write('"abcdefgh"');
  });
  assert.equal(result, 413,
    'check Content-Length before reading: when it already says more than the limit, throw 413 at once instead of waiting for bytes that may never come');
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

test('clientIp trusts X-Forwarded-For only from our own proxies, read from the right', { timeout: 5000 }, async () => {
  const rnd = () => `198.51.100.${1 + Math.floor(Math.random() * 250)}`;
  const visitor = rnd();
  const spoofed = `203.0.113.${1 + Math.floor(Math.random() * 250)}`;
  const innerProxy = '10.0.0.7';
  const echoIp = (req, res) => json(res, 200, { ip: req.clientIp });
  const ipOf = async (port, xff) => parse((await request(port, { headers: xff === undefined ? {} : { 'x-forwarded-for': xff } })).text, 'the handler answers JSON').ip;

  // The tests connect from 127.0.0.1. First, 127.0.0.1 is NOT one of our proxies.
  const direct = await serve([clientIp({ trustedProxies: ['10.0.0.5'] }), echoIp]);
  assert.equal(await ipOf(direct, visitor), '127.0.0.1',
    'when the TCP peer is not a trusted proxy, it is the client: ignore X-Forwarded-For, which anyone can send');

  // Now 127.0.0.1 is our load balancer, and 10.0.0.7 a proxy of ours behind it.
  const behindLb = await serve([clientIp({ trustedProxies: ['127.0.0.1', innerProxy] }), echoIp]);
  assert.equal(await ipOf(behindLb, undefined), '127.0.0.1', 'with no X-Forwarded-For, the client is the TCP peer');
  assert.equal(await ipOf(behindLb, visitor), visitor, 'behind a trusted proxy, the last X-Forwarded-For entry is the client');
  assert.equal(await ipOf(behindLb, `${spoofed}, ${visitor}`), visitor,
    'read X-Forwarded-For from the right: entries further left were written by the client and can be forged');
  assert.equal(await ipOf(behindLb, `${spoofed},${visitor}, ${innerProxy}`), visitor,
    'skip the entries your own proxies added (from the right), then take the first one that is not yours');
  assert.equal(await ipOf(behindLb, [spoofed, visitor]), visitor,
    'a request may carry X-Forwarded-For twice; Node joins them with ", ", and the rightmost untrusted entry still wins');
});
