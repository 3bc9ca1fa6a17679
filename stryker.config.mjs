// StrykerJS over the security- and data-critical modules. Run through `npm run test:mutation`
// (scripts/mutation.mjs), which picks the modules, then writes per-module scores to bench/mutation.json.
//
// How it fits the build: Stryker mutates the TypeScript sources in its sandbox (all mutants switched
// in at once), `buildCommand` bundles the unit tests with esbuild exactly as `npm run test:unit` does,
// (through scripts/mutationBuild.mjs) and the mocha runner runs the bundles in-process with per-test coverage, so each mutant only runs
// the tests that reach it.
export default {
  testRunner: 'mocha',
  buildCommand: 'node scripts/mutationBuild.mjs',
  // The l10n check reads src/ as text, where Stryker's instrumented code would fail it; it tests no logic.
  // Timing checks (the host must not stall > 100 ms) cannot hold under instrumentation: left out too
  // (a mocha grep with a negative lookahead; Stryker's per-mutant test selection only uses tests it saw).
  mochaOptions: {
    spec: ['out/test/unit/**/*.test.js'],
    ignore: ['out/test/unit/l10n.test.js'],
    grep: '^(?!.*never blocks the extension host)',
  },
  coverageAnalysis: 'perTest',
  // Two cores: one test process each. Timeouts are generous because the machine is shared.
  concurrency: 2,
  timeoutMS: 15000,
  timeoutFactor: 3,
  // Only the mutated sources: Stryker's default glob also covers test/**, where it would prepend
  // `// @ts-nocheck` to the fixtures' test sources (test/fixtures/junit/sources) and shift the lines
  // the Testing view's tests compare with the saved reports. esbuild does no type checks anyway.
  disableTypeChecks: 'src/**/*.ts',
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  // The sandbox needs only what the unit tests read.
  ignorePatterns: ['.stryker-tmp', 'dist', 'out', '.vscode-test', '.playground', 'bench', 'reports', 'docs/images', 'templates/**/vendor', '*.vsix'],
  // Outside the temp dir, which is removed after each run; gitignored.
  incrementalFile: 'reports/stryker-incremental.json',
  reporters: ['clear-text', 'progress'],
  clearTextReporter: { allowColor: false, logTests: false, maxTestsToLog: 0 },
  thresholds: { high: 90, low: 85 },
  plugins: ['@stryker-mutator/mocha-runner'],
};
