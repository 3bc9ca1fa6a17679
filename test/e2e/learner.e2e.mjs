// A learner's first session, clicked through the real workbench. The tests run in order on one page.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  docsScreenshot, isChecked, openViewContainer, pickQuickItem, rowCheckbox, rowDescription, runCommand, treeRow,
  waitFor, waitForWorkbench, webviewFrame,
} from './workbench.mjs';

export const options = {
  trustWorkspace: true,
  settings: { 'workbench.colorTheme': 'Default Light Modern' },
};

const STAGE = 'Foundation';
const SKILL = '1 · HTTP Fundamentals';

async function stageCount(page) {
  return rowDescription(treeRow(page, STAGE));
}

/** The lesson page of `skillId`, once its script has run (the complete toggle is wired). */
async function lessonPage(page, skillId) {
  return webviewFrame(page, `body[data-skill-id="${skillId}"] main#bp-lesson h1`);
}

/** `name` is part of the theme's class on the workbench, e.g. light_modern or dark_modern. */
async function themeApplied(page, name) {
  await waitFor(async () => (await page.locator('.monaco-workbench').getAttribute('class'))?.includes(`-${name}-`),
    { timeout: 30_000, message: `the ${name} theme` });
}

export default [
  {
    name: 'opens the Backend Path view from the activity bar',
    fn: async ({ page }) => {
      await waitForWorkbench(page);
      await openViewContainer(page, 'Backend Path');
      const stage = treeRow(page, STAGE);
      await stage.waitFor({ timeout: 30_000 });
      assert.match(await stageCount(page), /^0\/\d+$/);
      await treeRow(page, SKILL).waitFor();
      // The status bar shows done/22 and continues learning on click.
      const statusItem = page.locator('.part.statusbar [aria-label*="Backend Path"]').first();
      await waitFor(async () => ((await statusItem.textContent().catch(() => '')) ?? '').trim().endsWith('0/22'),
        { message: 'the status bar item "0/22"' });
    },
  },
  {
    name: 'clicking a skill shows its lesson in the webview',
    fn: async ({ page }) => {
      await treeRow(page, SKILL).locator('.label-name').click();
      const frame = await lessonPage(page, 'http-fundamentals');
      const heading = (await frame.locator('main#bp-lesson h1').first().textContent())?.trim();
      assert.ok(heading && /HTTP/i.test(heading), `lesson heading: ${heading}`);
      const tab = page.locator('.tabs-container .tab').filter({ hasText: SKILL });
      await tab.first().waitFor({ timeout: 10_000 });
    },
  },
  {
    name: 'screenshot: sidebar and lesson in the light theme',
    fn: async (ctx) => {
      const { page } = ctx;
      await themeApplied(page, 'light_modern');
      await lessonPage(page, 'http-fundamentals');
      await sleepForPaint(page);
      await docsScreenshot(ctx, 'sidebar-lesson-light.png');
    },
  },
  {
    name: 'answers a quiz question at the end of the lesson (screenshot)',
    fn: async (ctx) => {
      const { page } = ctx;
      const frame = await lessonPage(page, 'http-fundamentals');
      const quiz = frame.locator('#bp-quiz');
      await quiz.waitFor({ timeout: 10_000 });
      await quiz.scrollIntoViewIfNeeded();
      await frame.locator('#bp-quiz .question .choice').first().click();
      await waitFor(async () => ((await frame.locator('#bp-quiz .question .feedback').first().textContent()) ?? '').trim().length > 0,
        { message: 'feedback on the first answer' });
      await frame.locator('#bp-quiz .question').first().scrollIntoViewIfNeeded();
      await sleepForPaint(page);
      await docsScreenshot(ctx, 'lesson-quiz.png');
    },
  },
  {
    name: 'the quiz answer and the scroll position survive hiding the panel',
    fn: async ({ page }) => {
      // Another editor in the same group hides the lesson; its webview is torn down until shown again.
      await runCommand(page, 'File: New Untitled Text File');
      await page.locator('.tabs-container .tab').filter({ hasText: 'Untitled' }).first().waitFor({ timeout: 10_000 });
      await page.locator('.tabs-container .tab').filter({ hasText: SKILL }).first().click();
      const frame = await lessonPage(page, 'http-fundamentals');
      await waitFor(async () => ((await frame.locator('#bp-quiz .question .feedback').first().textContent()) ?? '').trim().length > 0,
        { message: 'the first answer\'s feedback after showing the lesson again' });
      const scrollY = await frame.evaluate(() => window.scrollY);
      assert.ok(scrollY > 0, `the page came back scrolled to the quiz (scrollY ${scrollY})`);
    },
  },
  {
    name: 'ticking a skill updates the stage count',
    fn: async ({ page }) => {
      const before = await stageCount(page);
      const [done, total] = before.split('/').map(Number);
      const row = treeRow(page, SKILL);
      assert.equal(await isChecked(row), false);
      await rowCheckbox(row).click();
      await waitFor(async () => (await stageCount(page)) === `${done + 1}/${total}`,
        { message: `stage count ${done + 1}/${total}` });
      assert.equal(await isChecked(row), true);
    },
  },
  {
    // code-server reads user settings when the page loads, so the theme switch rides on this reload.
    name: 'the tick is still there after reloading the page (now in the dark theme)',
    timeout: 240_000,
    fn: async ({ page, setSettings }) => {
      const expected = await stageCount(page);
      setSettings({ 'workbench.colorTheme': 'Default Dark Modern' });
      // Reload Window goes through the workbench's shutdown, which saves the open editors first;
      // a bare page.reload() can race that save and come back without the lesson tab.
      const reloaded = page.waitForEvent('framenavigated', { predicate: frame => frame === page.mainFrame(), timeout: 30_000 });
      await runCommand(page, 'Developer: Reload Window');
      await reloaded;
      await waitForWorkbench(page);
      await openViewContainer(page, 'Backend Path');
      const row = treeRow(page, SKILL);
      await row.waitFor({ timeout: 90_000 }); // a reload under load takes long
      await waitFor(async () => (await stageCount(page)) === expected, { message: `stage count ${expected} after reload` });
      assert.equal(await isChecked(row), true);
    },
  },
  {
    name: 'screenshot: sidebar and the restored lesson in the dark theme',
    fn: async (ctx) => {
      const { page } = ctx;
      await themeApplied(page, 'dark_modern');
      // The serializer brings the lesson back after a reload; open it again if it did not.
      const restored = await lessonPage(page, 'http-fundamentals').catch(() => undefined);
      let frame = restored;
      if (!frame) {
        await treeRow(page, SKILL).locator('.label-name').click();
        frame = await lessonPage(page, 'http-fundamentals');
      }
      // The restored page keeps its scroll position (the quiz); the picture shows the lesson's start.
      await frame.evaluate(() => window.scrollTo(0, 0));
      await sleepForPaint(page);
      await docsScreenshot(ctx, 'sidebar-lesson-dark.png');
      assert.ok(restored, 'the lesson panel was restored after the reload');
    },
  },
  {
    name: 'Scaffold Starter Project from the Command Palette writes the files into the workspace',
    fn: async ({ page, workspace, repoRoot }) => {
      await runCommand(page, 'Backend Path: Scaffold Starter Project');
      await pickQuickItem(page, 'Node.js starter');
      // Scaffold asks where the project goes; the workspace folder is offered first.
      await pickQuickItem(page, 'inside this workspace folder');
      const target = path.join(workspace, 'node-starter');
      const expected = listFiles(path.join(repoRoot, 'templates', 'node'));
      await waitFor(() => fs.existsSync(target) && listFiles(target).length === expected.length,
        { timeout: 20_000, message: `${expected.length} files in ${target}` });
      assert.deepEqual(listFiles(target), expected);
    },
  },
];

function listFiles(dir) {
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter(rel => fs.statSync(path.join(dir, rel)).isFile())
    .map(rel => rel.split(path.sep).join('/'))
    .sort();
}

/** Lets the theme and layout settle so the screenshots are not caught mid-transition. */
async function sleepForPaint(page) {
  await page.mouse.move(900, 300); // off the activity bar, so no hover tooltip ends up in the picture
  await page.evaluate(() => new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await page.waitForTimeout(500);
}
