#!/usr/bin/env node
// `npm run bench`: measures bundle sizes, build-time lesson rendering and, in the real VS Code,
// activation, the tree, and opening every lesson against the floor (a webview with one heading)
// and VS Code's own Markdown preview of the same lesson.md. Every figure sits next to a baseline
// measured in the same run, with the ratio. Prints one JSON object on stdout and a table on stderr.
// Writes only into bench/tmp/ (ignored); --update also writes bench/results.json and appends a row
// to the history in bench/README.md.
//
//   node scripts/bench.mjs [--skip-vscode] [--skip-bundle] [--runs <n>] [--warmup <n>] [--lessons <n>] [--update]
//
// --lessons opens only the first n lessons (a quick look; --update refuses it, the record is all 22).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { importTs, root } from './lib/runTs.mjs';
import { numberOption, parseCommandLine, runMain, UsageError } from './lib/cli.mjs';
import { benchOpen } from './bench/openBench.mjs';

const KB = 1024;
const TARGETS = {
  extensionBytes: 300 * KB, vsixBytes: 2 * KB * KB, renderRatio: 2, longestLessonMs: 20,
  // Opening a lesson, against the floor and the Markdown preview (issue 12, "Fast").
  floorFirst: 1.5, floorMedian: 1.1, preview: 0.8, treeMs: 1000, heapRatio: 1.1, activationRatio: 1.5,
};
const USAGE = 'node scripts/bench.mjs [--skip-vscode] [--skip-bundle] [--runs <n>] [--warmup <n>] [--lessons <n>] [--update]';

function options() {
  const { values } = parseCommandLine({
    usage: USAGE,
    options: {
      'skip-vscode': { type: 'boolean' }, 'skip-bundle': { type: 'boolean' }, runs: { type: 'string' }, warmup: { type: 'string' },
      lessons: { type: 'string' }, update: { type: 'boolean' },
    },
  });
  return {
    skipVscode: !!values['skip-vscode'],
    runs: numberOption(values, 'runs', { min: 3, usage: USAGE }) ?? 30,
    warmup: numberOption(values, 'warmup', { min: 0, usage: USAGE }) ?? 5,
    update: !!values.update,
    skipBundle: !!values['skip-bundle'],
    lessons: numberOption(values, 'lessons', { min: 1, usage: USAGE }),
  };
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
      baseline: { what: 'third-party code bundled into it', bytes: extensionDeps.deps },
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

/** Activation, tree and lesson opening in the real VS Code (scripts/bench/openBench.mjs). */
async function benchVsCode(opts) {
  if (opts.skipVscode) return 'not measured: --skip-vscode';
  log('bench: activation, tree and opening every lesson in VS Code (code-server, suite "bench")');
  const { code, activation, open, tree } = await benchOpen({ root, dir: path.join(root, 'bench', 'tmp', 'vscode'), lessons: opts.lessons });
  if (!activation || !open?.ratios) return `not measured: the bench suite failed (exit ${code})`;
  const { ratios } = open;
  const pass = (value, max) => value !== null && value !== undefined && value <= max;
  return {
    activation: {
      ...activation,
      target: { maxRatio: TARGETS.activationRatio, pass: pass(activation.activationRatio, TARGETS.activationRatio) },
    },
    open: {
      how: "executeCommand → first animation frame with the lesson's <h1> visible in the webview (seen in the page by Playwright); editors closed between opens; one untimed warm-up webview first; the variants' order rotates per lesson",
      ...open,
      target: {
        oursVsFloorFirst: { max: TARGETS.floorFirst, pass: pass(ratios.oursVsFloorFirst, TARGETS.floorFirst) },
        oursVsFloorMedian: { max: TARGETS.floorMedian, pass: pass(ratios.oursVsFloorMedian, TARGETS.floorMedian) },
        oursVsPreviewFirst: { max: TARGETS.preview, pass: pass(ratios.oursVsPreviewFirst, TARGETS.preview) },
        oursVsPreviewMedian: { max: TARGETS.preview, pass: pass(ratios.oursVsPreviewMedian, TARGETS.preview) },
        heap: { maxRatio: TARGETS.heapRatio, pass: pass(open.heap?.ratio, TARGETS.heapRatio) },
      },
    },
    tree: tree && { ...tree, target: { maxMs: TARGETS.treeMs, pass: pass(tree.completeMs, TARGETS.treeMs) } },
  };
}

function formatBytes(bytes) {
  return bytes >= KB * KB ? `${(bytes / KB / KB).toFixed(2)} MB` : `${(bytes / KB).toFixed(1)} KB`;
}

function table(results) {
  const { bundle, render, vscode } = results;
  const pass = (target) => (target ? (target.pass ? 'pass' : 'FAIL') : '');
  const rows = [['figure', 'value', 'baseline', 'ratio', 'target']];
  if (bundle && render) rows.push(
    ['dist/extension.js', formatBytes(bundle.extensionJs.bytes), `${formatBytes(bundle.extensionJs.baseline.bytes)} deps`, `${bundle.extensionJs.ratio}×`, `< 300 KB ${pass(bundle.extensionJs.target)}`],
    ['dist/webview.js', formatBytes(bundle.webviewJs.bytes), `${formatBytes(bundle.webviewJs.baseline.bytes)} deps`, `${bundle.webviewJs.ratio}×`, ''],
    ['VSIX', formatBytes(bundle.vsix.bytes), `${formatBytes(bundle.vsix.baseline.bytes)} bundles`, `${bundle.vsix.ratio}×`, `< 2 MB ${pass(bundle.vsix.target)}`],
    [`build render longest (${render.longestLesson.skillId})`, `${render.longestLesson.ms} ms`, `${render.longestLesson.baseline.ms} ms marked`, `${render.longestLesson.ratio}×`, `< 20 ms, ≤ 2× ${pass(render.longestLesson.target)}`],
    [`build render median (${render.lessons} lessons)`, `${render.medianLesson.ms} ms`, `${render.medianLesson.baseline.ms} ms marked`, `${render.medianLesson.ratio}×`, `≤ 2× ${pass(render.medianLesson.target)}`],
  );
  if (typeof vscode !== 'string') {
    const { activation, open, tree } = vscode;
    rows.push(['activate() Backend Path', `${activation.backendPath?.activateMs ?? '?'} ms`, `${activation.emptyExtension?.activateMs ?? '?'} ms empty ext.`, `${activation.activationRatio ?? '?'}×`, `≤ 1.5× ${pass(activation.target)}`]);
    rows.push(['open lesson, first', `${open.ours.firstMs} ms`, `${open.floor.firstMs} ms floor`, `${open.ratios.oursVsFloorFirst}×`, `≤ 1.5× ${pass(open.target.oursVsFloorFirst)}`]);
    rows.push(['open lesson, median', `${open.ours.medianMs} ms`, `${open.floor.medianMs} ms floor`, `${open.ratios.oursVsFloorMedian}×`, `≤ 1.1× ${pass(open.target.oursVsFloorMedian)}`]);
    rows.push(['open lesson, first', `${open.ours.firstMs} ms`, `${open.preview.firstMs} ms preview`, `${open.ratios.oursVsPreviewFirst}×`, `≤ 0.8× ${pass(open.target.oursVsPreviewFirst)}`]);
    rows.push(['open lesson, median', `${open.ours.medianMs} ms`, `${open.preview.medianMs} ms preview`, `${open.ratios.oursVsPreviewMedian}×`, `≤ 0.8× ${pass(open.target.oursVsPreviewMedian)}`]);
    rows.push([`host heap after ${open.lessons} opens`, formatBytes(open.heap.afterAllLessonsBytes), `${formatBytes(open.heap.afterFirstLessonBytes)} after first`, `${open.heap.ratio}×`, `≤ 1.1× ${pass(open.target.heap)}`]);
    if (tree) rows.push(['tree complete after click', `${tree.completeMs ?? '?'} ms`, '', '', `≤ 1000 ms ${pass(tree.target)}`]);
  }
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => String(row[column]).length)));
  const lines = rows.map((row) => row.map((cell, column) => String(cell).padEnd(widths[column])).join('  ').trimEnd());
  if (typeof vscode === 'string') lines.push(`(VS Code figures ${vscode})`);
  return lines.join('\n');
}

function appendHistory(results) {
  const readme = path.join(root, 'bench', 'README.md');
  const { bundle, render, vscode } = results;
  const measured = typeof vscode !== 'string';
  const row = [
    results.date.slice(0, 10),
    results.commit ?? 'n/a',
    formatBytes(bundle.extensionJs.bytes),
    formatBytes(bundle.vsix.bytes),
    `${render.longestLesson.ms} ms (${render.longestLesson.ratio}×)`,
    measured ? `${vscode.activation.backendPath?.activateMs ?? '?'} ms (${vscode.activation.activationRatio ?? '?'}×)` : 'not measured',
    measured ? `${vscode.open.ours.firstMs} / ${vscode.open.ours.medianMs} ms (floor ${vscode.open.ratios.oursVsFloorFirst}× / ${vscode.open.ratios.oursVsFloorMedian}×, preview ${vscode.open.ratios.oursVsPreviewFirst}× / ${vscode.open.ratios.oursVsPreviewMedian}×)` : 'not measured',
  ];
  fs.appendFileSync(readme, `| ${row.join(' | ')} |\n`);
}

async function main() {
  const opts = options();
  if (opts.update && (opts.lessons || opts.skipBundle || opts.skipVscode)) throw new UsageError(`--update records a full run: drop --lessons, --skip-bundle and --skip-vscode\nusage: ${USAGE}`);
  fs.mkdirSync(path.join(root, 'bench', 'tmp'), { recursive: true });
  const bundle = opts.skipBundle ? undefined : await benchBundle();
  const render = opts.skipBundle ? undefined : await benchRenderFigures(opts);
  const vscode = await benchVsCode(opts);
  const results = {
    date: new Date().toISOString(),
    commit: shortCommit(),
    node: process.version,
    bundle,
    render,
    vscode,
  };
  const text = `${JSON.stringify(results, null, 2)}\n`;
  fs.writeFileSync(path.join(root, 'bench', 'tmp', 'results.json'), text);
  if (opts.update) {
    fs.writeFileSync(path.join(root, 'bench', 'results.json'), text);
    appendHistory(results);
  }
  console.log(JSON.stringify(results));
  log(`\n${table(results)}\n`);
  log(opts.update ? 'bench: wrote bench/results.json and a row in bench/README.md' : 'bench: wrote bench/tmp/results.json (--update to record it in bench/)');
  return 0;
}

runMain(main);
