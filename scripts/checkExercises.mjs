#!/usr/bin/env node
// npm run check:exercises [-- --only 01-http-fundamentals]
// Proves every exercise measures the skill: its tests must FAIL on starter/, PASS on starter/ with
// solution/ laid over it, and FAIL on every mutant (starter/, then solution/, then mutants/<name>/), each
// a plausible wrong solution. A mutant counts as killed only when every test ran and at least one
// failed: a crash before testing proves nothing. Counts come from JUnit XML, not from scraping text.
// PHP exercises run with the real php + PHPUnit on PATH (or $PHPUNIT), Node exercises with Node 24.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { ensureNode24 } from './lib/node24.mjs';
import { importTs, root } from './lib/runTs.mjs';

const TIMEOUT_MS = 60_000;
const { values: args } = parseArgs({ options: { only: { type: 'string' } } });
const node24 = ensureNode24();
const phpunit = process.env.PHPUNIT || 'phpunit';
const { countJunit } = await importTs('scripts/exercises/junitCounts.ts');
const { readMutants, checkMutantsLayout } = await importTs('scripts/lint/exerciseRules.ts');

function runTests(language, cwd) {
  const started = Date.now();
  const report = join(cwd, '.check-junit.xml');
  rmSync(report, { force: true });
  const [command, commandArgs, env] =
    language === 'node'
      ? [
          node24,
          ['--test', '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=junit', `--test-reporter-destination=${report}`],
          { ...process.env, PATH: `${dirname(node24)}${delimiter}${process.env.PATH}`, NO_COLOR: '1' },
        ]
      : [phpunit, ['--colors=never', '--log-junit', report], process.env];
  const result = spawnSync(command, commandArgs, { cwd, env, encoding: 'utf8', timeout: TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024 });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.error) return { status: result.error.code === 'ETIMEDOUT' ? 'timeout' : 'error', seconds, output: `${command}: ${result.error.message}\n${output}` };
  const counts = existsSync(report) ? countJunit(readFileSync(report, 'utf8')) : undefined;
  return { status: result.status === 0 ? 'pass' : 'fail', counts, seconds, output };
}

const describe = (run) =>
  run.counts ? `${run.status}, ${run.counts.failed} of ${run.counts.tests} tests failed, ${run.seconds}s` : `${run.status} with no test report, ${run.seconds}s`;

/** Lays `overlays` over a copy of starter/ in order and runs the tests there. */
function overlayRun(exerciseDir, language, ...overlays) {
  const work = mkdtempSync(join(tmpdir(), 'bp-exercise-'));
  try {
    cpSync(join(exerciseDir, 'starter'), work, { recursive: true });
    for (const overlay of overlays) cpSync(overlay, work, { recursive: true, filter: (source) => !source.endsWith('mutant.json') });
    return runTests(language, work);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const lessons = join(root, 'lessons');
// The extension's own catalog parser: validated, and the same folder names the extension uses.
const { parseCatalog } = await importTs('src/curriculum/parseCatalog.ts');
const folders = parseCatalog(readFileSync(join(lessons, 'curriculum.json'), 'utf8')).skills.map((skill) => skill.folder);
const totals = { exercises: 0, passed: 0, mutants: 0, killed: 0 };
const problems = [];

for (const folder of folders.sort()) {
  if (args.only && args.only !== folder) continue;
  totals.exercises += 1;
  const exerciseDir = join(lessons, folder, 'exercise');
  if (!existsSync(join(exerciseDir, 'exercise.json'))) {
    problems.push(`${folder}: no exercise`);
    continue;
  }
  const spec = JSON.parse(readFileSync(join(exerciseDir, 'exercise.json'), 'utf8'));
  const exerciseProblems = [];
  const starter = overlayRun(exerciseDir, spec.language);
  // A starter must fail because tests fail, not because the runner crashed before testing anything.
  if (!(starter.status === 'fail' && starter.counts?.failed > 0)) exerciseProblems.push(`starter did NOT fail properly (${describe(starter)})`);
  const solved = overlayRun(exerciseDir, spec.language, join(exerciseDir, 'solution'));
  const solvedOk = solved.status === 'pass' && solved.counts?.tests > 0 && solved.counts.failed === 0;
  if (!solvedOk) exerciseProblems.push(`solution does NOT pass (${describe(solved)})`);
  const { mutants } = readMutants(join(exerciseDir, 'mutants'));
  // At least three plausible wrong solutions, one of each kind, each changing only learner files.
  exerciseProblems.push(...checkMutantsLayout(join(exerciseDir, 'mutants'), spec.files ?? []));
  const mutantLines = [];
  for (const mutant of mutants) {
    totals.mutants += 1;
    // A mutant is a correct solution with one deliberate flaw: lay the solution, then the flawed file(s).
    const run = overlayRun(exerciseDir, spec.language, join(exerciseDir, 'solution'), mutant.dir);
    const allRan = solvedOk && run.counts?.tests === solved.counts.tests;
    const killed = run.status === 'fail' && run.counts?.failed > 0 && allRan;
    if (killed) {
      totals.killed += 1;
      mutantLines.push(`    ✓ ${mutant.name} (${mutant.kind}) killed by "${run.counts.failures[0].name}": ${run.counts.failures[0].message}`);
    } else {
      const why = run.status === 'pass' ? 'SURVIVED: every test passed' : !allRan ? `did not run every test (${describe(run)}) — a crash or a hang proves nothing` : describe(run);
      exerciseProblems.push(`mutant ${mutant.name} (${mutant.flaw}) ${why}`);
      mutantLines.push(`    ✗ ${mutant.name} (${mutant.kind}) ${why}`);
    }
  }
  const ok = exerciseProblems.length === 0;
  if (ok) totals.passed += 1;
  console.log(
    `${ok ? '✓' : '✗'} ${folder} (${spec.language}): starter ${describe(starter)}; solution ${describe(solved)}; mutants ${mutantLines.filter((line) => line.includes('✓')).length}/${mutants.length} killed`,
  );
  for (const line of mutantLines) console.log(line);
  if (!ok) {
    problems.push(...exerciseProblems.map((problem) => `${folder}: ${problem}`));
    if (!solvedOk) console.log(solved.output.split('\n').slice(-60).join('\n'));
  }
}

if (problems.length > 0) console.error(`\nProblems:\n- ${problems.join('\n- ')}`);
console.log(`\ncheck:exercises: ${totals.exercises} exercises, ${totals.mutants} mutants, ${totals.killed} killed; ${totals.passed} passed, ${totals.exercises - totals.passed} failed`);
process.exitCode = problems.length === 0 ? 0 : 1;
