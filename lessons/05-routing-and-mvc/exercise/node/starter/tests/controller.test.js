import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { UserController } from '../src/controllers/userController.js';
import { Request } from '../src/http.js';
import { Router } from '../src/router.js';
import { UserDirectory } from '../src/services/userDirectory.js';
import { UserSerializer } from '../src/views/userSerializer.js';

const TRICKY_NAME = 'Zoë <script>alert("x")</script> & \'Bob\'';

/** The app's routes with two users: Grace (7) and a user with a tricky name and a random id. */
function app() {
  const otherId = randomInt(100, 99999);
  const users = new UserDirectory(new Map([
    [7, { id: 7, name: 'Grace', email: 'grace@example.com', passwordHash: '$2y$12$secret' }],
    [otherId, { id: otherId, name: TRICKY_NAME, email: 'zoe@example.com', passwordHash: '$2y$12$other' }],
  ]));
  const controller = new UserController(users, new UserSerializer());
  const router = new Router();
  router.add('GET', '/users/{id:\\d+}', (request, params) => controller.show(request, params));
  router.add('GET', '/users/{id:\\d+}/page', (request, params) => controller.page(request, params));
  return { otherId, send: (target) => router.dispatch(new Request('GET', target)) };
}

test('show uses the route parameter and the serializer', () => {
  const { otherId, send } = app();
  const response = send('/users/7');
  assert.equal(response.status, 200, 'UserController#show must read the id from params.id (the router\'s parameter).');
  assert.equal(response.header('Content-Type'), 'application/json', 'The controller must answer with JSON built by the serializer.');
  assert.equal(response.body, '{"id":7,"name":"Grace"}', 'Only the fields chosen by UserSerializer (id, name) may leave the server.');

  const other = send(`/users/${otherId}`);
  assert.equal(other.status, 200, `GET /users/${otherId} must find that user: look up Number(params.id), not a fixed id.`);
  assert.deepEqual(JSON.parse(other.body), { id: otherId, name: TRICKY_NAME },
    'The JSON must be built from the user that was found, by UserSerializer (id and name only: no email, no password hash).');
});

test('show ignores ids smuggled in through the query string', () => {
  const { otherId, send } = app();
  const response = send(`/users/7?id=${otherId}`);
  assert.equal(response.status, 200, 'GET /users/7?id=... must still answer for user 7.');
  assert.deepEqual(JSON.parse(response.body), { id: 7, name: 'Grace' },
    `GET /users/7?id=${otherId} returned another user: the id comes from the route parameter (params.id) only, never from the query string or the raw path.`);
});

test('show returns 404 for an unknown user', () => {
  const { send } = app();
  assert.equal(send('/users/8').status, 404, 'An id that matches the pattern but has no user must give 404.');
});

test('page escapes every value for HTML', () => {
  const { otherId, send } = app();
  const response = send(`/users/${otherId}/page`);
  assert.equal(response.status, 200, 'GET /users/{id}/page must answer 200 for a known user.');
  assert.equal(response.header('Content-Type'), 'text/html; charset=utf-8', 'An HTML page must be sent as text/html; charset=utf-8.');
  assert.ok(!response.body.includes('<script>'), "The user's name reached the HTML unescaped: replace & < > \" ' with entities (&amp; &lt; &gt; &quot; &#39;) in one helper and use it for every value.");
  assert.ok(!response.body.includes('alert("x")'), 'Quotes must be escaped too: the name sits inside a quoted title attribute, where a raw " ends it.');
  assert.ok(!response.body.includes("'Bob'"), "Escape single quotes as well (&#39;), so the value is safe in any quoted attribute.");
  assert.ok(response.body.includes('&lt;script&gt;'), 'The name must still be shown, escaped: <script> becomes &lt;script&gt;.');
  assert.ok(response.body.includes('&amp;'), 'A & in the name must become &amp;.');
  assert.ok(response.body.includes('Zoë'), 'Escaping must keep UTF-8 text such as "Zoë" intact.');
  assert.ok(!response.body.includes('zoe@example.com'), 'The page must not show the email address.');
  assert.ok(!/&amp;(lt|gt|quot|amp);/.test(response.body), 'A value was escaped twice (&amp;lt;): escape once, where the value goes into the markup.');
  assert.equal(send('/users/8/page').status, 404, 'GET /users/8/page: no such user, so 404.');
});

test('controllers take input from params, never from the raw request', () => {
  const dir = new URL('../src/controllers/', import.meta.url);
  const files = readdirSync(dir).filter((name) => name.endsWith('.js'));
  assert.ok(files.length > 0, 'src/controllers must contain the controller modules.');
  for (const file of files) {
    const code = readFileSync(new URL(file, dir), 'utf8');
    for (const habit of ['request.query', 'request.path', 'URLSearchParams', 'process.env', 'globalThis']) {
      assert.ok(!code.includes(habit), `${file} mentions ${habit}: take input from the route params the router extracted instead.`);
    }
  }
});
