import { test } from 'node:test';
import assert from 'node:assert/strict';
import { matchRoute, createMetrics } from '../src/metrics.js';
import { createLogger } from '../src/logger.js';
import { createApp } from '../src/app.js';
import { memoryStream, listen, get } from './helpers.js';

const ROUTES = ['/health', '/users/:id'];

test('matchRoute() returns the template, never the raw path', () => {
  assert.equal(matchRoute('/users/42', ROUTES), '/users/:id', '/users/42 must match the template /users/:id');
  assert.equal(matchRoute('/health', ROUTES), '/health', 'static routes match themselves');
  assert.equal(matchRoute('/users/', ROUTES), 'unmatched', 'a :param must match a non-empty segment');
  assert.equal(matchRoute('/users/1/orders', ROUTES), 'unmatched', 'the number of segments must match');
  assert.equal(matchRoute('/wp-login.php', ROUTES), 'unmatched', 'unknown paths get the constant "unmatched" to keep cardinality bounded');
});

test('matchRoute() works for any templates, not just the app\'s two', () => {
  const templates = ['/orders/:orderId/items/:itemId', '/orders/:orderId', '/reports/daily'];
  const id = `ord-${Math.random().toString(36).slice(2, 8)}`;
  assert.equal(matchRoute(`/orders/${id}/items/7`, templates), '/orders/:orderId/items/:itemId', 'each :name segment matches one segment of any value (letters too), for every template you are given');
  assert.equal(matchRoute(`/orders/${id}`, templates), '/orders/:orderId', 'choose the template with the same number of segments');
  assert.equal(matchRoute('/reports/daily', templates), '/reports/daily', 'static templates match exactly');
  assert.equal(matchRoute('/reports/weekly', templates), 'unmatched', 'a static segment must be equal, not just present');
  assert.equal(matchRoute(`/orders/${id}/items/7`, ['/health']), 'unmatched', 'only the given templates count');
});

test('counters are keyed by name and labels, in any label order', () => {
  const metrics = createMetrics();
  metrics.increment('jobs_total', { queue: 'mail', outcome: 'ok' });
  metrics.increment('jobs_total', { outcome: 'ok', queue: 'mail' }, 2);
  metrics.increment('jobs_total', { queue: 'mail', outcome: 'failed' });
  assert.equal(metrics.value('jobs_total', { queue: 'mail', outcome: 'ok' }), 3, 'label order must not create a new series');
  assert.equal(metrics.value('jobs_total', { queue: 'mail', outcome: 'failed' }), 1, 'different label values are different series');
  assert.equal(metrics.value('jobs_total', { queue: 'pdf', outcome: 'ok' }), 0, 'an unknown series has the value 0');
  assert.equal(metrics.series('jobs_total').length, 2, 'series(name) lists one entry per label combination');

  metrics.increment('moves_total', { from: 'a', to: 'b' });
  assert.equal(metrics.value('moves_total', { from: 'b', to: 'a' }), 0, 'labels {from: a, to: b} and {from: b, to: a} are different series: key on label names AND values, not on the values alone');
  // Label values may hold any text, separators included: two label sets must never share a key.
  metrics.increment('hits_total', { a: 'x,b=y' });
  metrics.increment('hits_total', { a: 'x', b: 'y' }, 5);
  metrics.increment('hits_total', { 'a|b': 'c' }, 7);
  metrics.increment('hits_total', { a: 'b|c' }, 11);
  assert.deepEqual([metrics.value('hits_total', { a: 'x,b=y' }), metrics.value('hits_total', { a: 'x', b: 'y' }), metrics.value('hits_total', { 'a|b': 'c' }), metrics.value('hits_total', { a: 'b|c' })], [1, 5, 7, 11],
    'label values that contain your separators merged two series: build the key so it cannot collide (JSON.stringify([name, sortedPairs]), or escape the separators)');
  const labels = { queue: 'mail' };
  metrics.increment('sent_total', labels);
  labels.queue = 'pdf';
  assert.deepEqual(metrics.series('sent_total').map((s) => s.labels), [{ queue: 'mail' }], 'store a copy of the labels: the caller may reuse and change its object');
});

test('/users/1 and /users/2 increment the same route="/users/:id" series', async () => {
  const metrics = createMetrics();
  const server = createApp({ logger: createLogger({ stream: memoryStream() }), metrics });
  const port = await listen(server);
  try {
    await get(port, '/users/1');
    await get(port, '/users/2');
    await get(port, '/nope/123');
  } finally {
    server.closeAllConnections();
    server.close();
  }
  const labels = { method: 'GET', route: '/users/:id', status: '200' };
  assert.equal(metrics.value('http_requests_total', labels), 2, 'both requests must count in the /users/:id series');
  const routes = metrics.series('http_requests_total').map((s) => s.labels.route);
  assert.ok(!routes.some((r) => /\d/.test(r)), `raw paths leaked into the route label: ${routes.join(', ')}`);
  assert.ok(routes.includes('unmatched'), 'a 404 path must be counted as route "unmatched"');
});
