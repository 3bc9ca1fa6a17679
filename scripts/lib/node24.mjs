// Locates (and on first use installs) the Node 24 binary that learners' code is tested with.
// The machine's own Node may be older; learners' projects target Node >= 22.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export function node24Dir() {
  const cache = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(cache, 'backend-path', 'node24');
}

export function ensureNode24() {
  if (process.env.BACKEND_PATH_NODE24) return process.env.BACKEND_PATH_NODE24;
  const binary = join(node24Dir(), 'node_modules', '.bin', 'node');
  if (!existsSync(binary)) {
    console.log(`Installing Node 24 (npm package node@24) into ${node24Dir()} …`);
    execFileSync('npm', ['install', '--prefix', node24Dir(), '--no-audit', '--no-fund', 'node@24'], { stdio: 'inherit' });
  }
  const version = execFileSync(binary, ['--version'], { encoding: 'utf8' }).trim();
  if (!version.startsWith('v24.')) throw new Error(`${binary} is ${version}, expected v24.x`);
  return binary;
}
