#!/usr/bin/env node
// npm run check:exercises [-- --only 01-http-fundamentals] [-- --stack php|node] [-- --jobs N]
// Proves every exercise measures the skill: its tests must FAIL on starter/, PASS on starter/ with
// solution/ laid over it, and FAIL on every mutant (starter/, then solution/, then mutants/<name>/), each
// a plausible wrong solution. A mutant counts as killed only when every test ran and at least one
// failed: a crash before testing proves nothing. Counts come from JUnit XML, not from scraping text.
// PHP exercises run with the real php + PHPUnit on PATH (or $PHPUNIT), Node exercises with Node 24.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { ensureNode24 } from './lib/node24.mjs';
import { importTs, root } from './lib/runTs.mjs';

const TIMEOUT_MS = 60_000;
const { values: args } = parseArgs({ options: { only: { type: 'string' }, stack: { type: 'string' }, jobs: { type: 'string' } } });
// Exercises run side by side (each in its own temp folder); a mutant's runs stay in order.
const jobs = Math.max(1, Number.parseInt(args.jobs ?? '', 10) || availableParallelism());
const node24 = ensureNode24();
const phpunit = process.env.PHPUNIT || 'phpunit';
// The extension's own JUnit reader, so the checker and Check Exercise count tests the same way.
const { parseJUnit } = await importTs('src/exercises/junitReport.ts');
const { readMutants, checkMutantsLayout } = await importTs('scripts/lint/exerciseRules.ts');

/** Runs a command to completion (or the time limit) without blocking the other exercises. */
function run(command, commandArgs, options) {
  return new Promise((resolve) => {
    const child = spawn(command, commandArgs, { ...options, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let output = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid, 'SIGKILL'); // the whole group: test runners start children
      } catch {
        child.kill('SIGKILL');
      }
    }, TIMEOUT_MS);
    const collect = (chunk) => {
      if (output.length < 16 * 1024 * 1024) output += chunk;
    };
    child.stdout.setEncoding('utf8').on('data', collect);
    child.stderr.setEncoding('utf8').on('data', collect);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ status: null, output, error });
    });
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, output, error: timedOut ? Object.assign(new Error(`timed out after ${TIMEOUT_MS / 1000} s`), { code: 'ETIMEDOUT' }) : undefined });
    });
  });
}

async function runTests(language, cwd) {
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
  const result = await run(command, commandArgs, { cwd, env });
  const output = result.output;
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.error) return { status: result.error.code === 'ETIMEDOUT' ? 'timeout' : 'error', seconds, output: `${command}: ${result.error.message}\n${output}` };
  const parsed = existsSync(report) ? parseJUnit(readFileSync(report, 'utf8')) : undefined;
  const counts = parsed && { tests: parsed.total, failed: parsed.failed, failures: parsed.failures };
  return { status: result.status === 0 ? 'pass' : 'fail', counts, seconds, output };
}

const describe = (run) =>
  run.counts ? `${run.status}, ${run.counts.failed} of ${run.counts.tests} tests failed, ${run.seconds}s` : `${run.status} with no test report, ${run.seconds}s`;

/** Lays `overlays` over a copy of starter/ in order and runs the tests there. */
async function overlayRun(exerciseDir, language, ...overlays) {
  const work = mkdtempSync(join(tmpdir(), 'bp-exercise-'));
  try {
    cpSync(join(exerciseDir, 'starter'), work, { recursive: true });
    for (const overlay of overlays) cpSync(overlay, work, { recursive: true, filter: (source) => !source.endsWith('mutant.json') });
    return await runTests(language, work);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const lessons = join(root, 'lessons');
// The extension's own catalog parser: validated, and the same folder names the extension uses.
const { parseCatalog } = await importTs('src/curriculum/parseCatalog.ts');
const { expectedStacks } = await importTs('src/curriculum/exerciseStacks.ts');
if (args.stack && args.stack !== 'php' && args.stack !== 'node') throw new Error(`--stack must be php or node, not "${args.stack}"`);
// Every exercise the path expects: one per stack the skill has (a missing one is reported, not skipped).
const exercises = parseCatalog(readFileSync(join(lessons, 'curriculum.json'), 'utf8'))
  .skills.flatMap((skill) => expectedStacks(skill.id).map((stack) => ({ folder: skill.folder, stack })))
  .sort((a, b) => a.folder.localeCompare(b.folder) || a.stack.localeCompare(b.stack));
const totals = { exercises: 0, passed: 0, mutants: 0, killed: 0 };
const problems = [];

async function checkExercise({ folder: skillFolder, stack }) {
  totals.exercises += 1;
  const lines = [];
  const folder = `${skillFolder}/${stack}`;
  const exerciseDir = join(lessons, skillFolder, 'exercise', stack);
  if (!existsSync(join(exerciseDir, 'exercise.json'))) {
    problems.push(`${folder}: no exercise`);
    return;
  }
  const spec = JSON.parse(readFileSync(join(exerciseDir, 'exercise.json'), 'utf8'));
  const exerciseProblems = [];
  const starter = await overlayRun(exerciseDir, spec.language);
  // A starter must fail because tests fail, not because the runner crashed before testing anything.
  if (!(starter.status === 'fail' && starter.counts?.failed > 0)) exerciseProblems.push(`starter did NOT fail properly (${describe(starter)})`);
  const solved = await overlayRun(exerciseDir, spec.language, join(exerciseDir, 'solution'));
  const solvedOk = solved.status === 'pass' && solved.counts?.tests > 0 && solved.counts.failed === 0;
  if (!solvedOk) exerciseProblems.push(`solution does NOT pass (${describe(solved)})`);
  const { mutants } = readMutants(join(exerciseDir, 'mutants'));
  // At least three plausible wrong solutions, one of each kind, each changing only learner files.
  exerciseProblems.push(...checkMutantsLayout(join(exerciseDir, 'mutants'), spec.files ?? []));
  const mutantLines = [];
  for (const mutant of mutants) {
    totals.mutants += 1;
    // A mutant is a correct solution with one deliberate flaw: lay the solution, then the flawed file(s).
    const run = await overlayRun(exerciseDir, spec.language, join(exerciseDir, 'solution'), mutant.dir);
    const allRan = solvedOk && run.counts?.tests === solved.counts.tests;
    const killed = run.status === 'fail' && run.counts?.failed > 0 && allRan;
    if (killed) {
      totals.killed += 1;
      mutantLines.push(`    ✓ ${mutant.name} (${mutant.kind}) killed by "${run.counts.failures[0].name}": ${run.counts.failures[0].message.split('\n')[0]}`);
    } else {
      const why = run.status === 'pass' ? 'SURVIVED: every test passed' : !allRan ? `did not run every test (${describe(run)}) — a crash or a hang proves nothing` : describe(run);
      exerciseProblems.push(`mutant ${mutant.name} (${mutant.flaw}) ${why}`);
      mutantLines.push(`    ✗ ${mutant.name} (${mutant.kind}) ${why}`);
    }
  }
  const ok = exerciseProblems.length === 0;
  if (ok) totals.passed += 1;
  lines.push(
    `${ok ? '✓' : '✗'} ${folder} (${spec.language}): starter ${describe(starter)}; solution ${describe(solved)}; mutants ${mutantLines.filter((line) => line.includes('✓')).length}/${mutants.length} killed`,
  );
  lines.push(...mutantLines);
  if (!ok) {
    problems.push(...exerciseProblems.map((problem) => `${folder}: ${problem}`));
    if (!solvedOk) lines.push(solved.output.split('\n').slice(-60).join('\n'));
  }
  // One exercise's report stays together although exercises run side by side.
  console.log(lines.join('\n'));
}

const queue = exercises.filter((exercise) => (!args.only || args.only === exercise.folder) && (!args.stack || args.stack === exercise.stack));
if (queue.length === 0) throw new Error(`no exercise matches --only ${args.only ?? '(any)'} --stack ${args.stack ?? '(any)'}`);
await Promise.all(
  Array.from({ length: Math.min(jobs, queue.length) }, async () => {
    for (let exercise = queue.shift(); exercise !== undefined; exercise = queue.shift()) await checkExercise(exercise);
  }),
);

if (problems.length > 0) console.error(`\nProblems:\n- ${problems.join('\n- ')}`);
console.log(`\ncheck:exercises: ${totals.exercises} exercises, ${totals.mutants} mutants, ${totals.killed} killed; ${totals.passed} passed, ${totals.exercises - totals.passed} failed`);
process.exitCode = problems.length === 0 ? 0 : 1;
