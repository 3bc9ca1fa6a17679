// Builds the extension (Node, CommonJS, `vscode` external), the lesson page script (browser IIFE),
// the lesson render worker, and renders every lesson to dist/lessons/ (scripts/lessons/renderLessons.ts).
// With --tests: the plain-Node unit tests. --production minifies and drops source maps.
import * as esbuild from 'esbuild';
import { readdirSync, statSync, watch as watchFs } from 'node:fs';
import { join } from 'node:path';
import { importTs, root } from './scripts/lib/runTs.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const tests = process.argv.includes('--tests');

const common = { bundle: true, logLevel: 'warning', sourcemap: !production, minify: production };

/** Extension host bundle: everything inlined but the `vscode` API module the host provides. */
const extension = {
  ...common,
  entryPoints: ['src/extension.ts'],
  outfile: 'dist/extension.js',
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // dist/scheduler.js (ts-fsrs) is required on the first review (src/review/loadScheduler.ts).
  external: ['vscode', './scheduler.js'],
};

/** The FSRS scheduler (ts-fsrs), kept out of the activation path. */
const scheduler = {
  ...common,
  entryPoints: ['src/review/schedulerBundle.ts'],
  outfile: 'dist/scheduler.js',
  platform: 'node',
  format: 'cjs',
  target: 'node20',
};

/** The review and dashboard pages' script: plain DOM, no components. */
const reviewPage = {
  ...common,
  entryPoints: ['webview/review.ts'],
  outfile: 'dist/review.js',
  platform: 'browser',
  format: 'iife',
  target: 'es2022',
};

/**
 * marked + highlight.js, kept out of the extension bundle: lessons are rendered at build time, and
 * this worker renders at run time only in development or for a lesson without build-time HTML.
 */
const renderWorker = {
  ...common,
  entryPoints: ['src/lessons/renderWorker.ts'],
  outfile: 'dist/renderWorker.js',
  platform: 'node',
  format: 'cjs',
  target: 'node20',
};

/** The lesson page script, with the @vscode-elements web components it uses. */
const webview = {
  ...common,
  entryPoints: ['webview/main.ts'],
  outfile: 'dist/webview.js',
  platform: 'browser',
  format: 'iife',
  target: 'es2022',
};

function testFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return testFiles(path);
    return name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Unit tests run in plain Node: an accidental runtime import of `vscode` must fail them. */
const unitTests = {
  bundle: true,
  logLevel: 'warning',
  sourcemap: true,
  entryPoints: testFiles('test/unit'),
  outdir: 'out/test/unit',
  outbase: 'test/unit',
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // esbuild: test/unit/vscodeEdge.ts bundles a vscode-bound file at test time with a stand-in for vscode.
  external: ['vscode', 'esbuild'],
};

/** The unit tests start the render worker too (test/unit/robustness/hostileMarkdown.test.ts). */
const testRenderWorker = { ...renderWorker, sourcemap: true, minify: false, outfile: 'out/test/unit/renderWorker.js' };

const configs = tests ? [unitTests, testRenderWorker] : [extension, renderWorker, webview, scheduler, reviewPage];

async function renderLessons() {
  const { renderLessons: render } = await importTs('scripts/lessons/renderLessons.ts');
  const { lessons, ms } = render(root);
  if (!watch) return;
  console.log(`esbuild: rendered ${lessons} lessons in ${Math.round(ms)} ms`);
}

if (watch) {
  for (const config of configs) {
    const context = await esbuild.context(config);
    await context.watch();
  }
  await renderLessons();
  // Lesson edits are rendered again, so a reloaded window shows them.
  let pending;
  watchFs(join(root, 'lessons'), { recursive: true }, (_event, file) => {
    if (!file || !(file.endsWith('lesson.md') || file.endsWith('curriculum.json'))) return;
    clearTimeout(pending);
    pending = setTimeout(() => renderLessons().catch((error) => console.error(`esbuild: ${error.message}`)), 100);
  });
  console.log('esbuild: watching for changes…');
} else {
  await Promise.all(configs.map((config) => esbuild.build(config)));
  if (!tests) await renderLessons();
}
