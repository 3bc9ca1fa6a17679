import http from 'node:http';
import net from 'node:net';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const root = new URL('..', import.meta.url).pathname;

/** A fresh folder under the temp folder, removed after the test. */
export function tempDir(t) {
  const dir = mkdtempSync(join(tmpdir(), 'hosting-test-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A random, complete configuration. */
export function randomValues() {
  const word = (bytes) => randomBytes(bytes).toString('hex');
  return {
    DB_DSN: `mysql:host=localhost;dbname=${word(4)}`,
    DB_USER: `u_${word(3)}`,
    DB_PASSWORD: `pw-${word(8)}`,
    PAYMENT_KEY: `pk_test_${word(10)}`,
  };
}

/** Writes KEY="value" lines, as a .env file above the web root would hold them. */
export function writeEnvFile(dir, values, mode = 0o600) {
  const file = join(dir, '.env');
  writeFileSync(file, Object.entries(values).map(([k, v]) => `${k}="${v}"`).join('\n') + '\n', { mode });
  return file;
}

/**
 * Runs `node <args>` with exactly `env` (plus PATH); kills it after limitMs, or as soon as
 * `stopWhen()` (checked every 50 ms) says the run has already shown what the test needed to see.
 */
export function runNode(args, { env = {}, limitMs = 5000, cwd = root, stopWhen } = {}) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(process.execPath, args, { cwd, env: { PATH: process.env.PATH, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const watch = stopWhen && setInterval(() => {
      if (!stopWhen()) return;
      killed = true;
      child.kill('SIGKILL');
    }, 50);
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
    let killed = false;
    const timer = setTimeout(() => {
      killed = true;
      child.kill('SIGKILL');
    }, limitMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      clearInterval(watch);
      resolve({ code: killed ? null : code, killed, seconds: (Date.now() - started) / 1000, stdout, stderr, output: stdout + stderr });
    });
  });
}

/** A port nobody listens on right now. */
export function freePort() {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** One request; resolves to { status, headers, body } or { error }. */
export function request(port, path, { method = 'GET', headers = {} } = {}) {
  return new Promise((resolve) => {
    const req = http.request({ host: '127.0.0.1', port, path, method, headers: { host: 'notes.example.com', ...headers } }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body }));
    });
    req.on('error', (error) => resolve({ error }));
    req.end();
  });
}

/**
 * A copy of the app (app.js, package.json, src/, public/) in a fresh temp folder, so a test can
 * put a .env file next to app.js without touching your project.
 */
export function copyOfApp(t) {
  const dir = tempDir(t);
  for (const name of ['app.js', 'package.json', 'src', 'public']) cpSync(join(root, name), join(dir, name), { recursive: true });
  return dir;
}

/**
 * Starts `node <appRoot>/app.js` like Passenger (PORT chosen here, working directory `cwd`) and
 * waits until it answers /health. Resolves to { port, answered, output }; stopped after the test.
 */
export async function startApp(t, { appRoot = root, cwd = '/', env = {} } = {}) {
  const port = await freePort();
  const child = spawn(process.execPath, [join(appRoot, 'app.js')], { cwd, env: { PATH: process.env.PATH, PORT: String(port), ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let exited = false;
  child.stdout.setEncoding('utf8').on('data', (chunk) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk) => (output += chunk));
  child.on('exit', () => (exited = true));
  t.after(() => child.kill('SIGKILL'));
  for (const started = Date.now(); Date.now() - started < 8000 && !exited; ) {
    if (!(await request(port, '/health')).error) return { port, answered: true, output: () => output };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { port, answered: false, output: () => output };
}
