// Installs code-server, the real VS Code (server build) that runs our integration and e2e tests on
// machines that cannot download VS Code, into a per-machine cache. See /work/shared/real-vscode.md
// for why each step is needed. Plain Node 20 ESM on purpose: it must run before anything is built.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const CODE_SERVER_VERSION = '4.100.3';
// @vscode/ripgrep version pinned by code-server 4.100.3, and the archive its postinstall looks for.
const RIPGREP_PACKAGE_VERSION = '1.15.11';
const RIPGREP_ARCHIVE = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';
const MARKER = '.backend-path-installed';

export const log = (...args) => console.log('[code-server]', ...args);

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

export function which(cmd) {
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

export function isAlive(pid) {
  try { process.kill(pid, 0); return true; } catch (e) { return e.code === 'EPERM'; }
}

export const sleep = ms => new Promise(r => setTimeout(r, ms));

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

