#!/usr/bin/env node
// npm run check:exercises [-- --only 01-http-fundamentals]
// Proves every exercise can be failed and can be solved: its tests must FAIL on starter/ and PASS on
// starter/ with solution/ laid over it. PHP exercises run with the real php + PHPUnit on PATH (or
// $PHPUNIT), Node exercises with Node 24 (the npm package node@24).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { ensureNode24 } from './lib/node24.mjs';
import { importTs, root } from './lib/runTs.mjs';

const TIMEOUT_MS = 60_000;
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
const node24 = ensureNode24();
const phpunit = process.env.PHPUNIT || 'phpunit';

function runTests(language, cwd) {
  const started = Date.now();
  const [command, args, env] =
    language === 'node'
      ? [node24, ['--test'], { ...process.env, PATH: `${dirname(node24)}${delimiter}${process.env.PATH}`, NO_COLOR: '1' }]
      : [phpunit, ['--colors=never'], process.env];
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout: TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024 });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.error) return { status: 'error', seconds, output: `${command}: ${result.error.message}\n${output}` };
  // A starter must fail because tests fail, not because the runner crashed before testing anything.
  const failedTests =
    language === 'node' ? Number(/^(?:#|ℹ) fail (\d+)/m.exec(output)?.[1] ?? 0) : /^(FAILURES!|ERRORS!)/m.test(output) ? 1 : 0;
  const passedTests = language === 'node' ? Number(/^(?:#|ℹ) pass (\d+)/m.exec(output)?.[1] ?? 0) : /^OK \((\d+) test/m.test(output) ? 1 : 0;
  return { status: result.status === 0 ? 'pass' : 'fail', failedTests, passedTests, seconds, output };
}

const lessons = join(root, 'lessons');
// The extension's own catalog parser: validated, and the same folder names the extension uses.
const { parseCatalog } = await importTs('src/curriculum/parseCatalog.ts');
const folders = parseCatalog(readFileSync(join(lessons, 'curriculum.json'), 'utf8')).skills.map((skill) => skill.folder);
let passed = 0;
let failed = 0;
const problems = [];

for (const folder of folders.sort()) {
  if (only && only !== folder) continue;
  const exerciseDir = join(lessons, folder, 'exercise');
  if (!existsSync(join(exerciseDir, 'exercise.json'))) {
    problems.push(`${folder}: no exercise`);
    failed += 1;
    continue;
  }
  const spec = JSON.parse(readFileSync(join(exerciseDir, 'exercise.json'), 'utf8'));
  const work = mkdtempSync(join(tmpdir(), `bp-exercise-${folder}-`));
  try {
    cpSync(join(exerciseDir, 'starter'), work, { recursive: true });
    const starter = runTests(spec.language, work);
    cpSync(join(exerciseDir, 'solution'), work, { recursive: true });
    const solved = runTests(spec.language, work);
    const starterOk = starter.status === 'fail' && starter.failedTests > 0;
    const solutionOk = solved.status === 'pass' && solved.passedTests > 0;
    const line = `${folder} (${spec.language}): starter ${starterOk ? 'fails as it should' : `did NOT fail properly (${starter.status})`} in ${starter.seconds}s; solution ${solutionOk ? 'passes' : `does NOT pass (${solved.status})`} in ${solved.seconds}s`;
    console.log(`${starterOk && solutionOk ? '✓' : '✗'} ${line}`);
    if (starterOk && solutionOk) passed += 1;
    else {
      failed += 1;
      problems.push(line);
      if (!starterOk) console.log(starter.output.split('\n').slice(-40).join('\n'));
      if (!solutionOk) console.log(solved.output.split('\n').slice(-60).join('\n'));
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (problems.length > 0) console.error(`\nProblems:\n- ${problems.join('\n- ')}`);
console.log(`\ncheck:exercises: ${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
