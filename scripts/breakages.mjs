// `npm run test:breakages [-- --only <id>] [--keep]`
// The nine breakages issue 13 found passing every unit test, applied one at a time as small source
// edits in a temporary copy of the repository (tracked files are never modified). For each one the
// script bundles only the unit tests that guard it, runs them, and expects at least one to fail:
// a breakage the tests do not notice is reported as SURVIVED and the script exits 1. The same tests
// run first on the unbroken copy and must pass, so a "kill" is never a test that fails anyway.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';

const ROOT = join(import.meta.dirname, '..');

// The session's own tests are enough; the message fuzzing (robustness/webviewMessages) kills them too but takes a minute.
const SESSION_TESTS = ['test/unit/lessonSession.test.ts'];

/**
 * Each breakage replaces `from` (which must occur exactly once in `file`) by `to`. `tests` are the
 * unit test files expected to notice it.
 */
export const BREAKAGES = [
  {
    id: 'terminal-trust',
    name: 'trust check removed from Run in terminal',
    file: 'src/lessonPanel/lessonActions.ts',
    from: "  if (!trusted) return 'untrusted';\n",
    to: '',
    tests: SESSION_TESTS,
  },
  {
    id: 'terminal-confirmation',
    name: 'confirmation removed from Run in terminal',
    file: 'src/lessonPanel/lessonActions.ts',
    from: '      if (!(await host.confirmRun(block.code))) return;\n',
    to: '',
    tests: SESSION_TESTS,
  },
  {
    id: 'unknown-skill',
    name: 'unknown-skill check removed from the message handler',
    file: 'src/lessonPanel/lessonSession.ts',
    from: "if ('skillId' in message && !findSkill(await this.deps.library.catalog(), message.skillId)) {",
    to: 'if (false) {',
    tests: SESSION_TESTS,
  },
  {
    id: 'runnable-block',
    name: 'runnable-block check removed from Run in terminal',
    file: 'src/lessonPanel/lessonActions.ts',
    from: "  if (runKind(block) !== 'terminal') return 'notRunnable';\n",
    to: '',
    tests: SESSION_TESTS,
  },
  {
    id: 'check-trust',
    name: 'Check Exercise trust check removed',
    file: 'src/commands/exerciseCommands.ts',
    from: 'if (!vscode.workspace.isTrusted) {',
    to: 'if (false) {',
    tests: ['test/unit/exerciseCommands.test.ts'],
  },
  {
    id: 'writer-overwrites',
    name: 'scaffold writer always overwrites',
    file: 'src/scaffold/applyScaffold.ts',
    from: 'new Set(overwrite ? plan.conflicts : [])',
    to: 'new Set(plan.conflicts)',
    tests: ['test/unit/scaffold.test.ts', 'test/unit/robustness/scaffoldWriter.test.ts'],
  },
  {
    id: 'link-recheck',
    name: 'link re-check removed from Open external link',
    file: 'src/lessonPanel/lessonActions.ts',
    from: 'const checked = checkExternalUrl(href);',
    to: 'const checked = { ok: true as const, url: href };',
    tests: SESSION_TESTS,
  },
  {
    id: 'csp-unsafe-hashes',
    name: "CSP gains 'unsafe-hashes' data:",
    file: 'src/lessonPanel/pageHtml.ts',
    from: "`script-src 'nonce-${nonce}'`",
    to: "`script-src 'nonce-${nonce}' 'unsafe-hashes' data:`",
    tests: ['test/unit/pageHtml.test.ts'],
  },
  {
    id: 'disabled-buttons',
    name: 'disabled buttons ignored by the page script',
    file: 'webview/main.ts',
    from: "if (!button || button.hasAttribute('disabled')) return;",
    to: 'if (!button) return;',
    tests: ['test/unit/pageScript.test.ts'],
  },
];

const { values } = parseArgs({
  options: {
    only: { type: 'string', multiple: true },
    keep: { type: 'boolean', default: false },
  },
});
const chosen = values.only ? BREAKAGES.filter((breakage) => values.only.includes(breakage.id)) : BREAKAGES;
if (values.only) for (const id of values.only) if (!BREAKAGES.some((breakage) => breakage.id === id)) throw new Error(`unknown breakage "${id}"; known: ${BREAKAGES.map((b) => b.id).join(', ')}`);

const started = Date.now();
const copy = mkdtempSync(join(realpathSync(tmpdir()), 'backend-path-breakages-'));

/** The repository's files as they are in the working tree (tracked and new, not ignored). */
function copyRepository() {
  const listed = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' });
  if (listed.status !== 0) throw new Error(`git ls-files failed: ${listed.stderr}`);
  for (const file of listed.stdout.split('\0').filter(Boolean)) {
    const from = join(ROOT, file);
    if (!existsSync(from)) continue; // deleted in the working tree
    mkdirSync(dirname(join(copy, file)), { recursive: true });
    cpSync(from, join(copy, file), { verbatimSymlinks: true });
  }
  symlinkSync(realpathSync(join(ROOT, 'node_modules')), join(copy, 'node_modules'), 'dir');
}

/** Bundles the given test files (and the render worker some of them start) as `npm run test:unit` does. */
async function buildTests(tests) {
  rmSync(join(copy, 'out'), { recursive: true, force: true });
  await esbuild.build({
    absWorkingDir: copy,
    bundle: true,
    logLevel: 'error',
    sourcemap: false,
    entryPoints: tests,
    outdir: 'out/test/unit',
    outbase: 'test/unit',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode', 'esbuild'],
  });
  await esbuild.build({
    absWorkingDir: copy,
    bundle: true,
    logLevel: 'error',
    entryPoints: ['src/lessons/renderWorker.ts'],
    outfile: 'out/test/unit/renderWorker.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
  });
}

/** Runs the bundled tests; true when they all pass. */
function runTests(tests) {
  const specs = tests.map((test) => join('out', test.replace(/\.ts$/, '.js')));
  const result = spawnSync(process.execPath, [join(copy, 'node_modules', 'mocha', 'bin', 'mocha.js'), '--no-config', '--timeout', '20000', '--reporter', 'dot', ...specs], {
    cwd: copy,
    encoding: 'utf8',
  });
  return { passed: result.status === 0, output: `${result.stdout}${result.stderr}` };
}

function failingTitles(output) {
  // mocha's dot reporter lists each failure as "  N) suite\n       title:"
  const titles = [...output.matchAll(/^\s+\d+\) (.+)\n\s+(.+?):?$/gm)].map((match) => `${match[1].trim()} › ${match[2].trim()}`);
  return titles.slice(0, 3);
}

let survived = 0;
let broken = 0;
try {
  copyRepository();
  const allTests = [...new Set(chosen.flatMap((breakage) => breakage.tests))];
  for (const test of allTests) if (!existsSync(join(copy, test))) throw new Error(`${test} does not exist`);
  await buildTests(allTests);
  const baseline = runTests(allTests);
  if (!baseline.passed) {
    console.error(baseline.output);
    throw new Error('the guarding tests fail on the unbroken code, so no breakage can be judged');
  }
  console.log(`Baseline: ${allTests.length} test files pass on the unbroken copy.`);
  for (const breakage of chosen) {
    const path = join(copy, breakage.file);
    const original = readFileSync(path, 'utf8');
    const occurrences = original.split(breakage.from).length - 1;
    if (occurrences !== 1) {
      broken += 1;
      console.log(`  ✗ ${breakage.id}: the edit no longer applies (${occurrences} matches in ${breakage.file}); update scripts/breakages.mjs`);
      continue;
    }
    writeFileSync(path, original.replace(breakage.from, breakage.to));
    try {
      await buildTests(breakage.tests);
      const run = runTests(breakage.tests);
      if (run.passed) {
        survived += 1;
        console.log(`  ✗ SURVIVED ${breakage.id}: ${breakage.name} (${breakage.tests.join(', ')} all pass)`);
      } else {
        const titles = failingTitles(run.output);
        console.log(`  ✓ killed ${breakage.id}: ${breakage.name}${titles.length ? `\n      by ${titles.join('\n      by ')}` : ''}`);
      }
    } catch (error) {
      // A breakage that does not even build is caught by the build, not by a test: not a kill.
      broken += 1;
      console.log(`  ✗ ${breakage.id}: the broken copy does not build (${error.message.split('\n')[0]})`);
    } finally {
      writeFileSync(path, original);
    }
  }
} finally {
  if (values.keep) console.log(`Copy kept at ${copy}`);
  else rmSync(copy, { recursive: true, force: true });
}
const seconds = Math.round((Date.now() - started) / 1000);
const killed = chosen.length - survived - broken;
console.log(`\nBreakages: ${killed} of ${chosen.length} killed by the unit tests, ${survived} survived, ${broken} could not be applied (${seconds} s).`);
process.exitCode = survived + broken === 0 ? 0 : 1;
