#!/usr/bin/env node
// Runs the test suites of the starter projects in templates/ exactly as a
// learner would get them: each template is copied to a fresh temporary
// directory (without vendor/, node_modules/, databases ...) and tested there.
//
//   node scripts/testTemplates.mjs            # all templates
//   node scripts/testTemplates.mjs php        # only templates/php
//
// PHP:  composer dump-autoload --quiet, then phpunit (the one on PATH, or $PHPUNIT).
// Node: node --test with a Node 24 binary: $BACKEND_PATH_NODE24, or
//       ${XDG_CACHE_HOME:-~/.cache}/backend-path/node24/node_modules/.bin/node,
//       installed there with `npm install --prefix <dir> node@24` when missing.
//
// Output is streamed; the last line is "N passed, N failed" (counting
// templates) and the exit code is non-zero if any template failed.
// Plain Node ESM without dependencies; runs on Node 20.

import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureNode24 } from './lib/node24.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const TEMPLATES = join(ROOT, 'templates');
const IS_WINDOWS = process.platform === 'win32';

/** Never copied: installed or generated, and must not influence the tests. */
const SKIP = new Set(['vendor', 'node_modules', 'composer.lock', '.env', '.phpunit.cache', '.phpunit.result.cache']);
const SKIP_EXTENSIONS = ['.sqlite', '.sqlite-journal', '.sqlite-wal', '.sqlite-shm'];

class StepError extends Error {}

/** Run a command with inherited stdio (streamed output); throw if it fails. */
function run(command, args, options = {}) {
  console.log(`$ ${[command, ...args].join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', shell: IS_WINDOWS, ...options });
  if (result.error) {
    throw new StepError(
      result.error.code === 'ENOENT' ? `${command} not found on PATH` : `${command}: ${result.error.message}`,
    );
  }
  if (result.status !== 0) {
    throw new StepError(`${command} exited with ${result.status ?? result.signal}`);
  }
}

function copyTemplate(name) {
  const target = mkdtempSync(join(tmpdir(), `backend-path-${name}-`));
  cpSync(join(TEMPLATES, name), target, {
    recursive: true,
    filter: (source) => {
      const file = basename(source);
      return !SKIP.has(file) && !SKIP_EXTENSIONS.some((extension) => file.endsWith(extension));
    },
  });
  return target;
}

const suites = {
  php(dir) {
    run('composer', ['dump-autoload', '--quiet'], { cwd: dir });
    run(process.env.PHPUNIT || 'phpunit', [], { cwd: dir });
  },

  node(dir) {
    let node;
    try {
      node = ensureNode24(); // installs node@24 into the cache on first use, and checks it is v24
    } catch (error) {
      throw new StepError(error.message);
    }
    console.log(`Using Node 24 (${node})`);
    // Put that Node first on PATH so any child process the tests start uses it too.
    const env = { ...process.env, PATH: `${dirname(node)}${delimiter}${process.env.PATH ?? ''}` };
    delete env.NODE_OPTIONS; // options meant for the Node running this script, not the tests
    run(node, ['--test'], { cwd: dir, env });
  },
};

const requested = process.argv.slice(2);
const names = requested.length > 0 ? requested : Object.keys(suites);
let passed = 0;
let failed = 0;

for (const name of names) {
  console.log(`\n=== templates/${name} ===`);
  let dir;
  try {
    if (!suites[name]) throw new StepError(`unknown template "${name}" (known: ${Object.keys(suites).join(', ')})`);
    if (!existsSync(join(TEMPLATES, name))) throw new StepError(`templates/${name} does not exist`);
    dir = copyTemplate(name);
    console.log(`Copied to ${dir}`);
    suites[name](dir);
    passed += 1;
    console.log(`templates/${name}: PASS`);
  } catch (error) {
    if (!(error instanceof StepError)) throw error;
    failed += 1;
    console.log(`templates/${name}: FAIL (${error.message})`);
  } finally {
    if (dir && !process.env.KEEP_TEMPLATE_DIRS) rmSync(dir, { recursive: true, force: true });
  }
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
