// Read-only tests for the REST API design exercise. Run them with `npm test`.
import { test, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { createApp } from '../src/app.js';

let server;
afterEach(async () => {
  if (server?.listening) {
    server.closeAllConnections();
    await new Promise((ok) => server.close(ok));
  }
});

async function start() {
  server = createApp();
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return `http://127.0.0.1:${server.address().port}`;
}

const JSON_HEADERS = { 'content-type': 'application/json' };
const newBook = (i) => ({ title: `Book ${i}`, author: `Author ${i}` });

async function create(base, book) {
  const res = await fetch(`${base}/books`, { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify(book) });
  assert.equal(res.status, 201, 'POST /books with a valid book must answer 201 Created');
  return res.json();
}

async function seed(base, n) {
  for (let i = 1; i <= n; i++) await create(base, newBook(i));
}

function nextLink(res) {
  const match = /<([^>]+)>\s*;\s*rel="?next"?/.exec(res.headers.get('link') ?? '');
  return match ? match[1] : null;
}

test('POST /books answers 201 with Location and the new id', { timeout: 10000 }, async () => {
  const base = await start();
  const res = await fetch(`${base}/books`, { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify(newBook(1)) });
  assert.equal(res.status, 201, 'creating a book must answer 201 Created');
  const body = await res.json();
  assert.ok(body.id !== undefined, 'the 201 body must contain the new book with its "id"');
  assert.equal(res.headers.get('location'), `/books/${body.id}`, 'a 201 must carry Location: /books/<id>');
  const read = await fetch(new URL(res.headers.get('location'), base));
  assert.equal(read.status, 200, 'GET on the Location URL must find the new book');
  assert.deepEqual(await read.json(), body, 'GET /books/<id> must return the same representation as the 201');
});

test('POST /books with invalid fields answers 422 problem details', { timeout: 10000 }, async () => {
  const base = await start();
  const res = await fetch(`${base}/books`, { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify({ title: '' }) });
  assert.equal(res.status, 422, 'well-formed JSON with invalid values must answer 422 Unprocessable Content');
  assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/, 'errors must use application/problem+json');
  const body = await res.json();
  assert.equal(body.status, 422, 'the problem body must repeat the status code');
  assert.ok(Array.isArray(body.errors) && body.errors.length > 0, 'a 422 problem should list the invalid fields in "errors"');
});

test('lists return 20 items by default and clamp limit to 100', { timeout: 20000 }, async () => {
  const base = await start();
  await seed(base, 130);
  let res = await fetch(`${base}/books`);
  assert.equal(res.status, 200, 'GET /books must answer 200');
  assert.equal((await res.json()).items?.length, 20, 'without ?limit the list must return 20 items in "items"');
  res = await fetch(`${base}/books?limit=1000`);
  assert.equal((await res.json()).items.length, 100, '?limit=1000 must be clamped to the server maximum of 100');
});

test('cursor pagination visits every item exactly once, even with inserts mid-walk', { timeout: 20000 }, async () => {
  const base = await start();
  await seed(base, 45);
  const seen = [];
  let url = `${base}/books?limit=20`;
  let pages = 0;
  while (url) {
    const res = await fetch(url);
    assert.equal(res.status, 200, `following the next link must answer 200 (${url})`);
    const { items } = await res.json();
    seen.push(...items.map((b) => b.title));
    const link = nextLink(res);
    if (pages === 0) {
      assert.ok(link, 'a page with more items after it must send Link: <...>; rel="next"');
      await create(base, { title: 'Inserted mid-walk', author: 'Late' });
    }
    url = link ? new URL(link, base).href : null;
    pages += 1;
    assert.ok(pages < 10, 'pagination must end: the last page must not send rel="next"');
  }
  for (let i = 1; i <= 45; i++) {
    assert.equal(seen.filter((t) => t === `Book ${i}`).length, 1, `"Book ${i}" must be visited exactly once`);
  }
  assert.equal(new Set(seen).size, seen.length, 'no item may appear twice while walking the cursors');
});

test('unknown ids answer 404 as problem details', { timeout: 10000 }, async () => {
  const base = await start();
  const res = await fetch(`${base}/books/does-not-exist`);
  assert.equal(res.status, 404, 'an unknown id must answer 404');
  assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/, 'the 404 must use application/problem+json');
  assert.equal((await res.json()).status, 404, 'the problem body must contain "status": 404');
});

test('DELETE answers 204 without content, then 404', { timeout: 10000 }, async () => {
  const base = await start();
  const { id } = await create(base, newBook(1));
  let res = await fetch(`${base}/books/${id}`, { method: 'DELETE' });
  assert.equal(res.status, 204, 'a successful DELETE must answer 204 No Content');
  assert.equal(await res.text(), '', 'a 204 response must have an empty body');
  res = await fetch(`${base}/books/${id}`, { method: 'DELETE' });
  await res.arrayBuffer();
  assert.equal(res.status, 404, 'deleting the same book again must answer 404');
});

test('two identical PUTs leave identical state (idempotency)', { timeout: 10000 }, async () => {
  const base = await start();
  const { id } = await create(base, newBook(1));
  const put = () => fetch(`${base}/books/${id}`, {
    method: 'PUT', headers: JSON_HEADERS, body: JSON.stringify({ title: 'Dune', author: 'Frank Herbert' }),
  });
  const first = await put();
  assert.equal(first.status, 200, 'PUT on an existing book must answer 200 with the new representation');
  await first.arrayBuffer();
  const afterFirst = await fetch(`${base}/books/${id}`);
  const stateA = await afterFirst.json();
  await (await put()).arrayBuffer();
  const afterSecond = await fetch(`${base}/books/${id}`);
  assert.deepEqual(await afterSecond.json(), stateA, 'repeating the same PUT must not change the state');
  assert.equal(afterSecond.headers.get('etag'), afterFirst.headers.get('etag'),
    'the same representation must keep the same ETag');
  assert.equal(stateA.title, 'Dune', 'PUT must replace the stored fields');
});

test('PUT with a stale If-Match answers 412 and keeps the data', { timeout: 10000 }, async () => {
  const base = await start();
  const { id } = await create(base, newBook(1));
  const read = await fetch(`${base}/books/${id}`);
  const etag = read.headers.get('etag');
  await read.arrayBuffer();
  assert.ok(etag, 'GET /books/<id> must send an ETag header');
  const edit = (title, ifMatch) => fetch(`${base}/books/${id}`, {
    method: 'PUT', headers: { ...JSON_HEADERS, 'if-match': ifMatch }, body: JSON.stringify({ title, author: 'A' }),
  });
  const ok = await edit('First editor wins', etag);
  await ok.arrayBuffer();
  assert.equal(ok.status, 200, 'a PUT whose If-Match equals the current ETag must succeed');
  const stale = await edit('Second editor overwrites?', etag);
  await stale.arrayBuffer();
  assert.equal(stale.status, 412, 'a PUT with an If-Match that no longer matches must answer 412 Precondition Failed');
  const now = await (await fetch(`${base}/books/${id}`)).json();
  assert.equal(now.title, 'First editor wins', 'a rejected (412) PUT must not change the stored book');
});

test('unsupported methods answer 405 with Allow', { timeout: 10000 }, async () => {
  const base = await start();
  const res = await fetch(`${base}/books`, { method: 'PATCH', headers: JSON_HEADERS, body: '{}' });
  await res.arrayBuffer();
  assert.equal(res.status, 405, 'PATCH /books must answer 405 Method Not Allowed');
  const allow = (res.headers.get('allow') ?? '').split(',').map((m) => m.trim().toUpperCase());
  assert.ok(allow.includes('GET') && allow.includes('POST'), '405 on /books must send Allow: GET, POST');
});

async function walk(base, limit, onPage = async () => {}) {
  const seen = [];
  let url = `${base}/books?limit=${limit}`;
  for (let page = 0; url; page += 1) {
    assert.ok(page < 50, 'pagination must end: the last page must not send rel="next"');
    const res = await fetch(url);
    assert.equal(res.status, 200, `following the next link must answer 200 (${url})`);
    const { items } = await res.json();
    seen.push(...items);
    const link = nextLink(res);
    await onPage(page, items, link);
    url = link ? new URL(link, base).href : null;
  }
  return seen;
}

test('cursors are keysets, not offsets: deleting a seen item mid-walk skips nothing', { timeout: 20000 }, async () => {
  const base = await start();
  await seed(base, 30);
  const deleted = [];
  const seen = await walk(base, 10, async (page, items) => {
    if (page === 0 || page === 1) { // delete two items the client has already seen
      const victim = items[3].id;
      const res = await fetch(`${base}/books/${victim}`, { method: 'DELETE' });
      await res.arrayBuffer();
      assert.equal(res.status, 204, 'DELETE of an existing book must answer 204');
      deleted.push(victim);
    }
  });
  const ids = seen.map((b) => b.id);
  const all = await walk(base, 100);
  for (const book of all) {
    assert.ok(ids.includes(book.id),
      `"${book.title}" was skipped after earlier items were deleted: the cursor must remember the last id seen `
      + '(WHERE id > last) instead of an offset into the list');
  }
  assert.equal(new Set(ids).size, ids.length, 'no item may appear twice while walking the cursors');
  assert.equal(all.length, 30 - deleted.length, 'the list must no longer contain deleted books');
});

test('the next link keeps the requested limit and stops exactly at the end', { timeout: 20000 }, async () => {
  const base = await start();
  await seed(base, 21); // 3 full pages of 7: the last full page must not link to an empty page
  const sizes = [];
  const seen = await walk(base, 7, async (page, items, link) => {
    sizes.push(items.length);
    if (link) {
      assert.match(link, /[?&]limit=7(&|$)/, 'the next link must keep the client\'s limit (limit=7), not the default');
    }
  });
  assert.deepEqual(sizes, [7, 7, 7],
    'with 21 books and limit=7 the walk must be exactly three pages: send rel="next" only when another item exists, '
    + 'for example by fetching limit + 1 rows');
  assert.deepEqual(seen.map((b) => b.id), [...seen.map((b) => b.id)].sort((a, b) => a - b), 'pages must be in id order');
});

test('invalid cursors and limits answer 400 problem details', { timeout: 10000 }, async () => {
  const base = await start();
  await seed(base, 5);
  const bad = [
    'cursor=not-a-cursor!!',
    `cursor=${Buffer.from('{"after":"1 OR 1=1"}').toString('base64url')}`,
    `cursor=${Buffer.from('[]').toString('base64url')}`,
    'cursor=',
    'limit=0',
    'limit=-5',
    'limit=ten',
    'limit=2.5',
  ];
  for (const query of bad) {
    const res = await fetch(`${base}/books?${query}`);
    const body = await res.text();
    assert.equal(res.status, 400,
      `GET /books?${query} must answer 400 Bad Request: a cursor the server did not issue or a limit that is not `
      + 'a positive integer is a client error, never "start from the beginning"');
    assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/, `the 400 for ?${query} must be problem+json`);
    assert.equal(JSON.parse(body).status, 400, `the problem body for ?${query} must contain "status": 400`);
  }
});

test('clients cannot choose ids, and unknown items and methods get precise answers', { timeout: 10000 }, async () => {
  const base = await start();
  const created = await create(base, { id: 777, title: 'Mine', author: 'Me', admin: true });
  assert.notEqual(created.id, 777, 'the server assigns ids: ignore an "id" in the POST body');
  assert.equal(created.admin, undefined, 'accept only title and author: unknown fields must not be stored');
  let res = await fetch(`${base}/books/777`);
  await res.arrayBuffer();
  assert.equal(res.status, 404, 'no book may exist under an id the client chose');

  res = await fetch(`${base}/books/${created.id}`, {
    method: 'PUT', headers: JSON_HEADERS, body: JSON.stringify({ id: 5, title: 'Renamed', author: 'Me' }),
  });
  assert.equal(res.status, 200, 'PUT with valid fields must answer 200');
  assert.equal((await res.json()).id, created.id, 'PUT must keep the id from the URL, whatever the body says');

  res = await fetch(`${base}/books/${created.id}`, { method: 'POST', headers: JSON_HEADERS, body: '{}' });
  await res.arrayBuffer();
  assert.equal(res.status, 405, 'POST /books/<id> must answer 405 Method Not Allowed');
  const allow = (res.headers.get('allow') ?? '').split(',').map((m) => m.trim().toUpperCase());
  assert.ok(['GET', 'PUT', 'DELETE'].every((m) => allow.includes(m)), '405 on /books/<id> must send Allow: GET, PUT, DELETE (HEAD too)');

  for (const invalid of [{ title: 'x'.repeat(201), author: 'A' }, { title: 'T', author: 42 }, { title: 'T' }]) {
    res = await fetch(`${base}/books`, { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify(invalid) });
    const problem = await res.json();
    assert.equal(res.status, 422, `POST ${JSON.stringify(invalid).slice(0, 40)}... must answer 422: title and author are strings of 1 to 200 characters`);
    assert.ok(Array.isArray(problem.errors) && problem.errors.length === 1, 'the 422 "errors" array must name exactly the one invalid field');
  }
});

test('If-Match uses strong comparison and guards DELETE too', { timeout: 10000 }, async () => {
  const base = await start();
  const { id } = await create(base, newBook(1));
  const read = await fetch(`${base}/books/${id}`);
  const etag = read.headers.get('etag');
  await read.arrayBuffer();

  let res = await fetch(`${base}/books/${id}`, {
    method: 'PUT', headers: { ...JSON_HEADERS, 'if-match': `W/${etag}` }, body: JSON.stringify({ title: 'Weak', author: 'A' }),
  });
  await res.arrayBuffer();
  assert.equal(res.status, 412, 'If-Match compares strongly (RFC 9110 §13.1.1): a weak W/"..." tag never matches, answer 412');

  res = await fetch(`${base}/books/${id}`, {
    method: 'PUT', headers: { ...JSON_HEADERS, 'if-match': `"other", ${etag}` }, body: JSON.stringify({ title: 'Listed', author: 'A' }),
  });
  await res.arrayBuffer();
  assert.equal(res.status, 200, 'If-Match may list several tags: succeed when one of them is the current ETag');

  res = await fetch(`${base}/books/${id}`, { method: 'DELETE', headers: { 'if-match': etag } });
  await res.arrayBuffer();
  assert.equal(res.status, 412, 'a DELETE whose If-Match is stale (the book changed) must answer 412, not delete');
  res = await fetch(`${base}/books/${id}`);
  assert.equal(res.status, 200, 'a rejected (412) DELETE must leave the book in place');
  const current = res.headers.get('etag');
  assert.notEqual(current, etag, 'a changed representation must get a new ETag');
  await res.arrayBuffer();
  res = await fetch(`${base}/books/${id}`, { method: 'DELETE', headers: { 'if-match': current } });
  await res.arrayBuffer();
  assert.equal(res.status, 204, 'a DELETE with the current ETag in If-Match must succeed with 204');
});

test('every error is RFC 9457 problem details with the matching status', { timeout: 10000 }, async () => {
  const base = await start();
  const { id } = await create(base, newBook(1));
  const read = await fetch(`${base}/books/${id}`);
  const etag = read.headers.get('etag');
  await read.arrayBuffer();
  const cases = [
    ['GET /books/999', 404, `${base}/books/999`, {}],
    ['PATCH /books', 405, `${base}/books`, { method: 'PATCH', headers: JSON_HEADERS, body: '{}' }],
    [`POST /books/${id}`, 405, `${base}/books/${id}`, { method: 'POST', headers: JSON_HEADERS, body: '{}' }],
    ['POST /books with Content-Type text/plain', 415, `${base}/books`,
      { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify(newBook(2)) }],
    ['POST /books with malformed JSON', 400, `${base}/books`, { method: 'POST', headers: JSON_HEADERS, body: '{"title": "Dune",' }],
    ['PUT with a stale If-Match', 412, `${base}/books/${id}`,
      { method: 'PUT', headers: { ...JSON_HEADERS, 'if-match': '"stale"' }, body: JSON.stringify(newBook(3)) }],
  ];
  for (const [what, status, url, init] of cases) {
    const res = await fetch(url, init);
    const text = await res.text();
    assert.equal(res.status, status, `${what} must answer ${status}`
      + (status === 415 ? ': only application/json bodies are accepted (use readJson)' : '')
      + (status === 400 ? ': a body that is not valid JSON is a 400 Bad Request, invalid values in valid JSON are 422' : ''));
    assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/i,
      `${what}: every error must use Content-Type: application/problem+json (sendProblem), not an empty or plain-text body`);
    let problem;
    try { problem = JSON.parse(text); } catch { problem = null; }
    assert.ok(problem && problem.status === status && typeof problem.title === 'string',
      `${what}: the problem body must be JSON with "title" and "status": ${status} (RFC 9457)`);
  }
  const mixedCase = await fetch(`${base}/books`, {
    method: 'POST', headers: { 'content-type': 'Application/JSON; charset=utf-8' }, body: JSON.stringify(newBook(4)),
  });
  await mixedCase.arrayBuffer();
  assert.equal(mixedCase.status, 201, 'media types are case-insensitive: Application/JSON; charset=utf-8 is JSON, answer 201');
  const unchanged = await fetch(`${base}/books/${id}`);
  assert.equal(unchanged.headers.get('etag'), etag, 'a request answered with an error must not change the book');
  await unchanged.arrayBuffer();
});

test('ETags are strong and change whenever any field changes', { timeout: 10000 }, async () => {
  const base = await start();
  const { id } = await create(base, newBook(1));
  const read = await fetch(`${base}/books/${id}`);
  const etag = read.headers.get('etag') ?? '';
  await read.arrayBuffer();
  assert.match(etag, /^"[^"]*"$/,
    `GET /books/<id> sent ETag ${etag}: send a strong tag ("..."), because If-Match compares strongly and a weak W/ tag could never match`);

  let res = await fetch(`${base}/books/${id}`, {
    method: 'PUT', headers: { ...JSON_HEADERS, 'if-match': etag }, body: JSON.stringify({ title: 'Book 1', author: 'Someone Else' }),
  });
  await res.arrayBuffer();
  assert.equal(res.status, 200, 'a PUT with the current ETag must succeed');
  assert.notEqual(res.headers.get('etag') ?? etag, etag,
    'changing only the author kept the same ETag: compute the tag from the whole representation (every field)');
  res = await fetch(`${base}/books/${id}`, {
    method: 'PUT', headers: { ...JSON_HEADERS, 'if-match': etag }, body: JSON.stringify({ title: 'Book 1', author: 'Lost update' }),
  });
  await res.arrayBuffer();
  assert.equal(res.status, 412, 'the author changed, so the old ETag is stale: If-Match with it must answer 412');
});

test('pages stay in id order after books are replaced', { timeout: 20000 }, async () => {
  const base = await start();
  await seed(base, 12);
  for (const id of [2, 5]) { // replace two early books: they keep their ids and their place
    const res = await fetch(`${base}/books/${id}`, {
      method: 'PUT', headers: JSON_HEADERS, body: JSON.stringify({ title: `Edited ${id}`, author: 'E' }),
    });
    await res.arrayBuffer();
    assert.equal(res.status, 200, `PUT /books/${id} must answer 200`);
  }
  const ids = (await walk(base, 4)).map((b) => b.id);
  assert.deepEqual(ids, Array.from({ length: 12 }, (_, i) => i + 1),
    'after PUT on books 2 and 5 the walk returned ids ' + JSON.stringify(ids) + ': keep the list in id order '
    + '(sort by id, or replace in place) so "every id after the cursor" never skips a replaced book');
});

test('author follows the same rules as title', { timeout: 10000 }, async () => {
  const base = await start();
  const cases = [
    [{ title: 'T', author: 'a'.repeat(201) }, ['/author']],
    [{ title: 'T', author: '' }, ['/author']],
    [{ title: 'T', author: ' \t ' }, ['/author']],
    [{ title: 'T', author: ['A'] }, ['/author']],
    [{ title: 'T', author: null }, ['/author']],
    [{ title: ' ', author: 'b'.repeat(250) }, ['/author', '/title']],
  ];
  for (const [invalid, pointers] of cases) {
    const res = await fetch(`${base}/books`, { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify(invalid) });
    const problem = await res.json();
    assert.equal(res.status, 422, `POST ${JSON.stringify(invalid).slice(0, 60)} must answer 422: author, like title, is a non-empty string of at most 200 characters`);
    assert.deepEqual((problem.errors ?? []).map((e) => e.pointer).sort(), pointers, `POST ${JSON.stringify(invalid).slice(0, 60)}: the "errors" array must point at ${pointers.join(' and ')}`);
  }
  const longest = await create(base, { title: 't'.repeat(200), author: 'a'.repeat(200) });
  assert.equal(longest.author.length, 200, 'an author of exactly 200 characters is valid');
  const list = await (await fetch(`${base}/books`)).json();
  assert.deepEqual(list.items.map((b) => b.id), [longest.id], 'no invalid book may have been stored');
});

test('PUT replaces the whole book and validates it like POST', { timeout: 10000 }, async () => {
  const base = await start();
  const book = await create(base, { title: 'Original title', author: 'Original author' });
  const url = `${base}/books/${book.id}`;
  const read = async () => {
    const res = await fetch(url);
    return { etag: res.headers.get('etag'), body: await res.json() };
  };
  const before = await read();
  const invalid = [
    { title: 'Only a title' }, // PUT is a full replacement: a missing field is not "keep the old one"
    { author: 'Only an author' },
    {},
    { title: 'T', author: 'a'.repeat(201) },
    { title: '', author: 'A' },
    { title: 42, author: 'A' },
  ];
  for (const body of invalid) {
    const res = await fetch(url, { method: 'PUT', headers: JSON_HEADERS, body: JSON.stringify(body) });
    const problem = await res.json();
    assert.equal(res.status, 422, `PUT ${JSON.stringify(body).slice(0, 60)} must answer 422: a PUT sends the whole book, so it is validated exactly like POST (a missing field is invalid, not kept from the old book)`);
    assert.ok(Array.isArray(problem.errors) && problem.errors.length > 0, 'a 422 for PUT must list the invalid fields in "errors"');
    assert.deepEqual(await read(), before, `a rejected PUT ${JSON.stringify(body).slice(0, 60)} must leave the book and its ETag unchanged`);
  }
  const res = await fetch(url, { method: 'PUT', headers: JSON_HEADERS, body: JSON.stringify({ title: 'New title', author: 'New author', extra: true }) });
  assert.equal(res.status, 200, 'a valid PUT must answer 200');
  assert.deepEqual((await read()).body, { id: book.id, title: 'New title', author: 'New author' }, 'a valid PUT replaces title and author, keeps the id and stores nothing else');
});
