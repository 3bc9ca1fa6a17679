// Helpers that click through the VS Code workbench the way a learner does. The selectors are
// VS Code 1.100's DOM; keeping them in this one file means a VS Code update touches one place.

export const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

/** Polls `probe` until it returns a truthy value; fails with `message` and the last value seen. */
export async function waitFor(probe, { timeout = 15_000, interval = 200, message = 'condition' } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  let lastError;
  for (;;) {
    try {
      last = await probe();
      if (last) return last;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeout} ms waiting for ${message}`
        + (last !== undefined ? ` (last value: ${JSON.stringify(last)})` : '')
        + (lastError ? ` (last error: ${lastError.message.split('\n')[0]})` : ''));
    }
    await sleep(interval);
  }
}

/** Waits until the workbench has rendered and the extension host is up (the status bar is there). */
export async function waitForWorkbench(page) {
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  await page.locator('.part.activitybar').waitFor({ timeout: 60_000 });
  await page.locator('.part.statusbar').waitFor({ timeout: 60_000 });
}

export function activityBarItem(page, title) {
  return page.locator('.part.activitybar [role="tab"]').filter({
    has: page.locator(`[aria-label^="${title}"]`),
  }).or(page.locator(`.part.activitybar [role="tab"][aria-label^="${title}"]`)).first();
}

/** Opens a view container from the activity bar unless it is already showing. */
export async function openViewContainer(page, title) {
  const item = activityBarItem(page, title);
  await item.waitFor({ timeout: 30_000 });
  const sidebarTitle = page.locator('.part.sidebar .composite.title').filter({ hasText: new RegExp(title, 'i') }).first();
  // Right after a (re)load the workbench may still be restoring the last view container, and
  // clicking an already-active item closes the side bar again; so click, look, and repeat.
  await waitFor(async () => {
    if (await sidebarTitle.isVisible()) return true;
    if (await item.getAttribute('aria-selected') !== 'true' || !(await page.locator('.part.sidebar').isVisible())) {
      await item.click();
    }
    await sidebarTitle.waitFor({ timeout: 3_000 }).catch(() => {});
    return sidebarTitle.isVisible();
  }, { timeout: 30_000, interval: 500, message: `the ${title} view container` });
}

/** A row of a tree view in the side bar, found by its label (the text before the description). */
export function treeRow(page, label) {
  return page.locator('.part.sidebar .monaco-list-row[role="treeitem"]').filter({
    has: page.locator('.label-name', { hasText: label }),
  }).first();
}

export async function rowDescription(row) {
  return (await row.locator('.label-description').first().textContent())?.trim();
}

export function rowCheckbox(row) {
  return row.locator('.custom-view-tree-node-item-checkbox').first();
}

export async function isChecked(row) {
  const box = rowCheckbox(row);
  const aria = await box.getAttribute('aria-checked');
  if (aria !== null) return aria === 'true';
  return (await box.getAttribute('class'))?.includes('checked') ?? false;
}

/**
 * The page inside a webview: VS Code puts it in `iframe#active-frame` inside an `iframe.webview`.
 * Several webviews can exist (a Markdown preview, say), so this looks for the one showing `selector`.
 */
export async function webviewFrame(page, selector, { timeout = 30_000 } = {}) {
  return waitFor(async () => {
    for (const frame of page.frames()) {
      if (frame.isDetached()) continue;
      if (frame.name() !== 'active-frame' && !frame.url().includes('fake.html')) continue;
      if (await frame.$(selector).catch(() => null)) return frame;
    }
    return undefined;
  }, { timeout, message: `a webview showing ${selector}` });
}

/** Runs a command from the Command Palette (F1), picking the entry whose label matches exactly. */
export async function runCommand(page, title) {
  await page.locator('.monaco-workbench').click({ position: { x: 5, y: 5 }, trial: true }).catch(() => {});
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input.input');
  await input.waitFor({ timeout: 10_000 });
  await input.fill(`>${title}`);
  const entry = page.locator('.quick-input-widget .monaco-list-row').filter({ hasText: title }).first();
  await entry.waitFor({ timeout: 10_000 });
  await entry.click();
}

/** Picks an item from an open quick pick by its label. */
export async function pickQuickItem(page, label) {
  const entry = page.locator('.quick-input-widget .monaco-list-row').filter({ hasText: label }).first();
  await entry.waitFor({ timeout: 10_000 });
  await entry.click();
}

/**
 * Pictures for the README, through the runner's ctx.screenshot: `npm test` writes them to the
 * ignored out/e2e/images/, `npm run test:e2e -- --update-screenshots` to docs/images/.
 */
export async function docsScreenshot(ctx, name) {
  return ctx.screenshot(name);
}

/**
 * Runs axe-core on the lesson page only: the webview's inner frame, not the workbench around it.
 * It uses the axe-core that @axe-core/playwright ships, injected straight into that frame:
 * AxeBuilder's own frame walk returned no results through VS Code's nested webview frames (tried
 * with frame selectors; 0 rules ran), so it would have passed without checking anything.
 * Returns the serious and critical violations; fails if no rules ran.
 */
export async function axeLessonPage(page, { include = 'body' } = {}) {
  return axePage(page, { selector: 'main#bp-lesson', include });
}

/** Runs axe-core (as axeLessonPage does) in the webview whose page shows `selector`. */
export async function axePage(page, { selector, include = 'body' }) {
  const { createRequire } = await import('node:module');
  const { default: fs } = await import('node:fs');
  const require = createRequire(import.meta.url);
  const axePath = require.resolve('axe-core/axe.min.js', { paths: [require.resolve('@axe-core/playwright')] });
  const source = fs.readFileSync(axePath, 'utf8');
  // A theme change can re-create the webview frame under us; then look it up again and rerun.
  let results;
  for (let attempt = 1; !results; attempt++) {
    try {
      results = await runAxe(await themedWebviewFrame(page, selector), source, include);
    } catch (error) {
      if (attempt >= 3 || !/detached|destroyed/i.test(String(error))) throw error;
      await page.waitForTimeout(1_000);
    }
  }
  if (results.checked === 0) throw new Error(`axe ran no rules on the page showing ${selector}`);
  const serious = results.violations.filter(violation => violation.impact === 'serious' || violation.impact === 'critical');
  return {
    serious,
    checked: results.checked,
    describe: () => serious.map(v => `${v.id} (${v.impact}, ${v.nodes.length}): ${v.help} — ${v.nodes.slice(0, 4).map(n => `${n.target.join(' ')}: ${(n.summary ?? '').split('\n').slice(1, 2).join('')}`).join(' | ')}`).join('\n'),
  };
}

/** The webview body class VS Code sets for each workbench theme type. */
const WEBVIEW_THEME_CLASS = { 'hc-black': 'vscode-high-contrast', 'hc-light': 'vscode-high-contrast-light', 'vs-dark': 'vscode-dark', vs: 'vscode-light' };

/**
 * The webview showing `selector`, once its page wears the workbench's current theme: the body has that
 * theme's class and an opaque background that stays the same for two readings. Right after a reload
 * the page can still be between themes (the colours half applied, the background still transparent),
 * and axe would then measure contrast against a white it invented.
 */
export async function themedWebviewFrame(page, selector, { timeout = 30_000 } = {}) {
  const workbenchClasses = (await page.locator('.monaco-workbench').getAttribute('class')) ?? '';
  const themeType = Object.keys(WEBVIEW_THEME_CLASS).find(type => workbenchClasses.split(/\s+/).includes(type));
  const bodyClass = themeType && WEBVIEW_THEME_CLASS[themeType];
  let previous;
  return waitFor(async () => {
    const frame = await webviewFrame(page, selector, { timeout });
    const reading = await frame.evaluate(() => ({
      classes: [...document.body.classList],
      background: getComputedStyle(document.body).backgroundColor,
    }));
    const opaque = !/^rgba\(.*,\s*0\)$/.test(reading.background) && reading.background !== 'transparent';
    const themed = !bodyClass || reading.classes.includes(bodyClass)
      // vscode-high-contrast-light bodies carry vscode-high-contrast too; a dark one must not be light.
      && (bodyClass !== 'vscode-high-contrast' || !reading.classes.includes('vscode-high-contrast-light'));
    const steady = previous === reading.background;
    previous = reading.background;
    if (themed && opaque && steady) return frame;
    await page.waitForTimeout(300);
    return undefined;
  }, { timeout, message: `the webview showing ${selector} in the ${themeType ?? 'current'} theme` });
}

async function runAxe(frame, source, include) {
  await frame.evaluate(source);
  return frame.evaluate(context => window.axe.run(context, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    resultTypes: ['violations'],
  }).then(r => ({
    checked: r.passes.length + r.violations.length + r.incomplete.length,
    violations: r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => ({ target: n.target, summary: n.failureSummary })) })),
  })), include);
}

/** Presses Tab inside the page until `predicate(activeElement)` holds; fails after `max` presses. */
export async function tabUntil(page, frame, predicate, { max = 120, shift = false, what = 'the element' } = {}) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(shift ? 'Shift+Tab' : 'Tab');
    if (await frame.evaluate(predicate).catch(() => false)) return i + 1;
  }
  throw new Error(`${what} was not reached with ${max} Tab presses`);
}

/** Switches the colour theme through the user settings and reloads the window so every webview picks it up. */
export async function switchTheme(page, setSettings, theme, workbenchClass) {
  setSettings({ 'workbench.colorTheme': theme });
  const reloaded = page.waitForEvent('framenavigated', { predicate: frame => frame === page.mainFrame(), timeout: 60_000 });
  reloaded.catch(() => {}); // awaited below; never an unhandled rejection if the command fails first
  await runCommand(page, 'Developer: Reload Window');
  await reloaded;
  await waitForWorkbench(page);
  await waitFor(async () => (await page.locator('.monaco-workbench').getAttribute('class'))?.includes(workbenchClass),
    { timeout: 90_000, message: `the ${theme} theme` });
}
