// Builds the extension (Node, CommonJS, `vscode` external), the lesson page script (browser IIFE)
// and, with --tests, the plain-Node unit tests. --production minifies and drops source maps.
import * as esbuild from 'esbuild';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

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
  // dist/renderer.js is loaded lazily at run time (see src/lessons/loadRenderer.ts).
  external: ['vscode', './renderer.js'],
};

/** marked + highlight.js, kept out of the activation path. */
const renderer = {
  ...common,
  entryPoints: ['src/lessons/renderer.ts'],
  outfile: 'dist/renderer.js',
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
  external: ['vscode'],
};

const configs = tests ? [unitTests] : [extension, renderer, webview];

if (watch) {
  for (const config of configs) {
    const context = await esbuild.context(config);
    await context.watch();
  }
  console.log('esbuild: watching for changes…');
} else {
  await Promise.all(configs.map((config) => esbuild.build(config)));
}
