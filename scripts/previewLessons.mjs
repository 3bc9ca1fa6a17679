#!/usr/bin/env node
// node scripts/previewLessons.mjs [--only NN-id] [--out dir] [--theme dark|light]
// Renders every lesson page as the panel builds it (same renderer, page builder and stylesheet) and
// screenshots it in headless Chromium, one PNG per screen, so a person can read lessons as learners
// see them. A review aid, not a test.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { join, normalize } from 'node:path';
import { readFile } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import { importTs, root } from './lib/runTs.mjs';
import { parseCommandLine, UsageError } from './lib/cli.mjs';
import { chromiumPath, CHROMIUM_ARGS } from './lib/codeServer/browser.mjs';

const USAGE = 'node scripts/previewLessons.mjs [--only NN-id] [--out dir] [--theme dark|light]';
let values;
try {
  ({ values } = parseCommandLine({ usage: USAGE, options: { only: { type: 'string' }, out: { type: 'string' }, theme: { type: 'string' } } }));
  if (values.theme !== undefined && !['dark', 'light'].includes(values.theme)) throw new UsageError(`--theme is dark or light, not "${values.theme}"\nusage: ${USAGE}`);
} catch (error) {
  console.error(`✖ ${error.message}`);
  process.exit(2);
}
const only = values.only;
const out = values.out ?? join(root, 'out', 'preview');
const theme = values.theme ?? 'dark';
const THEMES = {
  dark: '--vscode-font-family:system-ui,sans-serif;--vscode-font-size:13px;--vscode-foreground:#cccccc;--vscode-editor-background:#1f1f1f;--vscode-textLink-foreground:#4daafc;--vscode-textCodeBlock-background:#2b2b2b;--vscode-textBlockQuote-background:#2b2b2b;--vscode-textBlockQuote-border:#616161;--vscode-panel-border:#2b2b2b;--vscode-widget-border:#313131;--vscode-editor-font-family:monospace;--vscode-debugTokenExpression-string:#ce9178;--vscode-debugTokenExpression-number:#b5cea8;--vscode-debugTokenExpression-name:#c586c0;--vscode-descriptionForeground:#9d9d9d;--vscode-button-background:#0078d4;--vscode-button-foreground:#fff',
  light: '--vscode-font-family:system-ui,sans-serif;--vscode-font-size:13px;--vscode-foreground:#3b3b3b;--vscode-editor-background:#ffffff;--vscode-textLink-foreground:#005fb8;--vscode-textCodeBlock-background:#f3f3f3;--vscode-textBlockQuote-background:#f8f8f8;--vscode-textBlockQuote-border:#e5e5e5;--vscode-panel-border:#e5e5e5;--vscode-widget-border:#e5e5e5;--vscode-editor-font-family:monospace;--vscode-debugTokenExpression-string:#a31515;--vscode-debugTokenExpression-number:#098658;--vscode-debugTokenExpression-name:#0000ff;--vscode-descriptionForeground:#717171;--vscode-button-background:#005fb8;--vscode-button-foreground:#fff',
};

const { previewPages } = await importTs('scripts/preview/buildPreview.ts');
const server = http.createServer(async (request, response) => {
  const path = normalize(decodeURIComponent(new URL(request.url, 'http://x').pathname)).replace(/^\/+/, '');
  if (!/^(dist|media)\//.test(path)) return void response.writeHead(404).end();
  try {
    const body = await readFile(join(root, path));
    response.writeHead(200, { 'content-type': path.endsWith('.css') ? 'text/css' : 'text/javascript' }).end(body);
  } catch {
    response.writeHead(404).end();
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ viewport: { width: 1000, height: 1400 } });
  // The panel's page script needs the webview API; a stub stands in for it here.
  await page.addInitScript(() => { window.acquireVsCodeApi = () => ({ postMessage() {}, getState() {}, setState() {} }); });
  for (const { folder, html } of await previewPages(root, base)) {
    if (only && only !== folder) continue;
    const dir = join(out, folder);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const themed = html.replace('<body ', `<body class="vscode-${theme}" style="${THEMES[theme]}" `).replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
    writeFileSync(join(dir, 'page.html'), themed);
    await page.goto(`file://${join(dir, 'page.html')}`);
    await page.waitForTimeout(300);
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    let shots = 0;
    for (let y = 0; y < height; y += 1300) {
      await page.evaluate((top) => window.scrollTo(0, top), y);
      await page.screenshot({ path: join(dir, `screen-${String(++shots).padStart(2, '0')}.png`) });
    }
    console.log(`${folder}: ${shots} screens in ${dir}`);
  }
} finally {
  await browser.close();
  server.close();
}
