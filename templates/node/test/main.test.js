import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import http from 'node:http';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../src/main.js', import.meta.url));
const noSignals = process.platform === 'win32' && 'POSIX signals are not available on Windows';

/** Run src/main.js as a real process, collecting its JSON log lines. */
function startMain(env) {
  const child = spawn(process.execPath, [MAIN], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', DB_PATH: ':memory:', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs = [];
  const waiters = [];
  createInterface({ input: child.stdout }).on('line', (line) => {
    const entry = JSON.parse(line);
    logs.push(entry);
    for (const waiter of waiters) if (waiter.message === entry.message) waiter.resolve(entry);
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = once(child, 'exit').then(([code]) => ({ code, stderr }));

  /** Resolve with the first log entry with this message (past or future). */
  const waitForLog = (message) =>
    new Promise((resolve) => {
      const seen = logs.find((entry) => entry.message === message);
      if (seen) resolve(seen);
      else waiters.push({ message, resolve });
    });
  return { child, logs, exited, waitForLog };
}

test('SIGTERM lets in-flight requests finish, then exits 0', { skip: noSignals, timeout: 20_000 }, async () => {
  const main = startMain();
  const { url } = await main.waitForLog('listening');

  // Start a request and send only half of its body, so it is still in flight.
  const body = JSON.stringify({ title: 'sent during shutdown' });
  const half = Math.floor(body.length / 2);
  const responded = new Promise((resolve, reject) => {
    const req = http.request(`${url}/notes`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) },
    });
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode));
    });
    req.on('error', reject);
    req.write(body.slice(0, half));
    // Give the server a moment to receive the headers, then shut it down mid-request.
    setTimeout(async () => {
      main.child.kill('SIGTERM');
      await main.waitForLog('shutting down');
      req.end(body.slice(half));
    }, 200);
  });

  assert.equal(await responded, 201, 'the in-flight request completed');
  const { code } = await main.exited;
  assert.equal(code, 0);
  assert.ok(main.logs.some((entry) => entry.message === 'stopped'));
});

test('invalid configuration stops the process with a clear message', async () => {
  const { code, stderr } = await startMain({ PORT: 'eighty' }).exited;
  assert.equal(code, 1);
  assert.match(stderr, /PORT must be an integer from 0 to 65535, got "eighty"/);
});
