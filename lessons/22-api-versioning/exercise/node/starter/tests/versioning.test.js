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

// The domain objects carry fields no version may expose (email, passwordHash): adapters pick
// the fields of their contract instead of passing the domain object through.
function spyService(people = { 1: ['Ada', 'Lovelace'] }) {
  const calls = [];
  return {
    calls,
    async getUser(id) {
      calls.push(id);
      const person = people[id];
      if (!person) return null;
      const [firstName, lastName] = person;
      return { id, firstName, lastName, email: `${firstName.toLowerCase()}@example.test`, passwordHash: '$2y$12$secret' };
    },
  };
}

// A small seeded generator, so the "random" people are the same on every run.
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function start({ users = spyService(), at = BEFORE_SUNSET, brownouts, onUsage } = {}) {
  let clock = at;
  server = createApp({ users, now: () => clock, ...(brownouts ? { brownouts } : {}), ...(onUsage ? { onUsage } : {}) });
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

test('each version adapts whatever user the domain core returns, and exposes only its contract', { timeout: 10000 }, async () => {
  const next = random(22);
  const firsts = ['Grace', 'Alan', 'Katherine', 'Edsger', 'Barbara', 'Donald', 'Frances'];
  const lasts = ['Hopper', 'Turing', 'Johnson', 'Dijkstra', 'Liskov', 'Knuth', 'Allen'];
  const people = {};
  for (let i = 0; i < 5; i++) people[String(100 + Math.floor(next() * 900))] = [firsts[Math.floor(next() * 7)], lasts[Math.floor(next() * 7)]];
  const { base } = await start({ users: spyService(people) });
  for (const [id, [firstName, lastName]] of Object.entries(people)) {
    const v1 = await (await fetch(`${base}/v1/users/${id}`)).json();
    assert.deepEqual(v1, { id, name: `${firstName} ${lastName}` }, `v1 must return exactly { id, name } for user ${id}, with name = firstName + " " + lastName from getUser(), nothing else (no email, no passwordHash)`);
    const v2 = await (await fetch(`${base}/v2/users/${id}?fields=all`)).json();
    assert.deepEqual(v2, { id, firstName, lastName }, `v2 must return exactly { id, firstName, lastName } for user ${id}: pick the contract's fields, never spread the domain object (it holds email and passwordHash). Route on the path, ignoring the query string.`);
  }
});

test('v1 announces its deprecation and sunset with the standard headers', { timeout: 5000 }, async () => {
  const { base } = await start();
  const res = await fetch(`${base}/v1/users/1`);
  await res.arrayBuffer();
  const deprecation = res.headers.get('deprecation') ?? '';
  assert.match(deprecation, /^@\d+$/,
    'Deprecation must be an RFC 9745 Structured Field Date such as @1767225600 (not "true", not a date string)');
  assert.equal(deprecation, '@1767225600', 'Deprecation must be @ + SECONDS since the epoch for 2026-01-01T00:00:00Z: Math.floor(V1_DEPRECATED_AT / 1000)');
  assert.equal(res.headers.get('sunset'), 'Wed, 30 Jun 2027 23:59:59 GMT', 'Sunset must be new Date(V1_SUNSET_AT).toUTCString()');
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
    assert.equal(res.headers.get('deprecation') !== null, v === 'v1', `/${v}/users/404: every v1 response, errors included, carries Deprecation (and v2 none): set the lifecycle headers for the version, not only on 200`);
  }
});

test('path segments that are not versions answer 404, never 500', { timeout: 5000 }, async () => {
  const { base } = await start();
  for (const path of ['/constructor/users/1', '/__proto__/users/1', '/toString/users/1', '/V1/users/1', '/users/1']) {
    const res = await fetch(`${base}${path}`);
    await res.arrayBuffer();
    assert.equal(res.status, 404, `${path} must answer 404: look versions up with Object.hasOwn(VERSIONS, name) (or a Map), so names such as "constructor" from Object.prototype never match`);
  }
});

test('only /<version>/users/<id> is a user: other shapes and spellings answer 404', { timeout: 5000 }, async () => {
  const { base, users } = await start();
  for (const path of ['/v1/users/1/orders', '/v2/accounts/1', '/v1/users/', '/v01/users/1', '/v2/users/1/']) {
    const res = await fetch(`${base}${path}`);
    await res.arrayBuffer();
    assert.equal(res.status, 404, `${path} must answer 404: match the whole path (exactly /<version>/users/<id>, e.g. one regex with ^ and $), and look the version name up as it is written ("v01" is not "v1")`);
  }
  assert.equal(users.calls.length, 0, 'a path that is not /<version>/users/<id> must not reach users.getUser()');
});

test('HEAD on v1 answers like GET, without a body', { timeout: 5000 }, async () => {
  const { base } = await start();
  const res = await fetch(`${base}/v1/users/1`, { method: 'HEAD' });
  assert.equal(res.status, 200, 'HEAD /v1/users/1 must answer 200 like GET');
  assert.equal(res.headers.get('deprecation'), '@1767225600', 'HEAD responses carry the same Deprecation header as GET');
  assert.equal((await res.arrayBuffer()).byteLength, 0, 'a HEAD response has no body');
});

test('HEAD on errors answers like GET, without a body', { timeout: 10000 }, async () => {
  const hour = 60 * 60 * 1000;
  const window = Date.UTC(2027, 4, 4, 10);
  const { base, travelTo } = await start({ brownouts: [{ start: window, end: window + hour }] });
  const cases = [
    [BEFORE_SUNSET, '/v1/users/404', 404, 'an unknown user'],
    [BEFORE_SUNSET, '/v9/users/1', 404, 'an unknown version'],
    [BEFORE_SUNSET, '/v2/users/31337', 404, 'an unknown user on v2'],
    [window + 60_000, '/v1/users/1', 410, 'v1 inside a brownout window'],
    [AFTER_SUNSET, '/v1/users/1', 410, 'v1 after the sunset'],
  ];
  for (const [at, path, status, what] of cases) {
    travelTo(at);
    const get = await fetch(`${base}${path}`);
    await get.arrayBuffer();
    const head = await fetch(`${base}${path}`, { method: 'HEAD' });
    assert.equal(head.status, status, `HEAD ${path} (${what}) must answer ${status}, like GET: HEAD runs the same lookups and checks, only without a body`);
    for (const name of ['content-type', 'deprecation', 'sunset', 'link']) {
      assert.equal(head.headers.get(name), get.headers.get(name), `HEAD ${path} (${what}) must send the same ${name} header as GET`);
    }
    assert.equal((await head.arrayBuffer()).byteLength, 0, `HEAD ${path} (${what}) must have no body`);
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
  assert.equal(body.status, 410, 'a problem details body repeats the HTTP status in "status" (RFC 9457): 410 here');
  const v2 = await fetch(`${base}/v2/users/1`);
  await v2.arrayBuffer();
  assert.equal(v2.status, 200, 'v2 must keep working after v1 is sunset');
});

test('the sunset is a moment: one second before it v1 works, one second after it is gone', { timeout: 5000 }, async () => {
  const sunset = Date.parse('Wed, 30 Jun 2027 23:59:59 GMT');
  const { base, travelTo } = await start({ at: sunset - 1000 });
  assert.equal((await fetch(`${base}/v1/users/1`)).status, 200, 'one second before the Sunset date v1 must still answer 200');
  travelTo(sunset + 1000);
  assert.equal((await fetch(`${base}/v1/users/1`)).status, 410, 'one second after the Sunset date v1 must answer 410: compare now() with the sunset');
});

test('brownouts: v1 fails on purpose only inside the announced windows', { timeout: 10000 }, async () => {
  const hour = 60 * 60 * 1000;
  const first = Date.UTC(2027, 4, 4, 10);  // Tue 4 May 2027, 10:00 UTC, for one hour
  const second = Date.UTC(2027, 4, 11, 0); // Tue 11 May 2027, for a whole day
  const brownouts = [{ start: first, end: first + hour }, { start: second, end: second + 24 * hour }];
  const { base, travelTo } = await start({ brownouts });
  const expectations = [
    [first - 1, 200, 'just before the first window'],
    [first, 410, 'at the start of the first window'],
    [first + hour - 1, 410, 'at the last millisecond of the first window'],
    [first + hour, 200, 'once the first window has ended (start <= now < end)'],
    [second + 12 * hour, 410, 'in the middle of the second window'],
    [second + 25 * hour, 200, 'after the second window'],
  ];
  for (const [at, status, when] of expectations) {
    travelTo(at);
    const res = await fetch(`${base}/v1/users/1`);
    assert.equal(res.status, status, `v1 ${when} must answer ${status}: check every { start, end } window in brownouts with the injected now()`);
    if (status === 410) {
      assert.equal((await res.json()).type, MIGRATION_DOCS, 'a brownout 410 is a problem+json whose type is the migration guide, like the final one');
      assert.equal(res.headers.get('deprecation'), '@1767225600', 'a brownout 410 is still a v1 response before the sunset: send Deprecation on it too, so the client learns why it failed');
      assert.equal(res.headers.get('sunset'), 'Wed, 30 Jun 2027 23:59:59 GMT', 'a brownout 410 must carry the Sunset header: it tells the client when v1 stops for good');
      assert.match(String(res.headers.get('link')), /rel="deprecation"/, 'a brownout 410 must carry the Link to the migration guide (rel="deprecation")');
    } else {
      await res.arrayBuffer();
    }
    const v2 = await fetch(`${base}/v2/users/1`);
    await v2.arrayBuffer();
    assert.equal(v2.status, 200, `v2 is not deprecated, so brownouts never touch it (${when})`);
  }
});

test('usage telemetry records every call to a known version, failures included', { timeout: 10000 }, async () => {
  const events = [];
  const hour = 60 * 60 * 1000;
  const window = Date.UTC(2027, 4, 4, 10);
  const { base, travelTo } = await start({ onUsage: (event) => events.push(event), brownouts: [{ start: window, end: window + hour }] });
  const call = async (path, client) => (await fetch(`${base}${path}`, { headers: client ? { 'x-client-id': client } : {} })).arrayBuffer();
  await call('/v1/users/1', 'billing');
  await call('/v2/users/1', 'billing');
  await call('/v1/users/404', 'reports');
  await call('/v1/users/1');
  await call('/v9/users/1', 'billing');
  travelTo(window + 1000);
  await call('/v1/users/1', 'legacy-crm');
  travelTo(Date.UTC(2027, 6, 1));
  await call('/v1/users/1', 'legacy-crm');
  assert.deepEqual(events.map(({ version, client, status }) => ({ version, client, status })), [
    { version: 'v1', client: 'billing', status: 200 },
    { version: 'v2', client: 'billing', status: 200 },
    { version: 'v1', client: 'reports', status: 404 },
    { version: 'v1', client: 'anonymous', status: 200 },
    { version: 'v1', client: 'legacy-crm', status: 410 },
    { version: 'v1', client: 'legacy-crm', status: 410 },
  ], 'call onUsage({ version, client, status }) once for every request to a known version: client is the X-Client-Id header or "anonymous", and the 410s count too, because they show who still has to migrate');
});
