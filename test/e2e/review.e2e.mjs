// Spaced review and the path dashboard in the real workbench: answer a lesson quiz, complete the
// lesson, move the review clock (a development-only command), review the due question with per-choice
// feedback, see the dashboard, and run axe-core on both pages (light and high-contrast dark).
import assert from 'node:assert/strict';
import {
  axePage, docsScreenshot, openViewContainer, runCommand, switchTheme, treeRow, waitFor, waitForWorkbench, webviewFrame,
} from './workbench.mjs';

export const options = {
  trustWorkspace: true,
  settings: { 'workbench.colorTheme': 'Default Light Modern' },
};

const FIRST_LABEL = '1 · HTTP Fundamentals';

async function assertAccessible(page, selector, where) {
  const { serious, checked, describe } = await axePage(page, { selector });
  console.log(`      axe (${where}): ${checked} rules checked, ${serious.length} serious/critical`);
  assert.equal(serious.length, 0, `${where}:\n${describe()}`);
}

export default [
  {
    name: 'answering a lesson quiz and completing the lesson makes its questions review cards',
    timeout: 240_000,
    fn: async ({ page }) => {
      await waitForWorkbench(page);
      await openViewContainer(page, 'Backend Path');
      await treeRow(page, FIRST_LABEL).waitFor({ timeout: 150_000 });
      await treeRow(page, FIRST_LABEL).locator('.label-name').click();
      const frame = await webviewFrame(page, 'body[data-skill-id="http-fundamentals"] main#bp-lesson');
      // Answer every question with its first displayed choice: some right, some wrong.
      const questions = await frame.$$eval('[data-action="answerQuiz"]', (buttons) => [...new Set(buttons.map((b) => b.dataset.questionId))]);
      assert.ok(questions.length >= 5, `the quiz shows its questions (${questions.length})`);
      for (const id of questions) {
        await frame.locator(`[data-action="answerQuiz"][data-question-id="${id}"]`).first().click();
        await waitFor(() => frame.locator(`[data-action="answerQuiz"][data-question-id="${id}"][disabled]`).count(), { message: `question ${id} locked` });
      }
      await frame.locator('#bp-complete-toggle').click();
      await waitFor(async () => (await frame.locator('#bp-complete-toggle').getAttribute('data-complete')) === 'true', { message: 'the lesson marked complete' });
    },
  },
  {
    name: 'moving the clock shows the due count in the status bar; the review page serves a question with feedback',
    timeout: 180_000,
    fn: async (ctx) => {
      const { page } = ctx;
      const status = page.locator('.part.statusbar [aria-label*="review questions due"]').first();
      assert.equal(await status.count(), 0, 'nothing is due right after answering');
      for (let i = 0; i < 3; i += 1) await runCommand(page, 'Backend Path: Advance the Review Clock by 2 Days (Development)');
      await status.waitFor({ timeout: 30_000 });
      assert.match(await status.getAttribute('aria-label'), /Backend Path, \d+ review questions due/);
      await status.click();
      const frame = await webviewFrame(page, 'main#bp-review');
      await assertAccessible(page, 'main#bp-review', 'review question');
      await frame.locator('button.bp-choice').first().click();
      await waitFor(() => frame.locator('#bp-review-feedback .verdict').count(), { message: 'the review feedback' });
      const feedback = await frame.locator('#bp-review-feedback').innerText();
      assert.ok(feedback.length > 20, `feedback explains the answer: ${feedback}`);
      await assertAccessible(page, 'main#bp-review', 'review after answering');
      await docsScreenshot(ctx, 'review.png');
    },
  },
  {
    name: 'the dashboard shows the path, the reviews and the plan, and passes axe',
    timeout: 180_000,
    fn: async (ctx) => {
      const { page } = ctx;
      await runCommand(page, 'Backend Path: Show My Path');
      const frame = await webviewFrame(page, 'main#bp-dashboard');
      const text = await frame.locator('main#bp-dashboard').innerText();
      assert.match(text, /Foundation: 1 of 5 skills complete/);
      assert.match(text, /Intermediate/);
      assert.match(text, /Projected finish/);
      assert.equal(await frame.locator('svg[role="img"] desc').count(), 2, 'both charts have a text alternative');
      await assertAccessible(page, 'main#bp-dashboard', 'dashboard, light theme');
      await docsScreenshot(ctx, 'dashboard.png');
    },
  },
  {
    name: 'the dashboard in the high-contrast dark theme passes axe (its reviews and charts stay readable)',
    timeout: 240_000,
    fn: async (ctx) => {
      const { page, setSettings } = ctx;
      await switchTheme(page, setSettings, 'Default High Contrast', 'hc-black');
      await runCommand(page, 'Backend Path: Show My Path');
      const frame = await webviewFrame(page, 'main#bp-dashboard');
      assert.match(await frame.locator('main#bp-dashboard').innerText(), /Foundation: 1 of 5 skills complete/);
      await assertAccessible(page, 'main#bp-dashboard', 'dashboard, high-contrast dark theme');
      await docsScreenshot(ctx, 'dashboard-hc-dark.png');
    },
  },
];
