#!/usr/bin/env node
// `npm run code-server:install`: installs code-server into the per-machine cache, or prints where it
// is. The work is split by job in scripts/lib/codeServer/: install.mjs (the cached install),
// server.mjs (start/stop a server, settings, ports) and browser.mjs (headless Chromium on the
// workbench). This file re-exports them for the scripts that import it.
//
//   node scripts/codeServer.mjs install | path
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { codeServerDir, ensureCodeServer, isCodeServerInstalled, log } from './lib/codeServer/install.mjs';
import { parseCommandLine, runMain, UsageError } from './lib/cli.mjs';

export * from './lib/codeServer/install.mjs';
export * from './lib/codeServer/server.mjs';
export * from './lib/codeServer/browser.mjs';

const USAGE = 'node scripts/codeServer.mjs install | path';

async function main() {
  const { positionals } = parseCommandLine({ options: {}, usage: USAGE, allowPositionals: true });
  const [command, ...rest] = positionals;
  if (rest.length > 0) throw new UsageError(`unexpected argument ${rest[0]}\nusage: ${USAGE}`);
  if (command === 'install') {
    const started = Date.now();
    const { dir, installed } = await ensureCodeServer();
    log(`${installed ? 'installed' : 'already installed'}: ${dir} (${Math.round((Date.now() - started) / 1000)} s)`);
    return 0;
  }
  if (command === 'path') {
    console.log(codeServerDir());
    return isCodeServerInstalled() ? 0 : 1;
  }
  throw new UsageError(`${command ? `unknown command ${command}` : 'a command is needed'}\nusage: ${USAGE}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) runMain(main);
