import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { createServer } from '../src/server.js';
import { gracefulShutdown } from '../src/shutdown.js';
import { listen, request, tryConnect } from './helpers.js';

test('gracefulShutdown() lets an in-flight request finish and refuses new connections', async () => {
  const timersBefore = process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
  const server = createServer();
  const port = await listen(server);

  const inFlight = request(port, '/slow'); // the handler needs ~100 ms
  await once(server, 'request'); // the server has started handling it

  let serverClosed = false;
  server.once('close', () => { serverClosed = true; });
  const started = performance.now();
  const closed = gracefulShutdown(server);
  assert.ok(closed instanceof Promise, 'gracefulShutdown() must return a promise');
  const closedWhenResolved = closed.then(() => serverClosed);

  assert.equal(
    await tryConnect(port),
    'ECONNREFUSED',
    'after gracefulShutdown() new connections must be refused: call server.close() straight away',
  );
  const res = await inFlight;
  assert.equal(res.status, 200, 'the request that was already running must still get its 200 response');

  assert.equal(await closedWhenResolved, true,
    "gracefulShutdown() resolved before the server had closed: resolve in server.close()'s callback, which runs once the last connection has ended");
  const took = performance.now() - started;
  const timersLeft = process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
  assert.ok(timersLeft <= timersBefore,
    'gracefulShutdown() left a timer running after the server closed: clearTimeout()/clearInterval() every timer you started, or the process cannot exit');
  assert.equal(server.listening, false, 'the promise must resolve only once the server is closed');
  assert.ok(
    took < 2_000,
    `shutdown took ${Math.round(took)} ms: close keep-alive connections once they become idle ` +
      '(server.closeIdleConnections()) instead of waiting for clients to hang up',
  );
});

test('gracefulShutdown() force-closes connections that outlive timeoutMs', async () => {
  const server = createServer();
  const port = await listen(server);
  const inFlight = request(port, '/slow').catch((err) => err);
  await once(server, 'request');

  await gracefulShutdown(server, { timeoutMs: 20 });
  const result = await inFlight;
  assert.ok(
    result instanceof Error,
    'with timeoutMs: 20 the /slow request (100 ms) must be cut off: call server.closeAllConnections() when the timeout expires',
  );
  assert.equal(server.listening, false, 'the promise must resolve only once the server is closed');
});

for (const signal of ['SIGTERM', 'SIGINT']) test(`src/main.js drains and exits with code 0 on ${signal}`, { skip: process.platform === 'win32' }, async () => {
  const main = fileURLToPath(new URL('../src/main.js', import.meta.url));
  const child = spawn(process.execPath, [main], { env: { ...process.env, PORT: '0' } });
  let out = '';
  child.stdout.setEncoding('utf8');
  const exited = once(child, 'exit');
  const port = await new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = out.match(/"port":(\d+)/);
      if (match) resolve(Number(match[1]));
    });
    exited.then(() => reject(new Error(`src/main.js exited before listening; output: ${out}`)));
  });
  assert.equal((await request(port, '/')).status, 200, 'the server started by src/main.js must answer GET /');
  child.kill(signal);
  const [code, exitSignal] = await exited;
  assert.equal(exitSignal, null, `the process was killed by ${signal}: main.js must handle it and shut down itself`);
  assert.equal(code, 0, `after ${signal} the process must exit with code 0 once the server is closed`);
  assert.match(out, /"closed"/, 'main.js logs "closed" once gracefulShutdown() has resolved');
});
