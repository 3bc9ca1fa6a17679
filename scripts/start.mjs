#!/usr/bin/env node
// `npm start`: builds the extension and opens it on a small playground workspace, in your VS Code
// when the `code` CLI exists, otherwise in the cached code-server (a real VS Code in the browser).
//
//   node scripts/start.mjs [--no-build] [--code-server] [--port <n>]
//
// Progress survives restarts: in code-server, VS Code keeps extension state (Backend Path's
// progress) in the browser's storage for the page's origin, and the origin includes the port. So
// each checkout always gets the same port (derived from its path); only when that port is taken
// does it fall back to another one, and then it says the state starts empty.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureCodeServer } from './lib/codeServer/install.mjs';
import { isPortFree, portForCheckout, startCodeServer, workbenchUrl } from './lib/codeServer/server.mjs';
import { numberOption, parseCommandLine, runMain, UsageError } from './lib/cli.mjs';

const USAGE = 'node scripts/start.mjs [--no-build] [--code-server] [--port <n>]';

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

/** The fixed port of this checkout, or `requested`; tells the learner when state will not carry over. */
async function choosePort(requested) {
  if (requested !== undefined) {
    if (!(await isPortFree(requested))) throw new Error(`port ${requested} is in use`);
    return requested;
  }
  const { port, preferred, fellBack } = await portForCheckout(repoRoot);
  if (fellBack) {
    console.warn(`⚠ this checkout's port ${preferred} is in use (another \`npm start\`?), so code-server uses ${port}.`);
    console.warn('  The browser keeps VS Code\'s state per port: progress made there starts empty. Stop the other one to get it back.');
  }
  return port;
}

async function openInCodeServer(requestedPort) {
  await ensureCodeServer();
  const port = await choosePort(requestedPort);
  // Settings and installed extensions live here (.vscode-test/ is git-ignored); the extension's
  // progress lives in the browser's storage for http://127.0.0.1:<port>, hence the fixed port.
  const profile = path.join(repoRoot, '.vscode-test', 'code-server');
  const server = await startCodeServer({
    port,
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
  const { values } = parseCommandLine({
    usage: USAGE,
    options: { 'no-build': { type: 'boolean' }, 'code-server': { type: 'boolean' }, port: { type: 'string' } },
  });
  const port = numberOption(values, 'port', { min: 1, usage: USAGE });
  if (port !== undefined && (!Number.isInteger(port) || port > 65_535)) throw new UsageError(`--port must be a port number (1–65535)\nusage: ${USAGE}`);
  if (!values['no-build']) build();
  preparePlayground();
  if (hasCodeCli() && !values['code-server'] && !process.env.BACKEND_PATH_USE_CODE_SERVER) {
    console.log(`opening ${playground} in VS Code with the extension from ${repoRoot}`);
    const child = spawn('code', [`--extensionDevelopmentPath=${repoRoot}`, playground], { stdio: 'inherit' });
    await new Promise((resolve, reject) => { child.on('exit', resolve); child.on('error', reject); });
    return;
  }
  await openInCodeServer(port);
}

runMain(main);
