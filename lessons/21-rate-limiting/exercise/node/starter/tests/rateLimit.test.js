import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rateLimit } from '../src/rateLimit.js';
import { startServer, fakeClock, handlerSpy } from './helpers/server.js';
import { parseList } from './helpers/structuredFields.js';

/** Starts a limited server, runs the test body, always closes the server. */
async function withServer(options, body) {
  const clock = fakeClock();
  const handler = handlerSpy();
  const limit = rateLimit({ now: clock.now, ...options });
  const server = await startServer(limit(handler));
  try {
    await body({ url: server.url, clock, handler, limit });
  } finally {
    await server.close();
  }
}

/** Sends `count` requests one after another and returns their statuses. */
async function statuses(url, count, headers = {}) {
  const result = [];
  for (let i = 0; i < count; i++) result.push((await send(url, headers)).status);
  return result;
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

test('bad options fail when the limiter is built, not on the first request', () => {
  for (const options of [{ capacity: 0, refillPerSec: 1 }, { capacity: 5, refillPerSec: 0 }, { capacity: 2.5, refillPerSec: 1 }]) {
    assert.throws(() => rateLimit(options), RangeError, `rateLimit(${JSON.stringify(options)}) must throw a RangeError at once: validate the options in rateLimit() itself, so a misconfigured server fails at start-up instead of answering 500 later`);
  }
});

test('allowed responses do not carry Retry-After', async () => {
  await withServer({ capacity: 3, refillPerSec: 1 }, async ({ url }) => {
    for (let i = 1; i <= 3; i++) {
      const ok = await send(url);
      assert.equal(ok.status, 200, `request #${i} must get 200`);
      assert.equal(ok.headers.get('retry-after'), null, 'Retry-After belongs on the 429 only: on a 200 it tells clients to back off when they need not');
    }
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

// The key function limits VERIFIED identities: a known API key maps to its account, anything
// else falls back to the client IP. Keying on the raw header would let a client pick a fresh
// bucket with every request.
const ACCOUNTS = new Map([['key-A', 'acct-1'], ['key-B', 'acct-2'], ['key-A2', 'acct-1']]);
const verifiedKey = (req, clientIp) => {
  const account = ACCOUNTS.get(req.headers['x-api-key']);
  return account ? `acct:${account}` : `ip:${clientIp}`;
};

test('different accounts have independent buckets; unknown keys share the IP bucket', async () => {
  await withServer({ capacity: 5, refillPerSec: 1, key: verifiedKey }, async ({ url }) => {
    for (let i = 0; i < 5; i++) await send(url, { 'x-api-key': 'key-A' });
    assert.equal((await send(url, { 'x-api-key': 'key-A2' })).status, 429, 'key-A2 belongs to the same account as key-A, which has used its 5 requests: pick the bucket with key(req, clientIp)');
    assert.equal((await send(url, { 'x-api-key': 'key-B' })).status, 200, 'key-B is another account with its own bucket and must still get 200: pick the bucket with key(req, clientIp)');

    const forged = [];
    for (let i = 0; i < 6; i++) forged.push((await send(url, { 'x-api-key': `made-up-${i}` })).status);
    assert.deepEqual(forged, [200, 200, 200, 200, 200, 429], 'made-up API keys are not verified, so all of them share the client IP bucket: call key(req, clientIp) with the client IP you worked out');
  });
});

test('a policy name with quotes and backslashes is escaped as a Structured Field string', async () => {
  for (const policyName of ['tier "gold"', 'eu\\west', 'a "b" \\ c', '"']) {
    await withServer({ capacity: 3, refillPerSec: 1, policyName }, async ({ url }) => {
      const res = await send(url);
      for (const field of ['ratelimit-policy', 'ratelimit']) {
        let items;
        try {
          items = parseList(res.headers.get(field));
        } catch (err) {
          assert.fail(`with policyName ${JSON.stringify(policyName)} the ${field} header is not a valid Structured Field (${err.message}): inside the quotes, put a backslash before every " and \\ (JSON.stringify(name) does it for printable ASCII)`);
        }
        assert.equal(items[0].name, policyName, `${field} must carry the policy name ${JSON.stringify(policyName)} itself, escaped, not cut at its first quote`);
      }
    });
  }
});

test('capacity, rate and policy name come from the options', async () => {
  await withServer({ capacity: 7, refillPerSec: 2, policyName: 'burst' }, async ({ url, clock }) => {
    const seen = [];
    for (let i = 0; i < 8; i++) seen.push(await send(url));
    assert.deepEqual(seen.map((r) => r.status), [200, 200, 200, 200, 200, 200, 200, 429], 'capacity 7: seven requests pass and the eighth gets 429');
    const [policy] = parseList(seen[0].headers.get('ratelimit-policy'));
    assert.equal(policy.name, 'burst', 'the policy name is the policyName option, written as a quoted string: "burst"');
    assert.equal(policy.params.q, 7, 'q must be the capacity option (7), not a fixed number');
    assert.equal(policy.params.w, 4, 'w must be ceil(capacity / refillPerSec) = ceil(7 / 2) = 4 seconds');
    assert.deepEqual(seen.map((r) => parseList(r.headers.get('ratelimit'))[0].params.r), [6, 5, 4, 3, 2, 1, 0, 0], 'r must count the tokens left: 6 down to 0');
    assert.equal(seen[7].headers.get('retry-after'), '1', 'at 2 tokens per second the next token is 0.5 s away, which rounds UP to Retry-After: 1');

    clock.advance(1000);
    assert.deepEqual(await statuses(url, 3), [200, 200, 429], 'after 1 s at 2 tokens per second exactly two more requests pass');
  });
});

test('a slow refill gives a Retry-After rounded up, and waiting that long is enough', async () => {
  await withServer({ capacity: 3, refillPerSec: 0.4 }, async ({ url, clock }) => {
    await statuses(url, 3);
    const refused = await send(url);
    assert.equal(refused.status, 429, 'capacity 3: the fourth request gets 429');
    assert.equal(refused.headers.get('retry-after'), '3', 'at 0.4 tokens per second one token takes 2.5 s, so Retry-After must be 3 (rounded up, never early)');
    clock.advance(2000);
    assert.equal((await send(url)).status, 429, 'after 2 s only 0.8 tokens have been added: still 429');
    clock.advance(1000);
    assert.equal((await send(url)).status, 200, 'after 3 s (Retry-After) the request must pass');
  });
});

test('simultaneous requests cannot overdraw the bucket', async () => {
  await withServer({ capacity: 5, refillPerSec: 1 }, async ({ url, handler }) => {
    const results = await Promise.all(Array.from({ length: 12 }, () => send(url)));
    const ok = results.filter((r) => r.status === 200).length;
    assert.equal(ok, 5, `12 requests sent at once must let exactly 5 through (got ${ok}): take the token synchronously, before any await`);
    assert.equal(handler.calls, 5, 'the handler must run only for the 5 allowed requests');
  });
});

test('idle buckets are forgotten, so many clients cannot fill the memory', async () => {
  const key = (req, clientIp) => `user:${req.headers['x-user'] ?? clientIp}`;
  await withServer({ capacity: 5, refillPerSec: 1, key }, async ({ url, clock, limit }) => {
    assert.equal(typeof limit.size, 'function', 'rateLimit(options) must return a function with a size() method that counts the buckets held');
    for (let i = 0; i < 200; i++) await send(url, { 'x-user': `u${i}` });
    assert.ok(limit.size() >= 200, `200 different users were seen within a second, so 200 buckets are needed (size() says ${limit.size()})`);

    clock.advance(5000); // capacity / refillPerSec: every one of those buckets is full again
    await send(url, { 'x-user': 'late' });
    assert.ok(limit.size() <= 2, `after 5 s idle (capacity / refillPerSec) the 200 buckets are full again and must be dropped; size() says ${limit.size()}. Without this, a client that rotates keys or IPv6 addresses grows the Map without limit.`);
  });
});

test('forgetting buckets never resets a client that is still limited', async () => {
  const key = (req, clientIp) => `user:${req.headers['x-user'] ?? clientIp}`;
  await withServer({ capacity: 5, refillPerSec: 1, key }, async ({ url, clock }) => {
    clock.advance(3000);
    assert.deepEqual(await statuses(url, 6, { 'x-user': 'busy' }), [200, 200, 200, 200, 200, 429], 'a fresh client gets 5 requests, then 429');
    clock.advance(2000); // 5 s after start a sweep may run: 'busy' has been idle for only 2 s
    await send(url, { 'x-user': 'other' });
    assert.deepEqual(await statuses(url, 3, { 'x-user': 'busy' }), [200, 200, 429], "2 s after emptying its bucket, 'busy' has exactly 2 tokens. A fresh bucket would give it 5: only drop buckets idle for capacity / refillPerSec seconds, never clear them all");
  });
});

test('a spoofed X-Forwarded-For is ignored when trustProxy is off', async () => {
  await withServer({ capacity: 5, refillPerSec: 1 }, async ({ url }) => {
    for (let i = 1; i <= 5; i++) await send(url, { 'x-forwarded-for': `203.0.113.${i}` });
    const spoofed = await send(url, { 'x-forwarded-for': '203.0.113.99' });
    assert.equal(spoofed.status, 429, 'without trustProxy, X-Forwarded-For is client-controlled: key on the socket address, so all 6 requests share one bucket');
  });
  const seen = [];
  const key = (req, clientIp) => { seen.push(clientIp); return clientIp; };
  await withServer({ capacity: 5, refillPerSec: 1, key }, async ({ url }) => {
    await send(url, { 'x-forwarded-for': '203.0.113.5' });
    assert.deepEqual(seen, ['127.0.0.1'], 'key(req, clientIp) must receive the socket address (127.0.0.1 here) when trustProxy is off');
  });
});

test('with trustProxy on, an invalid right-most entry falls back to the socket address', async () => {
  await withServer({ capacity: 5, refillPerSec: 1, trustProxy: true }, async ({ url }) => {
    await statuses(url, 5, { 'x-forwarded-for': '198.51.100.7, not-an-ip' });
    assert.equal((await send(url)).status, 429, 'a right-most entry that is not a valid IP (isIP) must be ignored: use the socket address, so these 6 requests share one bucket');
  });
});

test('with trustProxy on, the right-most X-Forwarded-For entry is the client', async () => {
  await withServer({ capacity: 5, refillPerSec: 1, trustProxy: true }, async ({ url }) => {
    for (let i = 0; i < 5; i++) await send(url, { 'x-forwarded-for': `198.51.100.${i}, 198.51.100.7` });
    assert.equal((await send(url, { 'x-forwarded-for': '198.51.100.7' })).status, 429, 'all 6 requests came from 198.51.100.7 (the right-most entry, added by our proxy); the entries to its left are client-controlled');
    assert.equal((await send(url, { 'x-forwarded-for': '198.51.100.8' })).status, 200, 'another client behind the proxy (198.51.100.8) must have its own bucket');
  });
});
