import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rateLimit } from '../src/rateLimit.js';
import { startServer, fakeClock, handlerSpy } from './helpers/server.js';
import { parseList } from './helpers/structuredFields.js';

/** Starts a limited server, runs the test body, always closes the server. */
async function withServer(options, body) {
  const clock = fakeClock();
  const handler = handlerSpy();
  const server = await startServer(rateLimit({ now: clock.now, ...options })(handler));
  try {
    await body({ url: server.url, clock, handler });
  } finally {
    await server.close();
  }
}

async function send(url, headers = {}) {
  const res = await fetch(`${url}/things`, { headers });
  return { status: res.status, headers: res.headers, body: await res.text() };
}

test('capacity 5: five requests pass, the sixth gets 429 and never reaches the handler', async () => {
  await withServer({ capacity: 5, refillPerSec: 1 }, async ({ url, handler }) => {
    for (let i = 1; i <= 5; i++) {
      assert.equal((await send(url)).status, 200, `request #${i} must get 200`);
    }
    const sixth = await send(url);
    assert.equal(sixth.status, 429, 'request #6 must get 429 Too Many Requests');
    assert.equal(handler.calls, 5, 'the handler must not be called for the refused request: check the limit before doing the work');
  });
});

test('the 429 carries Retry-After and a problem+json body', async () => {
  await withServer({ capacity: 5, refillPerSec: 1 }, async ({ url }) => {
    for (let i = 0; i < 5; i++) await send(url);
    const refused = await send(url);

    const retryAfter = refused.headers.get('retry-after');
    assert.match(String(retryAfter), /^\d+$/, 'Retry-After must be an integer number of seconds (delay-seconds)');
    assert.ok(Number(retryAfter) >= 1, 'Retry-After must be at least 1');
    assert.match(String(refused.headers.get('content-type')), /^application\/problem\+json/, 'the 429 body must be application/problem+json (RFC 9457)');
    const problem = JSON.parse(refused.body);
    assert.equal(problem.status, 429, 'the problem details must include "status": 429');
    assert.equal(typeof problem.title, 'string', 'the problem details must include a "title"');
  });
});

test('every response advertises RateLimit-Policy and RateLimit (draft -11 syntax)', async () => {
  await withServer({ capacity: 5, refillPerSec: 1 }, async ({ url }) => {
    const remaining = [];
    let last;
    for (let i = 1; i <= 6; i++) {
      last = await send(url);
      const policyHeader = last.headers.get('ratelimit-policy');
      const stateHeader = last.headers.get('ratelimit');
      assert.ok(policyHeader, `response #${i} needs a RateLimit-Policy header`);
      assert.ok(stateHeader, `response #${i} needs a RateLimit header (also on the 429)`);

      const [policy] = parseList(policyHeader);
      assert.equal(policy.params.q, 5, 'RateLimit-Policy must carry q=5 (the capacity)');
      assert.equal(policy.params.w, 5, 'RateLimit-Policy must carry w=5: ceil(capacity / refillPerSec) seconds');
      const [state] = parseList(stateHeader);
      assert.equal(state.name, policy.name, 'RateLimit must name the same policy as RateLimit-Policy');
      assert.ok(Number.isInteger(state.params.t) && state.params.t >= 1, 'RateLimit must carry t, a whole number of seconds >= 1');
      remaining.push(state.params.r);
    }
    assert.deepEqual(remaining, [4, 3, 2, 1, 0, 0], 'the r parameter must count down 4, 3, 2, 1, 0 and stay 0 on the 429');
    assert.equal(parseList(last.headers.get('ratelimit'))[0].params.t, Number(last.headers.get('retry-after')), 'on the 429, t must equal Retry-After');
  });
});

test('after the clock moves 1 second, exactly one more request succeeds', async () => {
  await withServer({ capacity: 5, refillPerSec: 1 }, async ({ url, clock }) => {
    for (let i = 0; i < 6; i++) await send(url);

    clock.advance(1000);
    assert.equal((await send(url)).status, 200, 'one token refills per second: the next request must pass');
    assert.equal((await send(url)).status, 429, '...and only one: the request after it must get 429 again');
  });
});

test('different API keys have independent buckets', async () => {
  const key = (req, clientIp) => req.headers['x-api-key'] ?? `ip:${clientIp}`;
  await withServer({ capacity: 5, refillPerSec: 1, key }, async ({ url }) => {
    for (let i = 0; i < 5; i++) await send(url, { 'x-api-key': 'key-A' });
    assert.equal((await send(url, { 'x-api-key': 'key-A' })).status, 429, 'key-A has used its 5 requests and must get 429');
    assert.equal((await send(url, { 'x-api-key': 'key-B' })).status, 200, 'key-B has its own bucket and must still get 200: use key(req, clientIp) to pick the bucket');
  });
});

test('a spoofed X-Forwarded-For is ignored when trustProxy is off', async () => {
  await withServer({ capacity: 5, refillPerSec: 1 }, async ({ url }) => {
    for (let i = 1; i <= 5; i++) await send(url, { 'x-forwarded-for': `203.0.113.${i}` });
    const spoofed = await send(url, { 'x-forwarded-for': '203.0.113.99' });
    assert.equal(spoofed.status, 429, 'without trustProxy, X-Forwarded-For is client-controlled: key on the socket address, so all 6 requests share one bucket');
  });
});

test('with trustProxy on, the right-most X-Forwarded-For entry is the client', async () => {
  await withServer({ capacity: 5, refillPerSec: 1, trustProxy: true }, async ({ url }) => {
    for (let i = 0; i < 5; i++) await send(url, { 'x-forwarded-for': `198.51.100.${i}, 198.51.100.7` });
    assert.equal((await send(url, { 'x-forwarded-for': '198.51.100.7' })).status, 429, 'all 6 requests came from 198.51.100.7 (the right-most entry, added by our proxy); the entries to its left are client-controlled');
    assert.equal((await send(url, { 'x-forwarded-for': '198.51.100.8' })).status, 200, 'another client behind the proxy (198.51.100.8) must have its own bucket');
  });
});
