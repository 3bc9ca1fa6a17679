// `npm run test:mutation [-- --module progress --module renderer] [--incremental]`
// Runs StrykerJS (stryker.config.mjs) over the security- and data-critical modules and writes their
// scores to bench/mutation.json. A run limited to some modules updates only their entries, so the
// modules can be measured one at a time on a small machine; --incremental reuses the results of the
// previous run of the same modules for mutants whose code and tests did not change. Two limits of that
// reuse: the unit tests are esbuild bundles that contain the sources, so a source change re-runs the
// whole module; and a mutant of a module-level constant has no per-test coverage, so it keeps its old
// "survived" after new tests aimed at it: delete reports/stryker-incremental-<module>.json then.
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = join(import.meta.dirname, '..');
const REPORT = join(ROOT, 'bench', 'mutation.json');
const GOAL = 85;

/**
 * The modules the issue names: the source files each is made of, and the unit test files that
 * exercise them (paths under test/unit, without .test.ts). A run mutates only the module's files and
 * runs only its tests, so one module takes minutes, not the hour the whole suite takes on two cores.
 * The message fuzzing (robustness/webviewMessages) and the full-lesson renders are left out where
 * targeted tests cover the same code: a mutant runs every listed test that reaches it, and those
 * take seconds each. Every file listed must exist (a renamed module fails the run instead of
 * silently measuring less).
 */
const MODULES = {
  protocol: { files: ['src/lessonPanel/protocol.ts'], tests: ['protocol', 'lessonSession', 'pageScript', 'stacks'] },
  handler: { files: ['src/lessonPanel/lessonSession.ts', 'src/lessonPanel/quizSession.ts'], tests: ['lessonSession', 'lessonSessionRules', 'lessonSessionLate', 'quizAndSearch', 'hintCard'] },
  lessonActions: { files: ['src/lessonPanel/lessonActions.ts'], tests: ['lessonActions', 'lessonSession', 'stacks'] },
  linkPolicy: { files: ['src/lessons/linkPolicy.ts'], tests: ['linkPolicy', 'renderLesson', 'lessonSession'] },
  renderer: {
    files: ['src/lessons/renderLesson.ts', 'src/lessons/highlight.ts', 'src/lessons/escapeHtml.ts', 'src/lessons/lessonLimits.ts'],
    tests: ['lessonLimits', 'renderRules', 'renderLesson', 'robustness/hostileMarkdown'],
    // Whole-path renders (every lesson, 7–25 s each on a shared machine) and the render worker (a
    // thread where no mutant is active) would run for every mutant; targeted tests cover the same code.
    skip: ['renders every lesson to the same HTML', 'every lesson of the path is well within the limits', 'keeps the host ticking', 'renders a lesson in a worker'],
  },
  scaffoldWriter: {
    files: ['src/scaffold/targetFs.ts', 'src/scaffold/applyScaffold.ts', 'src/scaffold/copyTree.ts', 'src/scaffold/scaffoldPlan.ts'],
    tests: ['targetFs', 'scaffold', 'robustness/scaffoldWriter'],
  },
  progress: {
    files: [
      'src/progress/progressRecord.ts',
      'src/progress/progressStore.ts',
      'src/progress/progressTransfer.ts',
      'src/progress/progressMerge.ts',
      'src/progress/progressValues.ts',
      'src/progress/exerciseProgress.ts',
    ],
    tests: ['progressStore', 'progressMessages', 'exerciseProgress', 'exerciseProgressMerge', 'progressMergeRules', 'progressStoreRules', 'robustness/importProgress', 'robustness/progressWindows', 'robustness/storedProgress'],
  },
  exerciseRunner: { files: ['src/exercises/exerciseRunner.ts', 'src/exercises/testProcess.ts', 'src/exercises/checkVerdict.ts', 'src/exercises/junitReport.ts'], tests: ['checkReport', 'junitReport', 'junitCases', 'testProcess', 'exerciseRunner', 'testingResults', 'testingRuns'] },
  // Not in the issue's list, but one of its breakages (a CSP that gains 'unsafe-hashes' data:) lives here.
  pageHtml: { files: ['src/lessonPanel/pageHtml.ts'], tests: ['pageHtml', 'pageLayout', 'pageHtmlRules', 'robustness/untrustedWorkspace', 'lessonSession', 'hintCard'] },
};

const { values } = parseArgs({
  options: {
    module: { type: 'string', multiple: true },
    incremental: { type: 'boolean', default: false },
    concurrency: { type: 'string' },
  },
});

const chosen = values.module ?? Object.keys(MODULES);
for (const name of chosen) if (!(name in MODULES)) throw new Error(`unknown module "${name}"; known: ${Object.keys(MODULES).join(', ')}`);
const files = new Map(); // file → module
const specs = new Set();
for (const name of chosen) {
  for (const file of MODULES[name].files) {
    if (!existsSync(join(ROOT, file))) throw new Error(`module "${name}": ${file} does not exist; update MODULES in scripts/mutation.mjs`);
    files.set(file, name);
  }
  for (const test of MODULES[name].tests) {
    if (!existsSync(join(ROOT, 'test', 'unit', `${test}.test.ts`))) throw new Error(`module "${name}": test/unit/${test}.test.ts does not exist`);
    specs.add(`out/test/unit/${test}.test.js`);
  }
}
const { default: config } = await import(pathToFileURL(join(ROOT, 'stryker.config.mjs')).href);

/** The config's grep (a negative lookahead) extended with the titles a module's run leaves out. */
function skipping(titles) {
  const base = /^\^\(\?!\.\*(.*)\)$/.exec(config.mochaOptions.grep);
  if (!base) throw new Error(`stryker.config.mjs mochaOptions.grep is not "^(?!.*…)": ${config.mochaOptions.grep}`);
  const escaped = titles.map((title) => title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return `^(?!.*(?:${[base[1], ...escaped].join('|')}))`;
}

const { Stryker } = await import('@stryker-mutator/core');
const started = Date.now();
// Stryker reads stryker.config.mjs itself; only the choice of files and the run mode come from here.
// Each set of modules has its own sandbox and incremental file, so runs for different modules can
// happen side by side and each keeps its own history.
const key = values.module ? [...chosen].sort().join('+') : 'all';
const results = await new Stryker({
  mutate: [...files.keys()],
  tempDirName: `.stryker-tmp/${key}`,
  incrementalFile: `reports/stryker-incremental-${key}.json`,
  incremental: values.incremental,
  mochaOptions: { ...config.mochaOptions, spec: [...specs], grep: skipping(chosen.flatMap((name) => MODULES[name].skip ?? [])) },
  ...(values.concurrency ? { concurrency: Number(values.concurrency) } : {}),
}).runMutationTest();
const seconds = Math.round((Date.now() - started) / 1000);

function tally(list) {
  const count = (status) => list.filter((result) => result.status === status).length;
  const killed = count('Killed');
  const timeout = count('Timeout');
  const survived = count('Survived');
  const noCoverage = count('NoCoverage');
  const detected = killed + timeout;
  const valid = detected + survived + noCoverage;
  return {
    score: valid === 0 ? null : Math.round((1000 * detected) / valid) / 10,
    killed,
    timeout,
    survived,
    noCoverage,
    errors: count('RuntimeError') + count('CompileError'),
    ignored: count('Ignored'),
  };
}

const previous = existsSync(REPORT) ? JSON.parse(readFileSync(REPORT, 'utf8')) : { modules: {} };
const modules = { ...previous.modules };
for (const name of chosen) {
  const own = results.filter((result) => files.get(relative(ROOT, result.fileName).replaceAll('\\', '/')) === name);
  const moduleFiles = [...files].filter(([, module]) => module === name).map(([file]) => file);
  modules[name] = {
    files: moduleFiles,
    tests: MODULES[name].tests.map((test) => `test/unit/${test}.test.ts`),
    ...(MODULES[name].skip ? { testsLeftOut: MODULES[name].skip } : {}),
    ...tally(own),
    measuredAt: new Date().toISOString(),
    seconds,
    survivors: own
      .filter((result) => result.status === 'Survived' || result.status === 'NoCoverage')
      .map((result) => `${relative(ROOT, result.fileName)}:${result.location.start.line} ${result.status} ${result.mutatorName}: ${result.replacement ?? ''}`.slice(0, 200)),
  };
}
const all = Object.values(modules).filter((module) => module.score !== null && module.score !== undefined);
const sum = (key) => all.reduce((total, module) => total + module[key], 0);
const detected = sum('killed') + sum('timeout');
const valid = detected + sum('survived') + sum('noCoverage');
const report = {
  tool: 'StrykerJS (@stryker-mutator/core, mocha runner over the esbuild-bundled unit tests)',
  goal: GOAL,
  score: valid === 0 ? null : Math.round((1000 * detected) / valid) / 10,
  cores: availableParallelism(),
  lastRun: { modules: chosen, seconds, at: new Date().toISOString() },
  modules,
};
mkdirSync(join(ROOT, 'bench'), { recursive: true });
writeFileSync(REPORT, `${JSON.stringify(report, null, 2)}\n`);
console.log(`\nMutation score ${report.score}% (goal ${GOAL}%) in ${seconds} s; per module:`);
for (const [name, module] of Object.entries(modules)) {
  console.log(`  ${name.padEnd(15)} ${module.score === null ? 'n/a' : `${module.score}%`} (${module.killed ?? 0} killed, ${module.timeout ?? 0} timeout, ${module.survived ?? 0} survived, ${module.noCoverage ?? 0} no coverage)`);
}
console.log(`Written to ${relative(ROOT, REPORT)}`);
