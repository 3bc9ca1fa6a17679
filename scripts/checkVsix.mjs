#!/usr/bin/env node
// npm run check:vsix — packages the extension and checks the VSIX against an allow-list and a size
// budget, so sources, tests, caches and source maps can never ship by accident.
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './lib/runTs.mjs';

const MAX_BYTES = 2 * 1024 * 1024;
const ALLOWED = [
  /^extension\.vsixmanifest$/,
  /^\[Content_Types\]\.xml$/,
  /^extension\/(package\.json|package\.nls\.json|readme\.md|changelog\.md|LICENSE\.txt)$/,
  /^extension\/dist\/(extension|renderWorker|webview|scheduler|review)\.js$/,
  /^extension\/dist\/lessons\/[a-z0-9-]+\.json$/,
  /^extension\/media\/(lesson\.css|review\.css|icon\.svg|icon\.png|walkthrough\/[\w-]+\.md)$/,
  /^extension\/l10n\/bundle\.l10n(\.[\w-]+)?\.json$/,
  /^extension\/lessons\/curriculum\.json$/,
  /^extension\/lessons\/\d{2}-[a-z0-9-]+\/(lesson\.md|quiz\.json)$/,
  /^extension\/lessons\/\d{2}-[a-z0-9-]+\/exercise\/(php|node)\/(exercise\.json|(starter|solution)\/.+)$/,
  /^extension\/templates\/(php|node)\/.+$/,
];
const FORBIDDEN = [/\/exercise\/mutants\//, /\.map$/, /(^|\/)(node_modules|vendor|out|\.vscode-test|\.git)\//, /\/src\/.*\.ts$/, /^extension\/(src|test|scripts|webview)\//, /\.sqlite$/, /composer\.lock$/];
// Required so the extension works: a missing one means the allow-list in .vscodeignore is wrong.
const REQUIRED = ['extension/dist/extension.js', 'extension/dist/renderWorker.js', 'extension/dist/lessons/search.json', 'extension/dist/webview.js', 'extension/media/lesson.css', 'extension/lessons/curriculum.json', 'extension/templates/php/composer.json', 'extension/templates/node/package.json', 'extension/l10n/bundle.l10n.json', 'extension/readme.md', 'extension/changelog.md'];

const vsix = join(root, 'backend-path.vsix');
execFileSync('npm', ['run', '-s', 'package'], { cwd: root, stdio: 'inherit' });
const entries = execFileSync('unzip', ['-Z1', vsix], { encoding: 'utf8' }).split('\n').filter(Boolean);
const problems = [];
for (const entry of entries) {
  if (!ALLOWED.some((pattern) => pattern.test(entry))) problems.push(`not on the allow-list: ${entry}`);
  if (FORBIDDEN.some((pattern) => pattern.test(entry))) problems.push(`must not ship: ${entry}`);
}
for (const required of REQUIRED) if (!entries.includes(required)) problems.push(`missing: ${required}`);
const size = statSync(vsix).size;
if (size > MAX_BYTES) problems.push(`the VSIX is ${size} bytes, over the ${MAX_BYTES}-byte budget`);
console.log(`check:vsix: ${entries.length} files, ${size} bytes (budget ${MAX_BYTES})`);
for (const problem of problems) console.error(`  ✗ ${problem}`);
console.log(`check:vsix: ${problems.length === 0 ? 'passed' : `${problems.length} problems`}`);
process.exitCode = problems.length === 0 ? 0 : 1;
