import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Router } from '../src/http/router.js';

const list = () => 'list';
const create = () => 'create';
const show = () => 'show';
const router = new Router().get('/notes', list).post('/notes', create).get('/notes/:id', show);

test('matches method and path', () => {
  assert.equal(router.match('POST', '/notes').handler, create);
  assert.equal(router.match('GET', '/notes').handler, list);
});

test('passes decoded parameters', () => {
  const match = router.match('GET', '/notes/a%20b');
  assert.equal(match.handler, show);
  assert.deepEqual(match.params, { id: 'a b' });
});

test('unknown paths do not match (404)', () => {
  assert.equal(router.match('GET', '/nope'), null);
  assert.equal(router.match('GET', '/notes/1/extra'), null);
  assert.equal(router.match('GET', '/notes/'), null, 'a parameter needs a non-empty segment');
  assert.equal(router.match('GET', '/notes/%E0%A4%A'), null, 'malformed escapes do not match');
});

test('a known path with another method lists the allowed ones (405)', () => {
  assert.deepEqual(router.match('DELETE', '/notes'), { allowed: ['GET', 'HEAD', 'POST'] });
});

test('HEAD is served by the GET handler', () => {
  assert.equal(router.match('HEAD', '/notes/7').handler, show);
});
