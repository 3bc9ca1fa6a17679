import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createApp, ifNoneMatchMatches } from '../src/app.js';
import { createProductRepository } from '../src/products.js';

const SEED = {
  1: { name: { en: 'Kettle', fr: 'Bouilloire' }, priceCents: 2999 },
  2: { name: { en: 'Teapot', fr: 'Théière' }, priceCents: 1999 },
};

/** Start a fresh app on a free port, run fn(ctx), always close the server. */
async function withApp(fn, { ttlMs = 60_000, wrap = (repo) => repo } = {}) {
  let t = 1_000_000;
  const clock = { now: () => t, advance: (ms) => { t += ms; } };
  const products = createProductRepository(SEED);
  const server = createApp({ products: wrap(products), now: clock.now, ttlMs });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${server.address().port}`;
  const request = (path, init) => fetch(base + path, init);
  try {
    await fn({ request, products, clock, ttlMs });
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

test('GET /products/:id sends JSON, an ETag and Cache-Control: public, max-age=60', () => withApp(async ({ request }) => {
  const res = await request('/products/1');
  assert.equal(res.status, 200, 'GET /products/1 must return 200');
  assert.deepEqual(await res.json(), { id: '1', name: 'Kettle', priceCents: 2999 }, 'the body must be the product in English by default');
  assert.match(res.headers.get('etag') ?? '', /^"[^"]+"$/, 'send a strong ETag: a quoted hash of the body (use etagFor)');
  assert.equal(res.headers.get('cache-control'), 'public, max-age=60', 'product pages may be cached by shared caches for 60 s');
}));

test('a matching If-None-Match gets 304 with an empty body and the same ETag', () => withApp(async ({ request }) => {
  const first = await request('/products/1');
  const etag = first.headers.get('etag');
  await first.arrayBuffer();

  const res = await request('/products/1', { headers: { 'If-None-Match': etag } });
  assert.equal(res.status, 304, 'when If-None-Match contains the current ETag, answer 304 Not Modified');
  assert.equal(await res.text(), '', 'a 304 has no body');
  assert.equal(res.headers.get('etag'), etag, 'a 304 must repeat the ETag');
  assert.equal(res.headers.get('cache-control'), 'public, max-age=60', 'a 304 must repeat Cache-Control so caches can refresh their copy');

  const weak = await request('/products/1', { headers: { 'If-None-Match': `"other", W/${etag}` } });
  assert.equal(weak.status, 304, 'If-None-Match is a list and uses weak comparison: W/"x" matches "x"');

  assert.match(res.headers.get('vary') ?? '', /accept-language/i, 'a 304 must repeat Vary: Accept-Language, like the 200 it stands for');

  const any = await request('/products/1', { headers: { 'If-None-Match': '*' } });
  assert.equal(any.status, 304, 'If-None-Match: * matches any current representation: answer 304');

  const stale = await request('/products/1', { headers: { 'If-None-Match': '"not-the-current-etag"' } });
  assert.equal(stale.status, 200, 'an If-None-Match that does not match must get the full 200 response');
}));

test('ifNoneMatchMatches() compares whole entity tags from a list', () => {
  const tag = `"${Math.random().toString(36).slice(2, 12)}"`;
  assert.equal(ifNoneMatchMatches(tag, tag), true, 'an identical tag matches');
  assert.equal(ifNoneMatchMatches(` "a" ,W/${tag} , "b"`, tag), true, 'split the list on commas, trim spaces, and compare weakly (W/ ignored)');
  assert.equal(ifNoneMatchMatches(`W/${tag}`, `W/${tag}`), true, 'two weak tags match under weak comparison');
  assert.equal(ifNoneMatchMatches('"a", "b"', tag), false, 'a list without the current tag does not match');
  assert.equal(ifNoneMatchMatches(`"x${tag.slice(1)}`, tag), false, 'compare whole tags, not substrings');
  assert.equal(ifNoneMatchMatches(undefined, tag), false, 'no If-None-Match header: no match');
});

test('repeated GETs are served from the application cache (cache-aside)', () => withApp(async ({ request, products, clock, ttlMs }) => {
  await (await request('/products/1')).arrayBuffer();
  await (await request('/products/1')).arrayBuffer();
  assert.equal(products.loads, 1, 'the second GET must be a cache hit: load through cached() with a TTL');

  clock.advance(ttlMs - 1);
  await (await request('/products/1')).arrayBuffer();
  assert.equal(products.loads, 1, `with createApp({ ttlMs: ${ttlMs} }) the product must stay cached for ${ttlMs} ms: use the ttlMs option, not a fixed number`);
  clock.advance(1);
  await (await request('/products/1')).arrayBuffer();
  assert.equal(products.loads, 2, `after ttlMs (${ttlMs} ms) the product must be loaded again: use the ttlMs option, not a fixed number`);
}, { ttlMs: 10_000 + Math.floor(Math.random() * 40) * 1000 }));

test('an unknown product is cached briefly, and creating it with PUT clears that', () => withApp(async ({ request, products, clock }) => {
  for (let i = 0; i < 2; i++) {
    const res = await request('/products/77');
    assert.equal(res.status, 404, 'a product that does not exist must give 404');
    await res.arrayBuffer();
  }
  assert.equal(products.loads, 1, 'cache "not found" too (negative caching), or every request for a missing id reaches the database');
  clock.advance(5_000);
  await (await request('/products/77')).arrayBuffer();
  assert.equal(products.loads, 2, 'a missing product is cached only for NOT_FOUND_TTL_MS (5 s): pass cached() a TTL function that is short for null');

  const put = await request('/products/77', {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: { en: 'Mug', fr: 'Tasse' }, priceCents: 899 }),
  });
  assert.equal(put.status, 204, 'a successful PUT must answer 204 No Content');
  const created = await request('/products/77', { headers: { 'Accept-Language': 'fr' } });
  assert.equal(created.status, 200, 'after PUT creates the product, GET must find it: delete the cached "not found" entries too');
  assert.equal((await created.json()).name, 'Tasse', 'after PUT, GET must return the new product');
}));

test('PUT invalidates the cached product, so GET returns new data and a new ETag', () => withApp(async ({ request }) => {
  const before = await request('/products/1');
  const oldEtag = before.headers.get('etag');
  await before.arrayBuffer();
  await (await request('/products/1', { headers: { 'Accept-Language': 'fr' } })).arrayBuffer(); // both variants cached

  const put = await request('/products/1', {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: { en: 'Steel kettle', fr: 'Bouilloire en acier' }, priceCents: 3499 }),
  });
  assert.equal(put.status, 204, 'a successful PUT must answer 204 No Content');

  const after = await request('/products/1');
  assert.deepEqual(await after.json(), { id: '1', name: 'Steel kettle', priceCents: 3499 }, 'after PUT, GET must return the new data: delete the cached entries on write');
  assert.notEqual(after.headers.get('etag'), oldEtag, 'new content must have a new ETag');

  const fr = await request('/products/1', { headers: { 'Accept-Language': 'fr' } });
  assert.equal((await fr.json()).name, 'Bouilloire en acier', 'invalidate every language variant of the product (every key the product is cached under), not only the writer\'s language');
}));

test('the cache key uses the chosen language, not the raw Accept-Language header', () => withApp(async ({ request, products }) => {
  // Four ways to ask for French: one variant, so one load, and one entry for PUT to delete.
  const spellings = ['fr', 'fr-CH, fr;q=0.9, en;q=0.5', 'FR', 'fr-FR,fr;q=0.8'];
  const loadsBefore = products.loads;
  for (const language of spellings) {
    const res = await request('/products/2', { headers: { 'Accept-Language': language } });
    assert.equal((await res.json()).name, 'Théière', `Accept-Language: ${language} must get the French name`);
  }
  assert.equal(products.loads - loadsBefore, 1, `four requests that all negotiate French loaded product 2 ${products.loads - loadsBefore} times: build the key from the language pickLanguage() chose (product:<id>:<lang>), not from the raw header, or every spelling is a separate, never-invalidated entry`);
  const put = await request('/products/2', {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: { en: 'Big teapot', fr: 'Grande théière' }, priceCents: 2599 }),
  });
  assert.equal(put.status, 204, 'a successful PUT must answer 204 No Content');
  for (const language of spellings) {
    const res = await request('/products/2', { headers: { 'Accept-Language': language } });
    assert.equal((await res.json()).name, 'Grande théière', `after PUT, Accept-Language: ${language} still got the old name: key the cache by the chosen language so that deleting product:<id>:<lang> for every language removes every variant`);
  }
}));

test('a response that varies by Accept-Language says so with Vary', () => withApp(async ({ request }) => {
  const en = await request('/products/2', { headers: { 'Accept-Language': 'en-GB,en;q=0.9' } });
  const fr = await request('/products/2', { headers: { 'Accept-Language': 'fr-CH, fr;q=0.9, en;q=0.5' } });

  assert.equal((await en.json()).name, 'Teapot', 'English request must get the English name');
  assert.equal((await fr.json()).name, 'Théière', 'French request must get the French name');
  assert.match(fr.headers.get('vary') ?? '', /accept-language/i, 'send Vary: Accept-Language, or a shared cache will serve French to English users');
  assert.equal(fr.headers.get('content-language'), 'fr', 'say which language was chosen with Content-Language');
  assert.notEqual(en.headers.get('etag'), fr.headers.get('etag'), 'each language variant has its own ETag: the cache key must include the language');
}));

test('unknown products get 404, even with If-None-Match: *', () => withApp(async ({ request }) => {
  const res = await request('/products/999');
  assert.equal(res.status, 404, 'a product that does not exist must give 404');
  await res.arrayBuffer();
  const star = await request('/products/998', { headers: { 'If-None-Match': '*' } });
  await star.arrayBuffer();
  assert.equal(star.status, 404, 'If-None-Match: * matches only when a current representation exists (RFC 9110 §13.1.2): a missing product is 404, never 304; check for "not found" before the validators');
}));

test('a PUT evicts only that product, and a name-only change gets a new ETag', () => withApp(async ({ request, products }) => {
  await (await request('/products/2')).arrayBuffer();
  const before = await request('/products/1');
  const oldEtag = before.headers.get('etag');
  await before.arrayBuffer();
  const loads = products.loads;

  const put = await request('/products/1', {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: { en: 'Kettle II', fr: 'Bouilloire II' }, priceCents: 2999 }),
  });
  assert.equal(put.status, 204, 'a successful PUT must answer 204 No Content');
  await (await request('/products/2')).arrayBuffer();
  assert.equal(products.loads, loads, 'PUT /products/1 must not evict /products/2: delete the keys of the changed product, not the whole cache');

  const after = await request('/products/1', { headers: { 'If-None-Match': oldEtag } });
  assert.equal(after.status, 200, 'the old ETag no longer matches after the name changed: the ETag must be a hash of the bytes sent (etagFor(body)), not of the id, language or price');
  assert.equal((await after.json()).name, 'Kettle II', 'after PUT, GET must return the new name');
  assert.notEqual(after.headers.get('etag'), oldEtag, 'new bytes need a new ETag, even when the price did not change');
}));

test('PUT invalidates after the write: a read during a slow save does not re-cache old data', () => {
  let release; // set while save() is waiting: the test lets it finish after its read
  const wrap = (repo) => ({
    get loads() { return repo.loads; },
    find: (id) => repo.find(id),
    async save(id, product) {
      await new Promise((resolve) => { release = resolve; setTimeout(resolve, 5000); });
      return repo.save(id, product);
    },
  });
  return withApp(async ({ request }) => {
    await (await request('/products/1')).arrayBuffer(); // cached
    const put = request('/products/1', {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: { en: 'Copper kettle', fr: 'Bouilloire en cuivre' }, priceCents: 4100 }),
    });
    const started = Date.now();
    while (!release && Date.now() - started < 5000) await new Promise((resolve) => setTimeout(resolve, 5));
    assert.ok(release, 'PUT /products/:id never called products.save(): parse the body and save it');
    const during = await request('/products/1');
    await during.arrayBuffer(); // the row is not written yet: old data is fine here
    release();
    assert.equal((await put).status, 204, 'a successful PUT must answer 204 No Content');
    const after = await request('/products/1');
    assert.equal((await after.json()).name, 'Copper kettle', 'a GET during the save loaded the old row and cached it again: delete the cached variants AFTER products.save() has finished, not before');
  }, { wrap });
});

test('GET /me is personal and must never be stored by a shared cache', () => withApp(async ({ request }) => {
  const res = await request('/me');
  assert.equal(res.status, 200, 'GET /me must return 200');
  await res.arrayBuffer();
  const cc = (res.headers.get('cache-control') ?? '').toLowerCase();
  assert.ok(!cc.includes('public'), '/me must never carry "public"');
  assert.ok(cc.includes('private'), '/me must say "private" so shared caches never keep it');
  assert.ok(cc.includes('no-store'), '/me must say "no-store" so no cache stores personal data');
}));
