#!/usr/bin/env node
// `npm run test:vscode`: runs test/integration inside a real VS Code 1.100 (code-server's server
// build driven by headless Chromium), once trusted and once in Restricted Mode.
//
//   node scripts/runVsCodeTests.mjs [--suite trusted|untrusted|all] [--no-build] [--keep]
//        [--extension <dir>]... [--grep <text>] [--timeout <minutes>]
//
// --extension replaces the default extension under test (the repo root); repeat it to load several
// extensions side by side (the benchmark loads test/fixtures/emptyExtension next to the real one).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import util from 'node:util';
import { fileURLToPath } from 'node:url';
import { ensureCodeServer } from './lib/codeServer/install.mjs';
import { launchWorkbench } from './lib/codeServer/browser.mjs';
import { numberOption, parseCommandLine, runMain, UsageError } from './lib/cli.mjs';
import { ensureNode24 } from './lib/node24.mjs';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const integrationOut = path.join(repoRoot, 'out', 'test', 'integration');

/** The two suite sets; the entry point decides which compiled tests it loads. */
export const SUITES = {
  trusted: { entry: 'index', trustWorkspace: true },
  untrusted: { entry: 'indexUntrusted', trustWorkspace: false },
  // Not a test set: `npm run bench` runs it to time activation and lesson opening (test/bench).
  bench: { entry: '../bench/index', trustWorkspace: true },
};

function tsFiles(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter(rel => rel.endsWith('.ts') && !rel.endsWith('.d.ts'))
    .map(rel => path.join(dir, rel));
}

/** Compiles test/integration/**\/*.ts into out/test/integration (one bundle per file). */
export async function compileIntegrationTests() {
  const esbuild = await import('esbuild');
  const src = path.join(repoRoot, 'test', 'integration');
  const benchSrc = path.join(repoRoot, 'test', 'bench');
  const benchOut = path.join(integrationOut, '..', 'bench');
  // One bundle per file. The host provides `vscode`; mocha must be the one instance the index configures.
  const bundle = async (from, to) => {
    fs.rmSync(to, { recursive: true, force: true });
    await esbuild.build({
      entryPoints: tsFiles(from),
      outdir: to,
      outbase: from,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      sourcemap: true,
      external: ['vscode', 'mocha'],
      logLevel: 'warning',
    });
  };
  await bundle(benchSrc, benchOut);
  await bundle(src, integrationOut);
  return integrationOut;
}

export function buildExtension() {
  if (!fs.existsSync(path.join(repoRoot, 'esbuild.mjs'))) return;
  const r = spawnSync('npm', ['run', 'build'], { cwd: repoRoot, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('npm run build failed');
}

/**
 * The extension host runs on code-server's Node 20, but learners' exercises need Node >= 22 on PATH
 * (src/exercises/toolchain.ts). Put the cached Node 24 first on the PATH that code-server, and so
 * the extension host and its terminals, inherit, as on a learner's machine.
 */
export function learnerEnv() {
  try {
    const node = ensureNode24();
    return {
      PATH: `${path.dirname(node)}${path.delimiter}${process.env.PATH ?? ''}`,
      // Otherwise the server replaces PATH with a login shell's (/etc/profile resets it) and Node 24
      // is gone again; VS Code skips that resolution when it believes it was started from its CLI.
      VSCODE_CLI: '1',
    };
  } catch (err) {
    console.warn(`⚠ no Node 24 for the exercise checks (${err.message}); they will report the old Node`);
    return {};
  }
}

// Workbench chatter that says nothing about our tests (no network here, see real-vscode.md fact 9).
const NOISE = [
  /open-vsx\.org|marketplace|gallery|ENOTFOUND|EAI_AGAIN|getaddrinfo|ECONNREFUSED|net::ERR_/i,
  /^\[(Extension Host|LocalProcess|Remote)\] (Started|debugger)/,
  /Extension host .*started|Started local extension host|Waiting for extension host/i,
  /workbench\.contrib|Settings Sync|update#|telemetry|issue reporter/i,
  /^(Resolving|Resolved) connection token|^Creating a socket|^Updating additional builtin extensions cache/,
  /^\[Service Worker\]|^ChatSessionStore|^\[perf\]/,
];
const isNoise = text => NOISE.some(re => re.test(text));

/** The relayed console arguments are still separate (mocha logs `'%d passing (%s)', n, time`). */
function formatArgs(args) {
  const list = Array.isArray(args) ? args : [args];
  return util.format(...list.map(a => (typeof a === 'object' && a !== null ? JSON.stringify(a) : a)));
}

/**
 * Forwards what the workbench logs. Test output comes from the extension host's console, which the
 * workbench relays; everything else is shown only with BACKEND_PATH_VERBOSE.
 */
function makeLogger(verbose, onSummary) {
  return (type, args) => {
    const text = formatArgs(args);
    const summary = /^(\d+) passed, (\d+) failed$/.exec(text.trim());
    if (summary) onSummary(Number(summary[1]), Number(summary[2]));
    if (!verbose && isNoise(text)) return;
    (type === 'error' ? process.stderr : process.stdout).write(text.endsWith('\n') ? text : `${text}\n`);
  };
}

/**
 * One run of a suite set in a fresh profile and workspace.
 * Resolves to the tests' exit code and mocha's counts (undefined when the index never reported).
 */
export async function runInCodeServer({
  suite = 'trusted',
  extensionDevelopmentPaths = [repoRoot],
  timeoutMs = 8 * 60_000,
  keep = false,
  verbose = !!process.env.BACKEND_PATH_VERBOSE,
  env = learnerEnv(),
  onWorkbench,
} = {}) {
  const { entry, trustWorkspace } = SUITES[suite];
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `backend-path-vscode-${suite}-`));
  const userDataDir = path.join(tmp, 'user-data');
  const extensionsDir = path.join(tmp, 'extensions');
  const folder = path.join(tmp, 'workspace');
  fs.mkdirSync(folder, { recursive: true });
  fs.writeFileSync(path.join(folder, 'README.md'), `# ${suite} test workspace\n`);

  console.log(`\n=== ${suite} suites (workspace trust ${trustWorkspace ? 'disabled: trusted' : 'enabled: Restricted Mode'}) ===`);
  const started = Date.now();
  let finish;
  const exited = new Promise(resolve => { finish = resolve; });
  let workbench;
  let timer;
  const counts = { passed: undefined, failed: undefined };
  try {
    workbench = await launchWorkbench({
      folder, userDataDir, extensionsDir, trustWorkspace,
      // The extension host inherits code-server's environment; the tests read these.
      env: { ...env, BACKEND_PATH_TEST_WORKSPACE: folder, BACKEND_PATH_TEST_SUITE: suite },
      extensionDevelopmentPaths,
      extensionTestsPath: path.join(integrationOut, entry),
      onLog: makeLogger(verbose, (passed, failed) => Object.assign(counts, { passed, failed })),
      onExit: code => finish(code),
    });
    if (verbose) workbench.page.on('pageerror', err => console.error('[page error]', err));
    // The benchmark watches the page while the suite runs in the extension host.
    const watching = onWorkbench?.(workbench);
    const timeout = new Promise(resolve => { timer = setTimeout(() => resolve('timeout'), timeoutMs); });
    const code = await Promise.race([exited, timeout]);
    if (code === 'timeout') {
      console.error(`✖ ${suite} run did not finish within ${timeoutMs / 1000} s`);
      if (!verbose) console.error(workbench.server.output().split('\n').slice(-40).join('\n'));
      return { code: 1, ...counts };
    }
    await watching;
    console.log(`=== ${suite}: exit code ${code} after ${((Date.now() - started) / 1000).toFixed(1)} s ===`);
    return { code, ...counts };
  } finally {
    clearTimeout(timer);
    await workbench?.close();
    if (keep) console.log(`kept ${tmp}`);
    else fs.rmSync(tmp, { recursive: true, force: true });
  }
}

const USAGE = 'node scripts/runVsCodeTests.mjs [--suite trusted|untrusted|all|bench] [--no-build] [--keep] [--extension <dir>]... [--grep <text>] [--timeout <minutes>]';

/** The suite names (plus `all`) a command line may ask for; shared with runElectronTests.mjs. */
export function suitesOption(value, usage) {
  if (value === undefined || value === 'all') return ['trusted', 'untrusted'];
  if (!Object.hasOwn(SUITES, value)) throw new UsageError(`unknown suite "${value}" (trusted, untrusted, all, bench)\nusage: ${usage}`);
  return [value];
}

function options() {
  const { values } = parseCommandLine({
    usage: USAGE,
    options: {
      suite: { type: 'string' },
      'no-build': { type: 'boolean' },
      keep: { type: 'boolean' },
      extension: { type: 'string', multiple: true },
      grep: { type: 'string' },
      timeout: { type: 'string' },
    },
  });
  if (values.grep !== undefined) process.env.BACKEND_PATH_TEST_GREP = values.grep;
  return {
    suites: suitesOption(values.suite, USAGE),
    build: !values['no-build'],
    keep: !!values.keep,
    extensions: (values.extension ?? []).map(dir => path.resolve(dir)),
    timeoutMin: numberOption(values, 'timeout', { min: 1, usage: USAGE }) ?? 30,
  };
}

async function main() {
  const opts = options();
  const started = Date.now();
  // Whatever hangs (install, server, browser, a test), the whole run ends in time and fails.
  const results = [];
  const globalTimer = setTimeout(() => {
    console.error(`✖ test:vscode exceeded ${opts.timeoutMin} min; stopping everything`);
    console.log(`${results.reduce((n, r) => n + (r.passed ?? 0), 0)} passed, ${results.reduce((n, r) => n + (r.failed ?? 0), 0) + 1} failed`);
    process.exit(1); // codeServer.mjs's exit hook kills the servers; Playwright kills Chromium
  }, opts.timeoutMin * 60_000);
  globalTimer.unref();

  if (opts.build) buildExtension();
  await compileIntegrationTests();
  await ensureCodeServer();
  const extensionDevelopmentPaths = opts.extensions.length ? opts.extensions : [repoRoot];
  for (const suite of opts.suites) {
    const remaining = opts.timeoutMin * 60_000 - (Date.now() - started);
    results.push({ suite, ...await runInCodeServer({ suite, extensionDevelopmentPaths, keep: opts.keep, timeoutMs: remaining }) });
  }
  console.log(`\ntest:vscode ${results.map(r => `${r.suite}: ${r.code === 0 ? 'ok' : `FAILED (exit ${r.code})`}`).join(', ')}`
    + ` in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const ok = results.every(r => r.code === 0 && r.failed === 0);
  const passed = results.reduce((n, r) => n + (r.passed ?? 0), 0);
  // A run that crashed before mocha reported counts as one failure, so the total never reads clean.
  const failed = results.reduce((n, r) => n + (r.failed ?? (r.code === 0 ? 0 : 1)), 0);
  console.log(`${passed} passed, ${ok ? 0 : Math.max(failed, 1)} failed`);
  return ok ? 0 : 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runMain(main);
}
