// Opens the workbench served by code-server in headless Chromium (playwright-core).
import fs from 'node:fs';
import { startCodeServer, workbenchUrl, combineExtensionDevelopmentPaths } from './server.mjs';
import { ensureSystemTool } from './install.mjs';

/** Chromium flags from real-vscode.md, fact 6. */
export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run',
];

export function chromiumPath() {
  if (process.env.BACKEND_PATH_CHROMIUM) return process.env.BACKEND_PATH_CHROMIUM;
  if (fs.existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  return ensureSystemTool('chromium');
}

/**
 * Starts code-server and headless Chromium and opens the workbench on `folder`.
 * The automation hooks are exposed before navigating, so a test run that ends quickly is not missed.
 * Used by the integration launcher, the e2e runner and the benchmark.
 */
export async function launchWorkbench({
  folder, userDataDir, extensionsDir, trustWorkspace, settings, env,
  extensionDevelopmentPaths = [], extensionTestsPath, onLog, onExit, viewport = { width: 1280, height: 800 },
} = {}) {
  const { chromium } = await import('playwright-core');
  const combined = combineExtensionDevelopmentPaths(extensionDevelopmentPaths);
  let server;
  let browser;
  const close = async () => {
    try { await browser?.close(); } catch { /* already gone */ }
    await server?.stop();
    combined.dispose();
  };
  try {
    server = await startCodeServer({ folder, userDataDir, extensionsDir, trustWorkspace, settings, env });
  } catch (err) {
    combined.dispose();
    throw err;
  }
  try {
    browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true });
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await page.exposeFunction('codeAutomationExit', code => onExit?.(code));
    await page.exposeFunction('codeAutomationLog', (type, args) => onLog?.(type, args));
    const url = workbenchUrl(server, { folder, extensionDevelopmentPaths: combined.paths, extensionTestsPath });
    // Only the navigation itself: the callers wait for what they need (the tests' exit, the
    // workbench's parts), and on a loaded machine the full `load` event can take over 30 s.
    await page.goto(url, { waitUntil: 'commit', timeout: 120_000 });
    return { server, browser, context, page, url, close };
  } catch (err) {
    await close();
    throw err;
  }
}

