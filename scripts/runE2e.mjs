#!/usr/bin/env node
// `npm run test:e2e`: clicks through the real workbench (code-server + headless Chromium) as a
// learner would. Each test/e2e/*.e2e.mjs file gets a fresh profile and workspace and exports
//   export const options = { trustWorkspace, settings };          (optional)
//   export default [{ name, fn: async (ctx) => {…} }, …];          (run in order, sharing the page)
//
//   node scripts/runE2e.mjs [--no-build] [--keep] [--grep <text>] [--timeout <minutes>] [--update-screenshots]
//
// Screenshots go to out/e2e/images/ (ignored), so a test run changes no tracked file;
// --update-screenshots writes them to docs/images/ for the README instead.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureCodeServer } from './lib/codeServer/install.mjs';
import { writeUserSettings } from './lib/codeServer/server.mjs';
import { launchWorkbench } from './lib/codeServer/browser.mjs';
import { numberOption, parseCommandLine, runMain } from './lib/cli.mjs';
import { buildExtension, learnerEnv, repoRoot } from './runVsCodeTests.mjs';

const e2eDir = path.join(repoRoot, 'test', 'e2e');
const failureDir = path.join(repoRoot, 'out', 'e2e');
const TEST_TIMEOUT_MS = Number(process.env.BACKEND_PATH_E2E_TEST_TIMEOUT) || 90_000;

const USAGE = 'node scripts/runE2e.mjs [--no-build] [--keep] [--grep <text>] [--timeout <minutes>] [--update-screenshots]';

function options() {
  const { values } = parseCommandLine({
    usage: USAGE,
    options: {
      'no-build': { type: 'boolean' }, keep: { type: 'boolean' }, grep: { type: 'string' }, timeout: { type: 'string' },
      'update-screenshots': { type: 'boolean' },
    },
  });
  return {
    build: !values['no-build'],
    keep: !!values.keep,
    grep: values.grep,
    timeoutMin: numberOption(values, 'timeout', { min: 1, usage: USAGE }) ?? 20, // a hard stop; about 4 minutes on an idle 2-core machine, 10+ under a heavy load
    imagesDir: values['update-screenshots'] ? path.join(repoRoot, 'docs', 'images') : path.join(failureDir, 'images'),
  };
}

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms / 1000} s`)), ms); }),
  ]).finally(() => clearTimeout(timer));
}

async function runFile(file, opts, counts) {
  const mod = await import(pathToFileURL(file).href);
  const tests = (mod.default ?? []).filter(t => !opts.grep || t.name.includes(opts.grep));
  const options = mod.options ?? {};
  console.log(`\n${path.relative(repoRoot, file)}`);
  if (!tests.length) return;

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'backend-path-e2e-'));
  const userDataDir = path.join(tmp, 'user-data');
  const workspace = path.join(tmp, 'workspace');
  fs.mkdirSync(workspace, { recursive: true });
  fs.writeFileSync(path.join(workspace, 'README.md'), '# e2e workspace\n');
  const verbose = !!process.env.BACKEND_PATH_VERBOSE;
  let workbench;
  try {
    workbench = await launchWorkbench({
      folder: workspace,
      userDataDir,
      extensionsDir: path.join(tmp, 'extensions'),
      trustWorkspace: options.trustWorkspace ?? true,
      settings: options.settings,
      env: learnerEnv(),
      extensionDevelopmentPaths: [repoRoot],
      onLog: verbose ? (type, args) => console.log(`  [workbench ${type}]`, ...(Array.isArray(args) ? args : [args])) : undefined,
    });
    const { page } = workbench;
    // The launcher returns once the page is navigating; the tests' time starts when it has loaded.
    await page.waitForLoadState('load', { timeout: 180_000 });
    if (verbose) page.on('pageerror', err => console.error('  [page error]', err.message));
    const ctx = {
      page,
      workbench,
      workspace,
      userDataDir,
      repoRoot,
      imagesDir: opts.imagesDir,
      /** Changes user settings the way a learner's settings.json edit would; VS Code picks it up live. */
      setSettings: settings => writeUserSettings(userDataDir, { settings }),
      screenshot: async (name, options = {}) => {
        fs.mkdirSync(ctx.imagesDir, { recursive: true });
        const file = path.join(ctx.imagesDir, name);
        await page.screenshot({ path: file, ...options });
        return file;
      },
    };
    for (const test of tests) {
      const started = Date.now();
      try {
        await withTimeout(Promise.resolve().then(() => test.fn(ctx)), test.timeout ?? TEST_TIMEOUT_MS, test.name);
        counts.passed++;
        console.log(`  ✔ ${test.name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
      } catch (err) {
        counts.failed++;
        console.log(`  ✖ ${test.name}`);
        console.log(`      ${(err.stack || String(err)).split('\n').slice(0, 6).join('\n      ')}`);
        fs.mkdirSync(failureDir, { recursive: true });
        const shot = path.join(failureDir, `failure-${test.name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.png`);
        await page.screenshot({ path: shot }).then(() => console.log(`      screenshot: ${path.relative(repoRoot, shot)}`), () => {});
      }
    }
  } finally {
    await workbench?.close();
    if (opts.keep) console.log(`kept ${tmp}`);
    else fs.rmSync(tmp, { recursive: true, force: true });
  }
}

async function main() {
  const opts = options();
  const started = Date.now();
  const globalTimer = setTimeout(() => {
    console.error(`✖ test:e2e exceeded ${opts.timeoutMin} min; stopping everything`);
    process.exit(1);
  }, opts.timeoutMin * 60_000);
  globalTimer.unref();

  if (opts.build) buildExtension();
  await ensureCodeServer();
  const files = fs.readdirSync(e2eDir).filter(f => f.endsWith('.e2e.mjs')).sort().map(f => path.join(e2eDir, f));
  const counts = { passed: 0, failed: 0 };
  for (const file of files) {
    try {
      await runFile(file, opts, counts);
    } catch (err) {
      counts.failed++;
      console.log(`  ✖ ${path.basename(file)} could not run: ${err.stack || err}`);
    }
  }
  console.log(`\ntest:e2e finished in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`${counts.passed} passed, ${counts.failed} failed`);
  return counts.failed === 0 && counts.passed > 0 ? 0 : 1;
}

runMain(main);
