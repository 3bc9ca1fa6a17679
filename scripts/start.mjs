#!/usr/bin/env node
// `npm start`: builds the extension and opens it on a small playground workspace, in your VS Code
// when the `code` CLI exists, otherwise in the cached code-server (a real VS Code in the browser).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureCodeServer, startCodeServer, workbenchUrl } from './codeServer.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const playground = path.join(repoRoot, '.playground');

function build() {
  const r = spawnSync('npm', ['run', 'build'], { cwd: repoRoot, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('npm run build failed');
}

function preparePlayground() {
  fs.mkdirSync(playground, { recursive: true });
  const readme = path.join(playground, 'README.md');
  if (!fs.existsSync(readme)) {
    fs.writeFileSync(readme, [
      '# Backend Path playground',
      '',
      'A scratch workspace for trying the extension (git-ignored, safe to delete).',
      'Open **Backend Path** in the activity bar, or run *Backend Path: Scaffold Starter Project*',
      'from the Command Palette to put a starter project here.',
      '',
    ].join('\n'));
  }
}

function hasCodeCli() {
  return spawnSync('sh', ['-c', 'command -v code'], { encoding: 'utf8' }).status === 0;
}

async function openInCodeServer() {
  await ensureCodeServer();
  // A profile that survives restarts, so progress stays between `npm start`s (.vscode-test/ is git-ignored).
  const profile = path.join(repoRoot, '.vscode-test', 'code-server');
  const server = await startCodeServer({
    folder: playground,
    userDataDir: path.join(profile, 'user-data'),
    extensionsDir: path.join(profile, 'extensions'),
    trustWorkspace: true,
  });
  const url = workbenchUrl(server, { folder: playground, extensionDevelopmentPaths: [repoRoot] });
  console.log('\nBackend Path is running in code-server (VS Code in the browser). Open:\n');
  console.log(`  ${url}\n`);
  console.log('After changing the code, run `npm run build` and reload the page. Press Ctrl+C to stop.');
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\nstopping code-server…');
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  await new Promise(() => {}); // until Ctrl+C
}

async function main() {
  if (!process.argv.includes('--no-build')) build();
  preparePlayground();
  if (hasCodeCli() && !process.env.BACKEND_PATH_USE_CODE_SERVER) {
    console.log(`opening ${playground} in VS Code with the extension from ${repoRoot}`);
    const child = spawn('code', [`--extensionDevelopmentPath=${repoRoot}`, playground], { stdio: 'inherit' });
    await new Promise((resolve, reject) => { child.on('exit', resolve); child.on('error', reject); });
    return;
  }
  await openInCodeServer();
}

main().catch(err => { console.error(`✖ ${err.message || err}`); process.exit(1); });
