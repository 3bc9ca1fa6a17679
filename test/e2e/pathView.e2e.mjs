// The Learning Path view as a learner meets it in the first minute: no false error while it loads,
// no jump under the cursor on the first tick, checkboxes with a name, the walkthrough step that
// ticks when the view is already open, and Start Exercise opening the file beside the lesson.
import assert from 'node:assert/strict';
import {
  isChecked, openViewContainer, pickQuickItem, rowCheckbox, rowDescription, runCommand, treeRow,
  waitFor, waitForWorkbench, webviewFrame,
} from './workbench.mjs';

export const options = { trustWorkspace: true };

const SKILL = '1 · HTTP Fundamentals';
const LATER_SKILL = '3 · PHP Fundamentals';

export default [
  {
    name: 'path view: while the path loads the view says so, and never shows the load error',
    fn: async ({ page }) => {
      await waitForWorkbench(page);
      const seen = new Set();
      const sidebar = page.locator('.part.sidebar');
      const watch = (async () => {
        // Sample the side bar as often as the page allows until the first skill row is there.
        for (let i = 0; i < 600; i++) {
          const text = (await sidebar.textContent().catch(() => '')) ?? '';
          if (/could not be loaded/i.test(text)) seen.add('error');
          if (/Loading the learning path/i.test(text)) seen.add('loading');
          if (await treeRow(page, SKILL).isVisible().catch(() => false)) return;
          await page.waitForTimeout(25);
        }
      })();
      await openViewContainer(page, 'Backend Path');
      await watch;
      await treeRow(page, SKILL).waitFor({ timeout: 30_000 });
      assert.ok(!seen.has('error'), 'the load error never flashed');
      assert.doesNotMatch((await sidebar.textContent()) ?? '', /could not be loaded/i);
    },
  },
  {
    name: 'path view: a skill checkbox has an accessible name',
    fn: async ({ page }) => {
      const box = rowCheckbox(treeRow(page, SKILL));
      const label = await waitFor(async () => box.getAttribute('aria-label'), { message: 'the checkbox aria-label' });
      assert.match(label, /1 · HTTP Fundamentals/);
    },
  },
  {
    name: 'path view: ticking the first skill does not move the tree under the cursor',
    fn: async ({ page }) => {
      const row = treeRow(page, SKILL);
      const later = treeRow(page, LATER_SKILL);
      await later.waitFor({ timeout: 10_000 });
      const before = [await row.boundingBox(), await later.boundingBox()];
      assert.equal(await isChecked(row), false);
      await rowCheckbox(row).click();
      await waitFor(async () => isChecked(row), { message: 'the tick' });
      await waitFor(async () => /^1\//.test((await rowDescription(treeRow(page, 'Foundation'))) ?? ''), { message: 'the stage count 1/…' });
      // Give the workbench time to re-lay out views, as it did when the Welcome view used to hide.
      await page.waitForTimeout(1500);
      const after = [await row.boundingBox(), await later.boundingBox()];
      assert.equal(Math.round(after[0].y), Math.round(before[0].y), 'the ticked row stays where it was');
      assert.equal(Math.round(after[1].y), Math.round(before[1].y), 'the rows below stay where they were');
      await rowCheckbox(row).click();
      await waitFor(async () => !(await isChecked(row)), { message: 'the untick' });
    },
  },
  {
    name: 'path view: the walkthrough step "Open the Learning Path" is ticked when the view is already open',
    fn: async ({ page }) => {
      await runCommand(page, 'Welcome: Open Walkthrough...');
      await pickQuickItem(page, 'Get started with Backend Path');
      const step = page.locator('.getting-started-step[data-step-id$="#openView"]').first();
      await step.waitFor({ timeout: 30_000 });
      await waitFor(async () => {
        return (await step.getAttribute('aria-checked')) === 'true';
      }, { timeout: 20_000, message: 'the step to be ticked' });
      await runCommand(page, 'View: Close All Editors');
    },
  },
  {
    name: 'path view: Start Exercise from the lesson opens the file beside it; the lesson stays in view',
    fn: async ({ page }) => {
      await treeRow(page, SKILL).locator('.label-name').click();
      await webviewFrame(page, 'body[data-skill-id="http-fundamentals"] main#bp-lesson h1');
      await runCommand(page, 'Backend Path: Start Exercise');
      // Skill 1 has both stacks and no stack is chosen yet: the first start asks which one.
      const nodeChoice = page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: 'Node.js' }).first();
      await nodeChoice.waitFor({ state: 'visible', timeout: 20_000 });
      await nodeChoice.click();
      const groups = page.locator('.part.editor .editor-group-container');
      await waitFor(async () => (await groups.count()) === 2, { timeout: 20_000, message: 'two editor groups' });
      // The lesson's tab is still the visible one in its group, and app.js is open in the other.
      const activeTabs = page.locator('.part.editor .tabs-container .tab.active');
      await waitFor(async () => {
        const titles = await activeTabs.allTextContents();
        return titles.some((title) => title.includes(SKILL)) && titles.some((title) => title.includes('app.js'));
      }, { timeout: 20_000, message: 'the lesson and app.js side by side' });
    },
  },
];
