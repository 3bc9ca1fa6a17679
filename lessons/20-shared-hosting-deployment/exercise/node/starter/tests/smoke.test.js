import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, randomValues, request, root } from './helpers.js';

// Starts app.js the way Passenger does (`node app.js`, port chosen through PORT, configuration in
// the environment, working directory somewhere else) and sends real HTTP requests.

let app;
let port;
let output = '';

before(async () => {
  port = await freePort();
  app = spawn(process.execPath, [join(root, 'app.js')], {
    cwd: '/', // Passenger and cron do not start you in the app folder
    env: { PATH: process.env.PATH, PORT: String(port), APP_ENV_FILE: join(root, 'no-such.env'), ...randomValues() },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  app.stdout.setEncoding('utf8').on('data', (chunk) => (output += chunk));
  app.stderr.setEncoding('utf8').on('data', (chunk) => (output += chunk));
  for (const started = Date.now(); Date.now() - started < 8000; ) {
    if (!(await request(port, '/health')).error) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
});
after(() => app.kill('SIGKILL'));

async function get(path, headers) {
  const response = await request(port, path, { headers });
  assert.equal(response.error, undefined, `app.js did not answer GET ${path} on the port given in PORT (${port}): listen on process.env.PORT, the port Passenger chooses, and resolve paths from the app folder (import.meta.url), not from the working directory. Output: ${output.slice(0, 300)}`);
  return response;
}

test('GET /health returns 200 JSON on the port Passenger chooses', async () => {
  const response = await get('/health');
  assert.equal(response.status, 200, 'GET /health must return 200');
  assert.match(response.headers['content-type'] ?? '', /^application\/json/, 'GET /health must answer with Content-Type: application/json');
  assert.deepEqual(JSON.parse(response.body), { status: 'ok' }, 'GET /health must return {"status":"ok"}');
  const withQuery = await get('/health?verbose=1');
  assert.deepEqual([withQuery.status, JSON.parse(withQuery.body)], [200, { status: 'ok' }], 'GET /health?verbose=1 must be routed like /health: route on the path, not on the whole URL');
});

test('unknown paths reach the application router', async () => {
  const response = await get('/no/such/page');
  assert.equal(response.status, 404, 'unknown paths must reach the router, which answers 404');
  assert.match(response.headers['content-type'] ?? '', /^application\/problem\+json/, 'the 404 for unknown paths must come from the router (problem+json)');
});

test('static files in public/ are served directly', async () => {
  const response = await get('/css/app.css');
  assert.equal(response.status, 200, 'existing static files (public/css/app.css) must be served as they are');
  assert.match(response.headers['content-type'] ?? '', /^text\/css/, 'public/css/app.css must be served as text/css');
});

test('nothing outside public/ is ever served', async () => {
  const paths = ['/../app.js', '/%2e%2e/app.js', '/..%2fpackage.json', '/css/..%2f..%2fsrc%2fconfig.js', '/css/%2e%2e/%2e%2e/app.js', '/..%5capp.js', '/src/config.js', '/package.json'];
  for (const path of paths) {
    const response = await get(path);
    assert.ok([403, 404].includes(response.status), `GET ${path} must be refused (403 or 404): serve files from public/ only; decode the path, refuse ".." and check that the resolved file is still inside public/`);
    for (const leak of ['import ', '"scripts"', 'DB_PASSWORD']) {
      assert.ok(!response.body.includes(leak), `GET ${path} served a file from outside public/`);
    }
  }
});

test('dotfiles are never served, at any depth', async () => {
  const name = `.secret-${randomBytes(4).toString('hex')}.ini`;
  const file = join(root, 'public', 'css', name);
  writeFileSync(file, 'api_key = leaked\n');
  const top = join(root, 'public', '.env');
  writeFileSync(top, 'DB_PASSWORD=leaked\n');
  try {
    for (const path of ['/.env', '/.git/config', `/css/${name}`, `/css/%2e${name.slice(1)}`, `/css/${name}?download=1`]) {
      const response = await get(path);
      assert.ok([403, 404].includes(response.status), `GET ${path} must be refused (403 or 404): refuse every path segment that starts with a dot (check the decoded path without its query string), not only dotfiles at the top`);
      assert.ok(!response.body.includes('leaked'), `GET ${path} served a dotfile`);
    }
  } finally {
    rmSync(file, { force: true });
    rmSync(top, { force: true });
  }
});

test('folders are never listed', async () => {
  for (const path of ['/css/', '/css', '/']) {
    const response = await get(path);
    assert.ok(!response.body.includes('app.css'), `GET ${path} listed the folder's files: serve files only, and send folders to the router (which answers 404)`);
    assert.notEqual(response.status, 200, `GET ${path} must not answer 200 with a listing`);
  }
});

test('plain HTTP is redirected to HTTPS', async () => {
  const response = await get('/notes/7?tab=history', { 'x-forwarded-proto': 'http' });
  assert.equal(response.status, 301, 'behind the host\'s proxy, X-Forwarded-Proto: http means the visitor used plain HTTP: answer 301');
  assert.equal(response.headers.location, 'https://notes.example.com/notes/7?tab=history', 'redirect to the same host, path and query string over https://');
  const secure = await get('/health', { 'x-forwarded-proto': 'https' });
  assert.equal(secure.status, 200, 'a request that came in over HTTPS (X-Forwarded-Proto: https) must be served, not redirected');
});

test('a configuration error stops the start without printing values', async () => {
  const { runNode } = await import('./helpers.js');
  const values = randomValues();
  delete values.PAYMENT_KEY;
  const run = await runNode([join(root, 'app.js')], { env: { PORT: String(await freePort()), APP_ENV_FILE: join(root, 'no-such.env'), ...values, DB_USER: '' }, limitMs: 5000, cwd: '/' });
  assert.equal(run.killed, false, 'app.js must not start serving when the configuration is incomplete: print the error and exit');
  assert.notEqual(run.code, 0, 'exit with a non-zero code when the configuration is incomplete, so Passenger shows the start as failed');
  assert.match(run.output, /PAYMENT_KEY/, 'the error must name the missing key PAYMENT_KEY');
  assert.match(run.output, /DB_USER/, 'an empty DB_USER counts as missing: name it too');
  assert.ok(!run.output.includes(values.DB_PASSWORD), 'the error must not print any value: start-up output ends up in logs');
});

test('a malformed path is refused without a stack trace', async () => {
  for (const path of ['/%E0%A4%A', '/css/%zz.css', '/%']) {
    const response = await get(path);
    assert.ok(response.status >= 400 && response.status < 600, `GET ${path} (malformed %-encoding) must be refused with an error status`);
    assert.doesNotMatch(response.body, /URIError|\bat .*\.js:\d+|node:internal/, `GET ${path} showed the error's stack to the visitor: catch the decoding error (404/400), and answer unexpected errors with a generic 500, logging the details instead`);
  }
  const health = await get('/health');
  assert.equal(health.status, 200, 'after a malformed path the server must keep serving: catch decodeURIComponent() errors instead of letting them crash the process');
});
