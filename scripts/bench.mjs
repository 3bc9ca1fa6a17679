#!/usr/bin/env node
// `npm run bench`: measures bundle sizes, lesson rendering and (once the launcher can run a bench
// suite) activation in the real VS Code. Every figure sits next to a baseline measured in the same
// run, with the ratio. Prints one JSON object on stdout and a table on stderr, writes
// bench/results.json and appends a row to the history in bench/README.md.
//
//   node scripts/bench.mjs [--skip-vscode] [--runs <n>] [--warmup <n>] [--no-history]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { importTs, root } from './lib/runTs.mjs';

const KB = 1024;
const TARGETS = { extensionBytes: 300 * KB, vsixBytes: 2 * KB * KB, renderRatio: 2, longestLessonMs: 20 };

function parseArgs(argv) {
  const opts = { skipVscode: false, runs: 30, warmup: 5, history: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return Number(argv[++i]);
    };
    if (a === '--skip-vscode') opts.skipVscode = true;
    else if (a === '--runs') opts.runs = value();
    else if (a === '--warmup') opts.warmup = value();
    else if (a === '--no-history') opts.history = false;
    else throw new Error(`unknown option ${a}`);
  }
  if (!(opts.runs >= 3) || !(opts.warmup >= 0)) throw new Error('--runs must be at least 3 and --warmup at least 0');
  return opts;
}

const log = (...args) => console.error(...args);
const round = (value, digits = 3) => Number(value.toFixed(digits));
const ratio = (value, base) => (base > 0 ? round(value / base) : null);

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, encoding: 'utf8', shell: process.platform === 'win32' });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status}):\n${(result.stderr || result.stdout || '').slice(-2000)}`);
  }
  return result;
}

/** The commit, read from .git without running git (HEAD, then the ref file or packed-refs). */
function shortCommit() {
  try {
    const gitDir = path.join(root, '.git');
    const head = fs.readFileSync(path.join(gitDir, 'HEAD'), 'utf8').trim();
    if (!head.startsWith('ref: ')) return head.slice(0, 7);
    const ref = head.slice(5);
    const refFile = path.join(gitDir, ref);
    if (fs.existsSync(refFile)) return fs.readFileSync(refFile, 'utf8').trim().slice(0, 7);
    const packed = fs.readFileSync(path.join(gitDir, 'packed-refs'), 'utf8');
    const line = packed.split('\n').find((entry) => entry.endsWith(` ${ref}`));
    return line ? line.slice(0, 7) : null;
  } catch {
    return null;
  }
}

/** Bytes of third-party code in a bundle: the baseline our own code is measured against. */
async function dependencyBytes(entry, platform, format) {
  const outfile = path.join(root, 'bench', 'tmp', `deps-${path.basename(entry)}.js`);
  const result = await esbuild.build({
    entryPoints: [path.join(root, entry)],
    outfile,
    bundle: true,
    minify: true,
    platform,
    format,
    target: platform === 'node' ? 'node20' : 'es2022',
    external: ['vscode'],
    metafile: true,
    logLevel: 'silent',
  });
  const output = Object.values(result.metafile.outputs).find((candidate) => candidate.entryPoint);
  let deps = 0;
  let own = 0;
  for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
    if (input.includes('node_modules/')) deps += bytesInOutput;
    else own += bytesInOutput;
  }
  return { deps, own };
}

async function benchBundle() {
  const extensionFile = path.join(root, 'dist', 'extension.js');
  // Put dist/ back the way it was, so a development build keeps its source maps.
  const wasDevelopment = fs.existsSync(extensionFile) && fs.readFileSync(extensionFile, 'utf8').includes('sourceMappingURL');
  log('bench: node esbuild.mjs --production');
  run(process.execPath, ['esbuild.mjs', '--production']);
  const extensionBytes = fs.statSync(extensionFile).size;
  const webviewBytes = fs.statSync(path.join(root, 'dist', 'webview.js')).size;
  log('bench: vsce package --no-dependencies');
  const vsix = path.join(root, 'bench', 'tmp', 'backend-path.vsix');
  fs.rmSync(vsix, { force: true });
  run(process.platform === 'win32' ? 'npx.cmd' : 'npx', ['vsce', 'package', '--no-dependencies', '-o', path.relative(root, vsix)]);
  const vsixBytes = fs.statSync(vsix).size;
  const extensionDeps = await dependencyBytes('src/extension.ts', 'node', 'cjs');
  const webviewDeps = await dependencyBytes('webview/main.ts', 'browser', 'iife');
  if (wasDevelopment) {
    log('bench: restoring the development build of dist/');
    run(process.execPath, ['esbuild.mjs']);
  }
  return {
    note: 'sizes are deterministic: one production build, not a median',
    extensionJs: {
      bytes: extensionBytes,
      baseline: { what: 'third-party code bundled into it (marked, highlight.js)', bytes: extensionDeps.deps },
      ratio: ratio(extensionBytes, extensionDeps.deps),
      target: { maxBytes: TARGETS.extensionBytes, pass: extensionBytes < TARGETS.extensionBytes },
    },
    webviewJs: {
      bytes: webviewBytes,
      baseline: { what: 'third-party code bundled into it (@vscode-elements, lit)', bytes: webviewDeps.deps },
      ratio: ratio(webviewBytes, webviewDeps.deps),
    },
    vsix: {
      bytes: vsixBytes,
      baseline: { what: 'the two bundles alone (dist/extension.js + dist/webview.js)', bytes: extensionBytes + webviewBytes },
      ratio: ratio(vsixBytes, extensionBytes + webviewBytes),
      target: { maxBytes: TARGETS.vsixBytes, pass: vsixBytes < TARGETS.vsixBytes },
    },
  };
}

async function benchRenderFigures(opts) {
  log(`bench: rendering every lesson (${opts.warmup} warm-up passes, ${opts.runs} interleaved runs)`);
  const { benchRender } = await importTs('scripts/bench/renderBench.ts');
  const result = await benchRender({ root, runs: opts.runs, warmup: opts.warmup });
  const figure = (timing) => ({
    ms: round(timing.pageMs),
    baseline: { what: 'marked.parse of the same text (fresh Marked, gfm, sync)', ms: round(timing.markedMs) },
    ratio: round(timing.ratio),
  });
  const longest = figure(result.longest);
  const median = figure(result.median);
  return {
    runs: result.runs,
    warmup: result.warmup,
    lessons: result.lessons.length,
    longestLesson: {
      skillId: result.longest.skillId,
      chars: result.longest.chars,
      ...longest,
      target: { maxMs: TARGETS.longestLessonMs, maxRatio: TARGETS.renderRatio, pass: longest.ms < TARGETS.longestLessonMs && longest.ratio <= TARGETS.renderRatio },
    },
    medianLesson: {
      ...median,
      target: { maxRatio: TARGETS.renderRatio, pass: median.ratio <= TARGETS.renderRatio },
    },
    perLesson: result.lessons.map((timing) => ({ skillId: timing.skillId, chars: timing.chars, ms: round(timing.pageMs), markedMs: round(timing.markedMs), ratio: round(timing.ratio) })),
  };
}

/** True once scripts/runVsCodeTests.mjs has a `bench` suite set to run test/bench in. */
function launcherHasBenchSuite() {
  try {
    const text = fs.readFileSync(path.join(root, 'scripts', 'runVsCodeTests.mjs'), 'utf8');
    const suites = /export const SUITES = \{([\s\S]*?)\n\};/.exec(text);
    return Boolean(suites && /\bbench\s*:/.test(suites[1]));
  } catch {
    return false;
  }
}

function benchActivation(opts) {
  if (opts.skipVscode) return 'not measured: --skip-vscode';
  if (!launcherHasBenchSuite()) {
    return 'not measured: scripts/runVsCodeTests.mjs has no bench suite yet (see test/bench/activation.bench.ts)';
  }
  const out = path.join(root, 'bench', 'tmp', 'activation.json');
  fs.rmSync(out, { force: true });
  log('bench: activation and lesson open in VS Code (code-server launcher, suite "bench")');
  const result = spawnSync(
    process.execPath,
    ['scripts/runVsCodeTests.mjs', '--suite', 'bench', '--extension', '.', '--extension', 'test/fixtures/emptyExtension'],
    { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, BACKEND_PATH_BENCH_OUT: out } },
  );
  if (result.status !== 0 || !fs.existsSync(out)) return `not measured: the bench suite failed (exit ${result.status})`;
  return JSON.parse(fs.readFileSync(out, 'utf8'));
}

function formatBytes(bytes) {
  return bytes >= KB * KB ? `${(bytes / KB / KB).toFixed(2)} MB` : `${(bytes / KB).toFixed(1)} KB`;
}

function table(results) {
  const { bundle, render, activation } = results;
  const pass = (target) => (target ? (target.pass ? 'pass' : 'FAIL') : '');
  const rows = [
    ['figure', 'value', 'baseline', 'ratio', 'target'],
    ['dist/extension.js', formatBytes(bundle.extensionJs.bytes), `${formatBytes(bundle.extensionJs.baseline.bytes)} deps`, `${bundle.extensionJs.ratio}×`, `< 300 KB ${pass(bundle.extensionJs.target)}`],
    ['dist/webview.js', formatBytes(bundle.webviewJs.bytes), `${formatBytes(bundle.webviewJs.baseline.bytes)} deps`, `${bundle.webviewJs.ratio}×`, ''],
    ['VSIX', formatBytes(bundle.vsix.bytes), `${formatBytes(bundle.vsix.baseline.bytes)} bundles`, `${bundle.vsix.ratio}×`, `< 2 MB ${pass(bundle.vsix.target)}`],
    [`render longest (${render.longestLesson.skillId})`, `${render.longestLesson.ms} ms`, `${render.longestLesson.baseline.ms} ms marked`, `${render.longestLesson.ratio}×`, `< 20 ms, ≤ 2× ${pass(render.longestLesson.target)}`],
    [`render median (${render.lessons} lessons)`, `${render.medianLesson.ms} ms`, `${render.medianLesson.baseline.ms} ms marked`, `${render.medianLesson.ratio}×`, `≤ 2× ${pass(render.medianLesson.target)}`],
  ];
  if (typeof activation === 'string') rows.push(['activation', 'not measured', '', '', '']);
  else {
    rows.push(['activate() Backend Path', `${activation.backendPath?.activateMs ?? '?'} ms`, `${activation.emptyExtension?.activateMs ?? '?'} ms empty ext.`, `${activation.activationRatio ?? '?'}×`, '']);
    rows.push(['open lesson → ready (median)', `${activation.lessonOpen?.medianMs ?? '?'} ms`, `${activation.lessonOpen?.firstMs ?? '?'} ms first`, '', '']);
    rows.push(['host heap after all lessons', formatBytes(activation.heap?.afterAllLessonsBytes ?? 0), `${formatBytes(activation.heap?.afterFirstLessonBytes ?? 0)} after first`, `${activation.heap?.ratio ?? '?'}×`, '']);
  }
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => String(row[column]).length)));
  const lines = rows.map((row) => row.map((cell, column) => String(cell).padEnd(widths[column])).join('  ').trimEnd());
  if (typeof activation === 'string') lines.push(`(activation ${activation})`);
  return lines.join('\n');
}

function appendHistory(results) {
  const readme = path.join(root, 'bench', 'README.md');
  if (!fs.existsSync(readme)) {
    fs.writeFileSync(
      readme,
      `# Benchmarks\n\n\`npm run bench\` (\`node scripts/bench.mjs\`) measures the bundle, the VSIX and lesson rendering, each next to a\n` +
        'baseline measured in the same run; `bench/results.json` holds the last full result. Each run appends a row here.\n\n' +
        '| date | commit | extension.js | VSIX | longest lesson render (× marked) | median lesson render (× marked) | activation |\n' +
        '|---|---|---|---|---|---|---|\n',
    );
  }
  const { bundle, render, activation } = results;
  const activationCell = typeof activation === 'string' ? 'not measured' : `${activation.backendPath?.activateMs ?? '?'} ms`;
  const row = [
    results.date.slice(0, 10),
    results.commit ?? 'n/a',
    formatBytes(bundle.extensionJs.bytes),
    formatBytes(bundle.vsix.bytes),
    `${render.longestLesson.ms} ms (${render.longestLesson.ratio}×)`,
    `${render.medianLesson.ms} ms (${render.medianLesson.ratio}×)`,
    activationCell,
  ];
  fs.appendFileSync(readme, `| ${row.join(' | ')} |\n`);
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  fs.mkdirSync(path.join(root, 'bench', 'tmp'), { recursive: true });
  const bundle = await benchBundle();
  const render = await benchRenderFigures(opts);
  const activation = benchActivation(opts);
  const results = {
    date: new Date().toISOString(),
    commit: shortCommit(),
    node: process.version,
    bundle,
    render,
    activation,
  };
  fs.writeFileSync(path.join(root, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  if (opts.history) appendHistory(results);
  console.log(JSON.stringify(results));
  log(`\n${table(results)}\n`);
  log('bench: wrote bench/results.json' + (opts.history ? ' and a row in bench/README.md' : ''));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
