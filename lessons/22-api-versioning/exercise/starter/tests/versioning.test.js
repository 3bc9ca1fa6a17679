// Read-only tests for the API Versioning exercise. Run them with `npm test`.
import { test, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { createApp, MIGRATION_DOCS } from '../src/app.js';

const BEFORE_SUNSET = Date.UTC(2026, 10, 6, 12, 0, 0); // 2026-11-06T12:00:00Z
const AFTER_SUNSET = Date.UTC(2027, 6, 1, 0, 0, 0);    // 2027-07-01T00:00:00Z
const IMF_FIXDATE = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;

let server;
afterEach(async () => {
  if (server?.listening) {
    server.closeAllConnections();
    await new Promise((ok) => server.close(ok));
  }
});

function spyService() {
  const calls = [];
  return {
    calls,
    async getUser(id) {
      calls.push(id);
      return id === '1' ? { id: '1', firstName: 'Ada', lastName: 'Lovelace' } : null;
    },
  };
}

async function start({ users = spyService(), at = BEFORE_SUNSET } = {}) {
  let clock = at;
  server = createApp({ users, now: () => clock });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return { base: `http://127.0.0.1:${server.address().port}`, users, travelTo: (t) => { clock = t; } };
}

test('v1 and v2 return their own shapes, built from one getUser() service', { timeout: 5000 }, async () => {
  const { base, users } = await start();
  const v1 = await fetch(`${base}/v1/users/1`);
  assert.equal(v1.status, 200, 'GET /v1/users/1 must answer 200 before the sunset');
  assert.deepEqual(await v1.json(), { id: '1', name: 'Ada Lovelace' }, 'v1 must return exactly { id, name }');
  const v2 = await fetch(`${base}/v2/users/1`);
  assert.equal(v2.status, 200, 'GET /v2/users/1 must answer 200');
  assert.deepEqual(await v2.json(), { id: '1', firstName: 'Ada', lastName: 'Lovelace' },
    'v2 must return exactly { id, firstName, lastName }');
  assert.equal(users.calls.length, 2,
    'both versions must load the user through the one injected users.getUser() (no copy-pasted data access)');
});

test('v1 announces its deprecation and sunset with the standard headers', { timeout: 5000 }, async () => {
  const { base } = await start();
  const res = await fetch(`${base}/v1/users/1`);
  await res.arrayBuffer();
  const deprecation = res.headers.get('deprecation') ?? '';
  assert.match(deprecation, /^@\d+$/,
    'Deprecation must be an RFC 9745 Structured Field Date such as @1767225600 (not "true", not a date string)');
  const sunset = res.headers.get('sunset') ?? '';
  assert.match(sunset, IMF_FIXDATE, 'Sunset must be an HTTP-date (IMF-fixdate), e.g. Wed, 30 Jun 2027 23:59:59 GMT');
  assert.ok(Date.parse(sunset) > Number(deprecation.slice(1)) * 1000,
    'the Sunset date must be later than the Deprecation date');
  const link = res.headers.get('link') ?? '';
  assert.ok(link.includes(`<${MIGRATION_DOCS}>`) && /rel="?deprecation"?/.test(link),
    `v1 must send Link: <${MIGRATION_DOCS}>; rel="deprecation"`);
});

test('v2 is not deprecated', { timeout: 5000 }, async () => {
  const { base } = await start();
  const res = await fetch(`${base}/v2/users/1`);
  await res.arrayBuffer();
  assert.equal(res.headers.get('deprecation'), null, 'v2 must not send a Deprecation header');
  assert.equal(res.headers.get('sunset'), null, 'v2 must not send a Sunset header');
});

test('an unknown version answers 404 problem+json listing the supported versions', { timeout: 5000 }, async () => {
  const { base } = await start();
  const res = await fetch(`${base}/v9/users/1`);
  assert.equal(res.status, 404, '/v9/users/1 must answer 404');
  assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/, 'the 404 must be application/problem+json');
  const text = await res.text();
  assert.ok(text.includes('v1') && text.includes('v2'), 'the 404 problem must list the supported versions (v1 and v2)');
});

test('an unknown user answers 404 problem+json in both versions', { timeout: 5000 }, async () => {
  const { base } = await start();
  for (const v of ['v1', 'v2']) {
    const res = await fetch(`${base}/${v}/users/404`);
    assert.equal(res.status, 404, `/${v}/users/404 must answer 404`);
    assert.equal((await res.json()).status, 404, `/${v}: the problem body must contain "status": 404`);
  }
});

test('after the sunset, v1 answers 410 Gone pointing at the migration docs', { timeout: 5000 }, async () => {
  const { base, travelTo } = await start();
  travelTo(AFTER_SUNSET);
  const res = await fetch(`${base}/v1/users/1`);
  assert.equal(res.status, 410, 'after the Sunset date v1 must answer 410 Gone (use the injected now(), not Date.now())');
  assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/, 'the 410 must be application/problem+json');
  const body = await res.json();
  assert.equal(body.type, MIGRATION_DOCS, 'the 410 problem "type" must point at the migration docs');
  const v2 = await fetch(`${base}/v2/users/1`);
  await v2.arrayBuffer();
  assert.equal(v2.status, 200, 'v2 must keep working after v1 is sunset');
});
