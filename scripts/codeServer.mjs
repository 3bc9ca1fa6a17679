#!/usr/bin/env node
// Installs and starts code-server, the real VS Code (server build) that runs our integration and
// e2e tests on machines that cannot download VS Code. See /work/shared/real-vscode.md for why each
// step is needed. Plain Node 20 ESM on purpose: it must run before anything is built.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.100.3';
// @vscode/ripgrep version pinned by code-server 4.100.3, and the archive its postinstall looks for.
const RIPGREP_PACKAGE_VERSION = '1.15.11';
const RIPGREP_ARCHIVE = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';
const MARKER = '.backend-path-installed';

const log = (...args) => console.log('[code-server]', ...args);

export function codeServerDir() {
  if (process.env.BACKEND_PATH_CODE_SERVER_DIR) return path.resolve(process.env.BACKEND_PATH_CODE_SERVER_DIR);
  const cache = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(cache, 'backend-path', `code-server-${CODE_SERVER_VERSION}`);
}

export function codeServerEntry(dir = codeServerDir()) {
  return path.join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
}

/** Files that exist only when code-server's postinstall (which builds VS Code's native modules) ran. */
function installedFiles(dir) {
  const vscode = path.join(dir, 'node_modules', 'code-server', 'lib', 'vscode');
  return [
    codeServerEntry(dir),
    path.join(dir, 'node_modules', '.bin', 'code-server'),
    path.join(vscode, 'node_modules', 'node-pty', 'build', 'Release', 'pty.node'),
    path.join(vscode, 'node_modules', '@vscode', 'ripgrep', 'bin', 'rg'),
  ];
}

export function isCodeServerInstalled(dir = codeServerDir()) {
  try {
    return fs.readFileSync(path.join(dir, MARKER), 'utf8').trim() === CODE_SERVER_VERSION
      && installedFiles(dir).every(f => fs.existsSync(f));
  } catch {
    return false;
  }
}

function which(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).stdout.trim() || undefined;
}

let aptUpdated = false;
/** As root with apt-get (CI), installs `pkgs`; elsewhere explains what to install. */
export function aptInstall(pkgs, why) {
  if (!(process.getuid?.() === 0 && which('apt-get'))) {
    throw new Error(`${why}. Install it with: sudo apt-get install -y ${pkgs.join(' ')}`);
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (!aptUpdated) {
    log('apt-get update');
    if (spawnSync('apt-get', ['update'], { stdio: 'inherit', env }).status !== 0) throw new Error('apt-get update failed');
    aptUpdated = true;
  }
  log(`apt-get install -y ${pkgs.join(' ')}`);
  const r = spawnSync('apt-get', ['install', '-y', '--no-install-recommends', ...pkgs], { stdio: 'inherit', env });
  if (r.status !== 0) throw new Error(`apt-get could not install ${pkgs.join(' ')}`);
}

/** Makes sure `cmd` is on PATH, installing `pkgs` through apt when it is missing. */
export function ensureSystemTool(cmd, pkgs = [cmd]) {
  const found = which(cmd);
  if (found) return found;
  aptInstall(pkgs, `'${cmd}' is missing`);
  const now = which(cmd);
  if (!now) throw new Error(`'${cmd}' is still missing after installing ${pkgs.join(' ')}`);
  return now;
}

/** code-server's native modules build against these (real-vscode.md, fact 1). */
function ensureBuildPrerequisites() {
  const missing = [
    ['/usr/include/krb5.h', 'libkrb5-dev'],
    ['/usr/include/X11/Xlib.h', 'libx11-dev'],
    ['/usr/include/X11/extensions/XKBfile.h', 'libxkbfile-dev'],
    ['/usr/include/libsecret-1/libsecret/secret.h', 'libsecret-1-dev'],
  ].filter(([file]) => !fs.existsSync(file)).map(([, pkg]) => pkg);
  for (const [cmd, pkg] of [['pkg-config', 'pkg-config'], ['g++', 'g++'], ['make', 'make'], ['python3', 'python3']]) {
    if (!which(cmd)) missing.push(pkg);
  }
  if (missing.length) aptInstall(missing, `building code-server needs ${missing.join(', ')}`);
}

/**
 * @vscode/ripgrep downloads ripgrep from GitHub in its postinstall unless this archive exists
 * (real-vscode.md, fact 3). We hand it Debian's rg instead.
 */
export function prepareRipgrepArchive() {
  const cacheDir = path.join(os.tmpdir(), `vscode-ripgrep-cache-${RIPGREP_PACKAGE_VERSION}`);
  const archive = path.join(cacheDir, RIPGREP_ARCHIVE);
  if (fs.existsSync(archive) && fs.statSync(archive).size > 0) return archive;
  const rg = ensureSystemTool('rg', ['ripgrep']);
  const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'backend-path-rg-'));
  try {
    fs.copyFileSync(fs.realpathSync(rg), path.join(staging, 'rg'));
    fs.chmodSync(path.join(staging, 'rg'), 0o755);
    fs.mkdirSync(cacheDir, { recursive: true });
    const tmpArchive = `${archive}.${process.pid}.tmp`;
    const r = spawnSync('tar', ['-czf', tmpArchive, '-C', staging, 'rg'], { stdio: 'inherit' });
    if (r.status !== 0) throw new Error('tar failed while preparing the offline ripgrep archive');
    fs.renameSync(tmpArchive, archive);
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
  log(`prepared offline ripgrep archive ${archive}`);
  return archive;
}

function isAlive(pid) {
  try { process.kill(pid, 0); return true; } catch (e) { return e.code === 'EPERM'; }
}

const sleep = ms => new Promise(r => setTimeout(r, ms));

/** A lock directory so that two runs sharing the cache do not install into it at once. */
async function withInstallLock(dir, fn) {
  const lock = `${dir}.lock`;
  fs.mkdirSync(path.dirname(lock), { recursive: true });
  let announced = false;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      fs.writeFileSync(path.join(lock, 'pid'), String(process.pid));
      break;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      const owner = Number(fs.readFileSync(path.join(lock, 'pid'), { encoding: 'utf8', flag: 'a+' }) || 0);
      if (owner && !isAlive(owner)) { fs.rmSync(lock, { recursive: true, force: true }); continue; }
      if (!announced) { log(`waiting for another install (pid ${owner || '?'}) to finish…`); announced = true; }
      await sleep(2000);
    }
  }
  try { return await fn(); } finally { fs.rmSync(lock, { recursive: true, force: true }); }
}

/** Installs code-server into the cache folder unless a finished install is already there. */
export async function ensureCodeServer({ quiet = false } = {}) {
  const dir = codeServerDir();
  if (isCodeServerInstalled(dir)) {
    if (!quiet) log(`reusing ${dir}`);
    return { dir, entry: codeServerEntry(dir), installed: false };
  }
  return withInstallLock(dir, async () => {
    if (isCodeServerInstalled(dir)) return { dir, entry: codeServerEntry(dir), installed: false };
    const major = Number(process.versions.node.split('.')[0]);
    if (major !== 20 && !process.env.FORCE_NODE_VERSION) {
      throw new Error(`code-server ${CODE_SERVER_VERSION} needs Node 20 (this is ${process.version}). `
        + 'Use Node 20, or set FORCE_NODE_VERSION at your own risk.');
    }
    ensureBuildPrerequisites();
    prepareRipgrepArchive();
    fs.mkdirSync(dir, { recursive: true });
    fs.rmSync(path.join(dir, MARKER), { force: true });
    log(`installing code-server@${CODE_SERVER_VERSION} into ${dir}`);
    log('this builds native modules and takes about 5 minutes on 2 cores; it happens once per machine');
    const started = Date.now();
    const env = {
      ...process.env,
      npm_config_unsafe_perm: 'true', // root: code-server's postinstall refuses to run otherwise
      npm_config_yes: 'true', // node-pty's postinstall runs `npx node-gyp`
      npm_config_fund: 'false',
      npm_config_audit: 'false',
      npm_config_update_notifier: 'false',
      TMPDIR: os.tmpdir(), // where @vscode/ripgrep looks for the archive prepared above
    };
    const npm = which('npm') || 'npm';
    const child = spawn(npm, ['install', '--prefix', dir, '--no-save', `code-server@${CODE_SERVER_VERSION}`], {
      env, stdio: ['ignore', 'pipe', 'pipe'],
    });
    const tail = [];
    const keep = chunk => {
      for (const line of chunk.toString().split('\n')) if (line.trim()) { tail.push(line); if (tail.length > 60) tail.shift(); }
    };
    child.stdout.on('data', d => { keep(d); if (!quiet) process.stdout.write(d); });
    child.stderr.on('data', d => { keep(d); if (!quiet) process.stderr.write(d); });
    const heartbeat = setInterval(() => log(`still installing… ${Math.round((Date.now() - started) / 1000)} s`), 30_000);
    const code = await new Promise(resolve => child.on('close', resolve));
    clearInterval(heartbeat);
    if (code !== 0) {
      if (quiet) console.error(tail.join('\n'));
      throw new Error(`npm install code-server@${CODE_SERVER_VERSION} failed (exit ${code}); see the output above`);
    }
    const missing = installedFiles(dir).filter(f => !fs.existsSync(f));
    if (missing.length) {
      if (quiet) console.error(tail.join('\n'));
      throw new Error(`npm install finished but code-server's postinstall did not build everything (missing: ${missing.join(', ')}). `
        + 'Were install scripts skipped (ignore-scripts, npm allowScripts policy)?');
    }
    fs.writeFileSync(path.join(dir, MARKER), `${CODE_SERVER_VERSION}\n`);
    log(`installed in ${Math.round((Date.now() - started) / 1000)} s`);
    return { dir, entry: codeServerEntry(dir), installed: true };
  });
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
 * Starts code-server on a free loopback port and resolves once it answers HTTP.
 * @returns {Promise<{url: string, port: number, pid: number, output: () => string, stop: () => Promise<void>}>}
 */
export async function startCodeServer({
  folder, userDataDir, extensionsDir, trustWorkspace, settings, extraArgs = [], env = {},
  verbose = !!process.env.BACKEND_PATH_VERBOSE, timeoutMs = 60_000,
} = {}) {
  if (!userDataDir || !extensionsDir) throw new Error('startCodeServer needs userDataDir and extensionsDir');
  const { entry } = await ensureCodeServer({ quiet: true });
  fs.mkdirSync(userDataDir, { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  if (trustWorkspace !== undefined || settings) writeUserSettings(userDataDir, { trustWorkspace, settings });
  const port = await freePort();
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

/** Chromium flags from real-vscode.md, fact 6. */
export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run',
];

export function chromiumPath() {
  if (process.env.BACKEND_PATH_CHROMIUM) return process.env.BACKEND_PATH_CHROMIUM;
  if (fs.existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  return ensureSystemTool('chromium');
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

/**
 * Starts code-server and headless Chromium and opens the workbench on `folder`.
 * The automation hooks are exposed before navigating, so a test run that ends quickly is not missed.
 * Used by the integration launcher, the e2e runner and the benchmark.
 */
export async function launchWorkbench({
  folder, userDataDir, extensionsDir, trustWorkspace, settings, env,
  extensionDevelopmentPaths = [], extensionTestsPath, onLog, onExit, viewport = { width: 1280, height: 800 },
} = {}) {
  const { chromium } = await import('playwright-core');
  const combined = combineExtensionDevelopmentPaths(extensionDevelopmentPaths);
  let server;
  let browser;
  const close = async () => {
    try { await browser?.close(); } catch { /* already gone */ }
    await server?.stop();
    combined.dispose();
  };
  try {
    server = await startCodeServer({ folder, userDataDir, extensionsDir, trustWorkspace, settings, env });
  } catch (err) {
    combined.dispose();
    throw err;
  }
  try {
    browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true });
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await page.exposeFunction('codeAutomationExit', code => onExit?.(code));
    await page.exposeFunction('codeAutomationLog', (type, args) => onLog?.(type, args));
    const url = workbenchUrl(server, { folder, extensionDevelopmentPaths: combined.paths, extensionTestsPath });
    await page.goto(url);
    return { server, browser, context, page, url, close };
  } catch (err) {
    await close();
    throw err;
  }
}

async function main(argv) {
  const [cmd] = argv;
  if (cmd === 'install') {
    const started = Date.now();
    const { dir, installed } = await ensureCodeServer();
    log(`${installed ? 'installed' : 'already installed'}: ${dir} (${Math.round((Date.now() - started) / 1000)} s)`);
    return 0;
  }
  if (cmd === 'path') {
    console.log(codeServerDir());
    return isCodeServerInstalled() ? 0 : 1;
  }
  console.error('usage: node scripts/codeServer.mjs install | path');
  return 2;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(code => process.exit(code), err => { console.error(err.message || err); process.exit(1); });
}
