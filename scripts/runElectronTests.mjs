#!/usr/bin/env node
// `npm run test:electron`: the same compiled integration suites as test:vscode, launched by
// @vscode/test-electron in desktop VS Code, for machines that can download VS Code (or that point
// VSCODE_EXECUTABLE at an installed one). Offline machines use `npm run test:vscode` instead.
//
//   node scripts/runElectronTests.mjs [--suite trusted|untrusted|all] [--no-build] [--extension <dir>]...
//
// BACKEND_PATH_VSCODE_VERSION picks the VS Code version (default 1.100.3, the one code-server ships,
// so both launchers test the same VS Code).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildExtension, compileIntegrationTests, integrationOut, learnerEnv, repoRoot, SUITES, suitesOption } from './runVsCodeTests.mjs';
import { writeUserSettings } from './lib/codeServer/server.mjs';
import { parseCommandLine, runMain } from './lib/cli.mjs';

const version = process.env.BACKEND_PATH_VSCODE_VERSION || '1.100.3';

const USAGE = 'node scripts/runElectronTests.mjs [--suite trusted|untrusted|all] [--no-build] [--extension <dir>]... [--grep <text>]';

function options() {
  const { values } = parseCommandLine({
    usage: USAGE,
    options: { suite: { type: 'string' }, 'no-build': { type: 'boolean' }, extension: { type: 'string', multiple: true }, grep: { type: 'string' } },
  });
  if (values.grep !== undefined) process.env.BACKEND_PATH_TEST_GREP = values.grep;
  return { suites: suitesOption(values.suite, USAGE), build: !values['no-build'], extensions: (values.extension ?? []).map(dir => path.resolve(dir)) };
}

async function vscodeExecutable(electron) {
  if (process.env.VSCODE_EXECUTABLE) return process.env.VSCODE_EXECUTABLE;
  try {
    return await electron.downloadAndUnzipVSCode({ version, cachePath: path.join(repoRoot, '.vscode-test') });
  } catch (err) {
    throw new Error(
      `could not download VS Code ${version} (${err.message || err}).\n`
      + '  test:electron needs network access to update.code.visualstudio.com, or VSCODE_EXECUTABLE set to\n'
      + '  an installed VS Code binary. Offline, run the same suites with: npm run test:vscode',
    );
  }
}

/** @vscode/test-electron always passes --disable-workspace-trust; Restricted Mode needs our own spawn. */
function runUntrusted(executable, args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(executable, args, { env: { ...process.env, ...env }, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(signal ? 1 : code ?? 1));
  });
}

async function main() {
  const opts = options();
  const electron = await import('@vscode/test-electron');
  if (opts.build) buildExtension();
  await compileIntegrationTests();
  const executable = await vscodeExecutable(electron);
  const extensionDevelopmentPath = opts.extensions.length ? opts.extensions : [repoRoot];
  const results = [];
  for (const suite of opts.suites) {
    const { entry, trustWorkspace } = SUITES[suite];
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `backend-path-electron-${suite}-`));
    const userDataDir = path.join(tmp, 'user-data');
    const workspace = path.join(tmp, 'workspace');
    fs.mkdirSync(workspace, { recursive: true });
    writeUserSettings(userDataDir, { trustWorkspace });
    const profile = [`--user-data-dir=${userDataDir}`, `--extensions-dir=${path.join(tmp, 'extensions')}`];
    const extensionTestsPath = path.join(integrationOut, entry);
    const env = {
      ...learnerEnv(), // Node 24 first on PATH for the exercise checks
      BACKEND_PATH_TEST_WORKSPACE: workspace,
      BACKEND_PATH_TEST_SUITE: suite,
      ...(process.env.BACKEND_PATH_TEST_GREP ? { BACKEND_PATH_TEST_GREP: process.env.BACKEND_PATH_TEST_GREP } : {}),
    };
    console.log(`\n=== ${suite} suites in VS Code ${version} (Electron) ===`);
    let code;
    try {
      if (trustWorkspace) {
        code = await electron.runTests({
          vscodeExecutablePath: executable,
          extensionDevelopmentPath,
          extensionTestsPath,
          extensionTestsEnv: env,
          launchArgs: [workspace, '--disable-workspace-trust', '--disable-extensions', ...profile],
        });
      } else {
        code = await runUntrusted(executable, [
          workspace, '--no-sandbox', '--disable-gpu-sandbox', '--disable-updates', '--skip-welcome',
          '--skip-release-notes', '--disable-extensions', ...profile,
          ...extensionDevelopmentPath.map(p => `--extensionDevelopmentPath=${p}`),
          `--extensionTestsPath=${extensionTestsPath}`,
        ], env);
      }
    } catch (err) {
      // runTests rejects with TestRunFailedError when the tests fail.
      code = typeof err?.code === 'number' ? err.code : 1;
      if (typeof err?.code !== 'number') console.error(err);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
    results.push([suite, code]);
  }
  console.log(`\ntest:electron ${results.map(([s, c]) => `${s}: ${c === 0 ? 'ok' : `FAILED (${c})`}`).join(', ')}`);
  return results.every(([, c]) => c === 0) ? 0 : 1;
}

runMain(main);
