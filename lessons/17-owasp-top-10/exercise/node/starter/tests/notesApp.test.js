import { test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ANA, BEN, addNote, listedIds, noteCount, request, startApp } from './helpers.js';

// Attacks the Notes app the way a real attacker would: through HTTP requests only.
// Each test adds notes of its own and uses a fresh random CSRF token, so an app that only
// handles the seed data, or a token it has memorised, fails.

let app;
beforeEach(async () => {
  app = await startApp();
});
afterEach(() => app.close());

const get = (path, cookie = app.ana) => request(app, 'GET', path, { cookie });
const post = (form, options = {}) => request(app, 'POST', '/notes', { cookie: app.ana, form, ...options });
const search = (params) => get(`/notes?${new URLSearchParams(params)}`);

// ---------- A05 Injection: SQL ----------

test('search still finds genuine matches', async () => {
  const response = await search({ q: 'Shop' });
  assert.equal(response.status, 200, 'searching for "Shop" must work (status 200)');
  assert.deepEqual(listedIds(response), [1], 'searching for "Shop" must list only note 1, "Shopping list"');
});

test('search treats quotes and SQL words as plain text', async () => {
  const quoted = addNote(app, ANA, `Ana's "big" -- plan; OR 1=1`, 'text with quotes');
  const plain = addNote(app, ANA, 'Anas plan', 'no quotes here');
  const cases = { "Ana's": [quoted], '"big"': [quoted], '-- plan;': [quoted], 'OR 1=1': [quoted], Anas: [plain] };
  for (const [term, expected] of Object.entries(cases)) {
    const response = await search({ q: term });
    assert.equal(response.status, 200, `searching for ${term} must not break the query: bind the search term as a parameter (?) instead of pasting it into the SQL`);
    assert.deepEqual(listedIds(response), expected, `searching for ${term} must find exactly the note whose title contains it. Removing or escaping quotes and SQL words is a blocklist that breaks genuine searches: bind \`%\${q}%\` with a prepared statement`);
  }
});

test("search lists only the user's own notes", async () => {
  const word = `plan${randomBytes(3).toString('hex')}`;
  const anas = addNote(app, ANA, `Ana ${word} draft`, 'mine');
  addNote(app, BEN, `Ben ${word} secret`, 'not for Ana');
  const response = await search({ q: word });
  assert.equal(response.status, 200, `searching for ${word} must work (status 200)`);
  assert.deepEqual(listedIds(response), [anas], `searching for ${word} listed someone else's note: a search is a list too, so keep owner_id = the session user in the WHERE clause together with the LIKE (A01)`);
  assert.ok(!response.body.includes('secret'), "nothing of Ben's note may appear in Ana's search results");
});

test('SQL injection in search finds nothing', async () => {
  for (const payload of ["' OR 1=1 --", "%' OR owner_id = 2 --", "' UNION SELECT id, body FROM notes --", "x' OR 'a'='a"]) {
    const response = await search({ q: payload });
    assert.equal(response.status, 200, `the search term ${payload} must be treated as text, not break the query: bind it as a parameter`);
    assert.deepEqual(listedIds(response), [], `no title contains ${payload}, so the list must be empty. Build the LIKE pattern in JavaScript and bind it with a prepared statement`);
    assert.ok(!response.body.includes('diary'), `the search ${payload} leaked Ben's note: bind the search term as a parameter`);
  }
});

test('sort accepts the allowlisted values', async () => {
  const zebra = addNote(app, ANA, 'Zebra facts', 'stripes');
  const apple = addNote(app, ANA, 'Apple pie', 'recipe');
  assert.deepEqual(listedIds(await search({ sort: 'title' })), [apple, 2, 1, 3, zebra], 'sort=title must order by title A-Z');
  assert.deepEqual(listedIds(await search({ sort: 'oldest' })), [1, 2, 3, zebra, apple], 'sort=oldest must order by id ascending');
  assert.deepEqual(listedIds(await search({ sort: 'newest' })), [apple, zebra, 3, 2, 1], 'sort=newest must order by id descending');
  assert.deepEqual(listedIds(await get('/notes')), [apple, zebra, 3, 2, 1], 'without sort, the default order is newest first (id descending)');
});

test('any sort outside the allowlist falls back to the default order', async () => {
  // Each value is valid SQL (or close to it) that a blocklist lets through, or a key every plain
  // object inherits; only a lookup of the three own keys, mapped to fragments you wrote, rejects them all.
  const sorts = [
    'title;DROP TABLE notes',
    'title DESC',
    'id',
    'owner_id, title',
    'NEWEST',
    "(CASE WHEN (SELECT substr(body, 1, 1) FROM notes WHERE id = 4) = 'N' THEN title ELSE id END)",
    'random()',
    'constructor',
    'toString',
    '__proto__',
    'hasOwnProperty',
  ];
  for (const sort of sorts) {
    const response = await search({ sort });
    assert.equal(response.status, 200, `sort=${sort} must not cause an error: map sort through an allowlist and fall back to the default (a plain object also "has" inherited keys such as constructor: use a Map or Object.hasOwn)`);
    assert.deepEqual(listedIds(response), [3, 2, 1], `sort=${sort} is not one of newest/oldest/title, so it must fall back to newest first. Never paste sort into ORDER BY, not even after removing characters: map it through an allowlist`);
  }
});

// ---------- A05 Injection: XSS ----------

test('note content is escaped in HTML', async () => {
  const id = addNote(app, ANA, '<img src=x onerror=alert(1)>', '<script>alert(1)</script> & more');
  const page = await get(`/notes/${id}`);
  assert.ok(page.body.includes('&lt;script&gt;alert(1)&lt;/script&gt; &amp; more'), 'HTML-encode the note body: replace the ampersand first, then < > and both quotes, with their character entities. Removing tags is not enough: the text must still be shown');
  assert.ok(page.body.includes('&lt;img src=x onerror=alert(1)&gt;'), 'HTML-encode the note title on the note page too');
  assert.ok(!page.body.includes('<script>'), 'the raw <script> tag must never reach the page');
  assert.ok(!page.body.includes('<img'), 'the raw <img> tag must never reach the note page');
  const list = await get('/notes');
  assert.ok(list.body.includes('&lt;img src=x onerror=alert(1)&gt;'), 'HTML-encode note titles in the list too');
  assert.ok(!list.body.includes('<img'), 'the raw <img> tag must never reach the list page');
});

test('values in attributes are escaped with quotes', async () => {
  const token = `abc"><script>alert(2)</script>'${randomBytes(4).toString('hex')}`;
  const list = await get('/notes', app.login(ANA, token));
  assert.ok(!list.body.includes('"><script>'), 'the CSRF token lands inside value="...": encode " and \' too, so a quote cannot end the attribute');
  const encoded = token.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
  const field = /name="csrf_token" value="([^"]*)"/.exec(list.body)?.[1] ?? '';
  assert.equal(field.replaceAll('&#39;', "'").replaceAll('&#x27;', "'").replaceAll('&apos;', "'"), encoded, "the form must still carry the session's CSRF token, HTML-encoded, in its hidden csrf_token field");
});

// ---------- A01 Broken Access Control ----------

test('owners can read their own notes', async () => {
  const response = await get('/notes/1');
  assert.equal(response.status, 200, 'Ana must still be able to read her own note 1');
  assert.ok(response.body.includes('Shopping list'), 'note 1 must show its title');
  const ben = await get('/notes/4', app.login(BEN, 'unused'));
  assert.equal(ben.status, 200, 'Ben must still be able to read his own note 4');
  assert.ok(ben.body.includes('diary'), 'note 4 must show its title to Ben');
});

test("someone else's note is a 404", async () => {
  const missing = await get('/notes/999');
  const bensNew = addNote(app, BEN, 'Ben secret plan', 'for Ben only');
  const ben = app.login(BEN, 'unused');
  for (const [cookie, user, id, word] of [[app.ana, ANA, 4, 'diary'], [app.ana, ANA, bensNew, 'secret'], [ben, BEN, 1, 'Shopping'], [ben, BEN, 3, 'quarterly']]) {
    const response = await get(`/notes/${id}`, cookie);
    assert.equal(response.status, 404, `user ${user} asking for someone else's note ${id} must get 404: add the owner to the WHERE clause for every note (not 200, and not 403, which leaks that it exists)`);
    assert.ok(!response.body.includes(word), `nothing of someone else's note ${id} may appear in the response`);
    assert.equal(response.body, missing.body, `someone else's note ${id} must look exactly like a note that does not exist`);
  }
  assert.ok(!listedIds(await get('/notes')).includes(bensNew), "Ana's list must not show Ben's notes: keep owner_id = the session user in the list query");
});

test('a state-changing POST without a valid CSRF token is 403', async () => {
  const attempts = {
    'no csrf_token': [app.ana, { title: 'Forged', body: 'x' }, {}],
    'a guessed csrf_token': [app.ana, { title: 'Forged', body: 'x', csrf_token: 'guess' }, {}],
    'a token of the right length but the wrong value': [app.ana, { title: 'Forged', body: 'x', csrf_token: [...app.anaToken].reverse().join('') }, {}],
    'a longer token that starts with the right one': [app.ana, { title: 'Forged', body: 'x', csrf_token: `${app.anaToken}00` }, {}],
    'no token at all when the session has none': [app.login(ANA), { title: 'Forged', body: 'x' }, {}],
    'an empty token when the session has an empty one': [app.login(ANA, ''), { title: 'Forged', body: 'x', csrf_token: '' }, {}],
    'the right token sent from another site (Sec-Fetch-Site: cross-site)': [app.ana, { title: 'Forged', body: 'x', csrf_token: app.anaToken }, { 'sec-fetch-site': 'cross-site' }],
    // A sibling subdomain (say a user-content host) is "same-site" but not the app's origin.
    'the right token sent from a sibling subdomain (Sec-Fetch-Site: same-site)': [app.ana, { title: 'Forged', body: 'x', csrf_token: app.anaToken }, { 'sec-fetch-site': 'same-site' }],
  };
  for (const [label, [cookie, form, headers]] of Object.entries(attempts)) {
    const response = await request(app, 'POST', '/notes', { cookie, form, headers });
    assert.equal(response.status, 403, `POST /notes with ${label} must get 403 (got ${response.status}): require a non-empty session token, compare equal-length buffers with timingSafeEqual (it throws on different lengths), and refuse Sec-Fetch-Site other than same-origin or none`);
  }
  assert.equal(noteCount(app), 4, 'a rejected POST must not create a note: check the token before inserting');
});

test('a POST with a valid CSRF token creates the note for the session user', async () => {
  const response = await post({ title: 'Call the bank', body: 'Before Friday', csrf_token: app.anaToken }, { chunked: true, headers: { 'sec-fetch-site': 'same-origin' } });
  assert.equal(response.status, 303, "a POST with the session's csrf_token (here sent chunked, without Content-Length) must create the note and answer 303");
  assert.equal(response.headers.location, '/notes/5', 'the 303 must point to the new note (Location: /notes/5)');
  assert.equal(app.db.prepare('SELECT owner_id FROM notes WHERE id = 5').get()?.owner_id, ANA, 'the new note must belong to the logged-in user (from the session, never from the form)');
  // Mass assignment: a form field must never choose the owner (A01).
  for (const field of ['owner_id', 'user_id', 'userId']) {
    const forged = await post({ title: `Planted via ${field}`, body: 'x', csrf_token: app.anaToken, [field]: String(BEN) });
    assert.equal(forged.status, 303, `a valid POST that also carries a ${field} field must still create the note (ignore unknown fields)`);
    const id = Number(String(forged.headers.location).slice('/notes/'.length));
    assert.equal(app.db.prepare('SELECT owner_id FROM notes WHERE id = ?').get(id)?.owner_id, ANA, `the form sent ${field}=${BEN} and the note went to that user: take the owner from the session only, never from the form (mass assignment, A01)`);
  }
});

// ---------- A02 Security Misconfiguration ----------

test('every response carries the security headers', async () => {
  const responses = {
    '200 list': await get('/notes'),
    '200 note': await get('/notes/1'),
    404: await get('/notes/999'),
    401: await get('/notes', undefined),
    403: await post({ title: 'x', body: 'y' }),
    '303 redirect': await post({ title: 'x', body: 'y', csrf_token: app.anaToken }),
  };
  for (const [label, response] of Object.entries(responses)) {
    const csp = String(response.headers['content-security-policy'] ?? '');
    assert.ok(csp.includes("default-src 'self'"), `the ${label} response needs Content-Security-Policy with default-src 'self': set the headers in one place, after routing, so every response gets them`);
    assert.equal(response.headers['x-content-type-options'], 'nosniff', `the ${label} response needs X-Content-Type-Options: nosniff (set it for every response)`);
    for (const weakener of ["'unsafe-inline'", "'unsafe-eval'"]) {
      assert.ok(!csp.includes(weakener), `the ${label} response's Content-Security-Policy allows ${weakener}, which lets an injected script run anyway: remove it (the app needs no inline script)`);
    }
    assertScriptSourcesAreStrict(label, csp);
    const referrer = String(response.headers['referrer-policy'] ?? '').toLowerCase().split(',').map((v) => v.trim()).at(-1);
    assert.ok(['no-referrer', 'same-origin', 'origin', 'strict-origin', 'origin-when-cross-origin', 'strict-origin-when-cross-origin'].includes(referrer), `the ${label} response needs a Referrer-Policy that keeps full URLs (with their IDs and tokens) from other sites, e.g. strict-origin-when-cross-origin; unsafe-url and no-referrer-when-downgrade send the full URL`);
    assert.equal(response.headers['x-powered-by'], undefined, `the ${label} response must not advertise X-Powered-By: do not set it`);
  }
});

/**
 * The sources that decide where scripts may come from: script-src, or default-src when the policy has
 * no script-src (a browser uses the first directive of a name). Each that lets an attacker's script in fails.
 */
function assertScriptSourcesAreStrict(label, header) {
  for (const policy of header.split(',')) {
    const directives = new Map();
    for (const directive of policy.split(';')) {
      const [name, ...sources] = directive.trim().toLowerCase().split(/\s+/).filter(Boolean);
      if (name && !directives.has(name)) directives.set(name, sources);
    }
    const name = directives.has('script-src') ? 'script-src' : 'default-src';
    for (const source of directives.get(name) ?? []) {
      const why =
        /^([a-z][a-z0-9+.-]*:\/\/)?\*(:(\d+|\*))?(\/.*)?$/.test(source) ? 'any site (a * host)'
        : source === 'data:' ? 'data: URLs, which an attacker writes inline'
        : source === 'http:' || source === 'https:' ? `any site over ${source.slice(0, -1)}`
        : source === "'unsafe-inline'" ? 'inline scripts'
        : source === "'unsafe-eval'" ? 'eval()'
        : undefined;
      assert.equal(why, undefined, `the ${label} response's Content-Security-Policy lets ${name} load scripts from ${why} ("${source}"): an injected <script src> could then run. Keep script sources to 'self' (or named hosts); no *, data:, bare http: or https:, 'unsafe-inline' or 'unsafe-eval'`);
    }
  }
}

// ---------- A10 Mishandling of Exceptional Conditions ----------

test('errors are generic for clients and detailed in the log', async () => {
  app.db.exec('DROP TABLE notes'); // force a database error
  const response = await get('/notes');
  assert.equal(response.status, 500, 'an unexpected error must produce a 500');
  for (const leak of ['no such table', 'SQLITE', 'notes', '.js:']) {
    assert.ok(!response.body.includes(leak), `the 500 page leaks "${leak}": show a generic message, never the error, its message or the stack trace`);
  }
  assert.doesNotMatch(response.body, /\bat .*:\d+:\d+/, 'the 500 page shows stack frames (at file:line:column): never send err.stack to the client');
  assert.ok(String(response.headers['content-security-policy'] ?? '').includes("default-src 'self'"), 'error responses need the security headers too');
  assert.ok(app.logged.join('\n').includes('no such table'), 'send the error details to the log: call log() with the error (its stack) as a string');
  assert.match(app.logged.join('\n'), /\bat .*:\d+:\d+/, 'the log holds the message but not where it happened: log err.stack (message plus stack frames), not only err.message');
});

test('without a logger, errors go to console.error', async () => {
  await app.close();
  app = await startApp({ withLogger: false });
  app.db.exec('DROP TABLE notes');
  const captured = [];
  const original = console.error;
  console.error = (...args) => captured.push(args.map(String).join(' '));
  let response;
  try {
    response = await get('/notes');
  } finally {
    console.error = original;
  }
  assert.equal(response.status, 500, 'an unexpected error must produce a 500 even without a logger');
  assert.ok(!response.body.includes('no such table'), 'the 500 page must stay generic without a logger too');
  assert.ok(captured.join('\n').includes('no such table'), 'when no log function is given, pass the error details to console.error() so they are not lost');
});

// ---------- A03 Software Supply Chain Failures ----------

/** True when one npm range alternative (no "||" in it) caps the versions it allows. */
function hasUpperBound(alternative) {
  if (/\s-\s/.test(alternative)) return true; // a hyphen range such as "9.0.0 - 9.9.9"
  // Space-separated comparators all apply: one that caps is enough. ^9, ~9.1, <10, <=9.9, an exact
  // 9.1.2 (or =9.1.2, v9.1.2) and an x-range with a major (9, 9.x, 9.1.*) each cap the range.
  return alternative.trim().split(/\s+/).some((part) => /^(\^|~|<|=?v?\d+(\.(\d+|[*xX]))*(-[\w.]+)?$)/.test(part));
}

test('package.json does not weaken the supply chain', () => {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  for (const section of ['dependencies', 'devDependencies', 'optionalDependencies']) {
    for (const [name, range] of Object.entries(manifest[section] ?? {})) {
      assert.doesNotMatch(String(range), /^\s*$|^\s*[*xX]\s*$|^(latest|next)$|:\/\/|^(git|github|file|link|http|https)[:+]|^[\w.-]+\/[\w.-]+$/, `package.json ${section} takes ${name} from "${range}": a wildcard, a dist-tag, a URL or a git repository can change under you. Use a bounded semver range from the registry, such as ^9.0.0, or remove the package if the app does not need it`);
      assert.doesNotMatch(String(range), /^\s*>=?[^<]*$/, `package.json ${section} gives ${name} only a lower bound ("${range}"): any future major release, or a malicious one, would be installed. Use a bounded range such as ^9.0.0`);
      for (const alternative of String(range).split('||')) {
        assert.ok(hasUpperBound(alternative), `package.json ${section} allows ${name} "${alternative.trim()}" in "${range}", which has no upper bound: every || alternative needs one (^, ~, a < limit, an exact version, 9 or 9.x, a hyphen range), so one loose alternative cannot let any future major release in`);
      }
    }
  }
  // npm install (without arguments) also runs prepare and its pre/post scripts.
  for (const hook of ['preinstall', 'install', 'postinstall', 'preprepare', 'prepare', 'postprepare']) {
    assert.equal(manifest.scripts?.[hook], undefined, `package.json has a "${hook}" script, which npm runs on every install (the starter's postinstall downloads and runs a shell script over plain HTTP): remove the install script instead of moving it`);
  }
  assert.match(String(manifest.scripts?.test ?? ''), /node .*--test/, 'keep the "test" script that runs node --test');
});
