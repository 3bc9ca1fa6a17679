// Starts and stops code-server (installed by ./install.mjs) on a loopback port, with a profile and
// settings of the caller's choosing.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createHash } from 'node:crypto';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ensureCodeServer, sleep } from './install.mjs';

/** Resolves true when nothing listens on `port` on the loopback interface. */
export function isPortFree(port) {
  return new Promise(resolve => {
    const srv = net.createServer();
    srv.unref();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

const CHECKOUT_PORT_BASE = 20_000;
const CHECKOUT_PORT_RANGE = 10_000;

/**
 * The port `npm start` uses for a checkout: derived from its absolute path, so it is the same on
 * every start. The browser keeps VS Code's state (and so the extension's progress) per origin,
 * which includes the port: a new port is a new, empty profile.
 */
export function checkoutPort(checkoutPath) {
  const digest = createHash('sha256').update(path.resolve(checkoutPath)).digest();
  return CHECKOUT_PORT_BASE + (digest.readUInt32BE(0) % CHECKOUT_PORT_RANGE);
}

/**
 * The checkout's port when it is free, otherwise the next free one of a few after it (so a second
 * checkout that hashes to the same port still starts). Says which one it took.
 */
export async function portForCheckout(checkoutPath, { attempts = 10 } = {}) {
  const preferred = checkoutPort(checkoutPath);
  for (let i = 0; i < attempts; i++) {
    const port = CHECKOUT_PORT_BASE + ((preferred - CHECKOUT_PORT_BASE + i) % CHECKOUT_PORT_RANGE);
    if (await isPortFree(port)) return { port, preferred, fellBack: i > 0 };
  }
  throw new Error(`ports ${preferred}–${preferred + attempts - 1} are all in use; stop the other code-server (or whatever holds them) and try again`);
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Writes `<ud>/User/settings.json`: the trust switch (real-vscode.md, fact 7) plus `settings`. */
export function writeUserSettings(userDataDir, { trustWorkspace, settings = {} } = {}) {
  const file = path.join(userDataDir, 'User', 'settings.json');
  let current = {};
  try { current = JSON.parse(fs.readFileSync(file, 'utf8')); } catch { /* fresh profile */ }
  const next = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'telemetry.telemetryLevel': 'off',
    ...current,
  };
  if (trustWorkspace === true) next['security.workspace.trust.enabled'] = false;
  if (trustWorkspace === false) {
    // Restricted Mode on purpose: trust stays on, the folder is not trusted, and no modal asks.
    next['security.workspace.trust.enabled'] = true;
    next['security.workspace.trust.startupPrompt'] = 'never';
    next['security.workspace.trust.emptyWindow'] = false;
  }
  Object.assign(next, settings);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(next, null, 2));
  return file;
}

const running = new Set();
let exitHookInstalled = false;
function installExitHook() {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // Last resort: never leave a server behind, whatever way this process ends.
  process.on('exit', () => { for (const pid of running) killGroup(pid, 'SIGKILL'); });
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.once(sig, () => {
      if (process.listenerCount(sig) > 0) return; // the caller stops its servers itself
      for (const pid of running) killGroup(pid, 'SIGKILL');
      process.exit(128 + os.constants.signals[sig]);
    });
  }
}

function killGroup(pid, signal) {
  try { process.kill(-pid, signal); } catch { /* group gone */ }
  try { process.kill(pid, signal); } catch { /* process gone */ }
}

/**
 * Starts code-server on `port` (default: a free loopback port) and resolves once it answers HTTP.
 * @returns {Promise<{url: string, port: number, pid: number, output: () => string, stop: () => Promise<void>}>}
 */
export async function startCodeServer({
  folder, userDataDir, extensionsDir, trustWorkspace, settings, extraArgs = [], env = {},
  verbose = !!process.env.BACKEND_PATH_VERBOSE, timeoutMs = 60_000, port: requestedPort,
} = {}) {
  if (!userDataDir || !extensionsDir) throw new Error('startCodeServer needs userDataDir and extensionsDir');
  const { entry } = await ensureCodeServer({ quiet: true });
  fs.mkdirSync(userDataDir, { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  if (trustWorkspace !== undefined || settings) writeUserSettings(userDataDir, { trustWorkspace, settings });
  const port = requestedPort ?? await freePort();
  const args = [
    entry,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    // Keeps code-server from creating ~/.config/code-server/config.yaml.
    '--config', path.join(userDataDir, 'code-server.yaml'),
    '--disable-telemetry',
    '--disable-update-check',
    ...extraArgs,
  ];
  if (folder) args.push(folder);
  installExitHook();
  const child = spawn(process.execPath, args, {
    detached: true, // own process group, so stop() can take its children down too
    stdio: ['ignore', 'pipe', 'pipe'],
    // The extension host inherits this environment (tests read BACKEND_PATH_TEST_* from it).
    env: { ...process.env, NODE_OPTIONS: '', ...env },
  });
  running.add(child.pid);
  let output = '';
  const onData = d => { output += d; if (output.length > 200_000) output = output.slice(-100_000); if (verbose) process.stderr.write(`[code-server] ${d}`); };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  let exited = false;
  const exitPromise = new Promise(resolve => child.on('exit', code => { exited = true; running.delete(child.pid); resolve(code); }));

  const stop = async () => {
    if (exited) return;
    killGroup(child.pid, 'SIGTERM');
    const timer = sleep(5000).then(() => 'timeout');
    if (await Promise.race([exitPromise, timer]) === 'timeout') killGroup(child.pid, 'SIGKILL');
    await Promise.race([exitPromise, sleep(2000)]);
    killGroup(child.pid, 'SIGKILL'); // the group may still hold extension hosts / pty hosts
    running.delete(child.pid);
  };

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exited) throw new Error(`code-server exited before it answered HTTP:\n${output}`);
    try {
      const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not answer on ${url} within ${timeoutMs / 1000} s:\n${output}`);
    }
    await sleep(250);
  }
  return { url, port, pid: child.pid, output: () => output, stop };
}

/**
 * The URL that opens `folder` and loads extensions from `extensionDevelopmentPaths`, optionally
 * running the tests at `extensionTestsPath` (a compiled index without `.js`). real-vscode.md, fact 6.
 */
export function workbenchUrl(server, { folder, extensionDevelopmentPaths = [], extensionTestsPath } = {}) {
  const remote = p => `vscode-remote://127.0.0.1:${server.port}${path.resolve(p)}`;
  const payload = extensionDevelopmentPaths.map(p => ['extensionDevelopmentPath', remote(p)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  const query = [];
  if (folder) query.push(`folder=${encodeURIComponent(path.resolve(folder))}`);
  if (payload.length) query.push(`payload=${encodeURIComponent(JSON.stringify(payload))}`);
  return `${server.url}/${query.length ? `?${query.join('&')}` : ''}`;
}

/**
 * VS Code for the web keeps only one `extensionDevelopmentPath` from the URL payload (it reads the
 * payload into a Map), but the server loads every extension found in a folder that has no
 * package.json of its own. So several extensions are passed as one folder of symlinks to them.
 * @returns {{ paths: string[], dispose: () => void }}
 */
export function combineExtensionDevelopmentPaths(paths) {
  if (paths.length <= 1) return { paths: paths.map(p => path.resolve(p)), dispose: () => {} };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'backend-path-devext-'));
  paths.forEach((p, i) => {
    const target = path.resolve(p);
    if (!fs.existsSync(path.join(target, 'package.json'))) throw new Error(`${target} has no package.json`);
    fs.symlinkSync(target, path.join(dir, `${i}-${path.basename(target)}`), 'dir');
  });
  return { paths: [dir], dispose: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

