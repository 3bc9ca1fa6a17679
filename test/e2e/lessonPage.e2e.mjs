// The lesson page in the real workbench: per-choice quiz feedback, locked questions, keyboard-only
// use with a visible focus ring, links that open once, new lessons at the top, Back/Forward, Reset
// refreshing the quiz, narrow tables, and axe-core in light, dark and both high-contrast themes.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  axeLessonPage, docsScreenshot, switchTheme, openViewContainer, runCommand, tabUntil, treeRow, waitFor, waitForWorkbench, webviewFrame,
} from './workbench.mjs';

export const options = {
  trustWorkspace: true,
  settings: { 'workbench.colorTheme': 'Default Light Modern' },
};

const FIRST = 'http-fundamentals';
const FIRST_LABEL = '1 · HTTP Fundamentals';

async function lessonPage(page, skillId) {
  return webviewFrame(page, `body[data-skill-id="${skillId}"] main#bp-lesson`);
}

/** A question of lesson 1 and a wrong choice with its own feedback, read from quiz.json. */
function wrongAnswer(repoRoot) {
  const questions = JSON.parse(fs.readFileSync(path.join(repoRoot, 'lessons', '01-http-fundamentals', 'quiz.json'), 'utf8'));
  for (const [index, question] of questions.entries()) {
    const choice = (question.feedback ?? []).findIndex((text, choiceIndex) => choiceIndex !== question.answer && typeof text === 'string');
    if (choice >= 0) return { id: question.id ?? `q${index + 1}`, question, choice };
  }
  throw new Error('lesson 1 has no question with per-choice feedback (quiz.json "feedback")');
}

async function assertNoSeriousViolations(page, where, include) {
  const { serious, checked, describe } = await axeLessonPage(page, { include });
  console.log(`      axe (${where}): ${checked} rules checked, ${serious.length} serious/critical`);
  assert.equal(serious.length, 0, `${where}:\n${describe()}`);
}


async function settle(page) {
  await page.mouse.move(900, 300);
  await page.evaluate(() => new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await page.waitForTimeout(400);
}

/** The element focused inside the page, described so a failure says where focus went. */
const focusedAction = () => {
  const element = document.activeElement;
  return element ? `${element.tagName.toLowerCase()}#${element.id}[${element.getAttribute('data-action') ?? ''}]` : 'none';
};

/** Whether the focused element draws a focus ring (an outline of at least 1 px). */
const hasFocusRing = () => {
  const element = document.activeElement;
  if (!element || element === document.body) return false;
  const style = getComputedStyle(element);
  return style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) >= 1;
};

export default [
  {
    name: 'opens lesson 1 from the tree; the tab and header use the path position',
    timeout: 240_000, // the first start of the extension host is slow on a loaded machine
    fn: async ({ page }) => {
      await waitForWorkbench(page);
      await openViewContainer(page, 'Backend Path');
      await treeRow(page, FIRST_LABEL).waitFor({ timeout: 150_000 });
      await treeRow(page, FIRST_LABEL).locator('.label-name').click();
      const frame = await lessonPage(page, FIRST);
      await page.locator('.tabs-container .tab').filter({ hasText: FIRST_LABEL }).first().waitFor({ timeout: 10_000 });
      assert.match(await frame.locator('.eyebrow').textContent(), /Skill 1 of 22/);
    },
  },
  {
    name: 'axe: the lesson page in the light theme has no serious or critical violations',
    timeout: 180_000,
    fn: async ({ page }) => {
      await lessonPage(page, FIRST);
      await assertNoSeriousViolations(page, 'light');
    },
  },
  {
    name: "answering wrongly shows that choice's own explanation and the right one's, and locks the question",
    fn: async ({ page, repoRoot }) => {
      const { id, question, choice } = wrongAnswer(repoRoot);
      const frame = await lessonPage(page, FIRST);
      const fieldset = frame.locator(`.question[data-question-id="${id}"]`);
      await fieldset.scrollIntoViewIfNeeded();
      assert.equal(await frame.locator('#bp-retry-quiz').isHidden(), true, 'no "try again" before an attempt');
      await fieldset.locator(`vscode-button.choice[data-choice="${choice}"]`).click();
      const feedback = fieldset.locator('.feedback');
      await waitFor(async () => (await feedback.textContent())?.includes(question.feedback[choice]),
        { message: `the feedback of choice ${choice}: ${question.feedback[choice]}` });
      const text = await feedback.textContent();
      assert.ok(text.includes(question.explanation), `the right answer's explanation is shown too: ${text}`);
      assert.ok(text.includes(question.choices[question.answer]), 'the right answer is named');
      // Locked: every choice is disabled, the note says so, and "try again" appears.
      const disabled = await fieldset.locator('vscode-button.choice').evaluateAll(buttons => buttons.map(b => b.hasAttribute('disabled')));
      assert.ok(disabled.length > 1 && disabled.every(Boolean), `choices disabled: ${disabled}`);
      assert.equal(await fieldset.locator('.locked-note').isVisible(), true);
      assert.equal(await frame.locator('#bp-retry-quiz').isVisible(), true);
    },
  },
  {
    name: 'axe: the quiz after answering has no serious or critical violations',
    timeout: 180_000,
    fn: async ({ page }) => {
      await assertNoSeriousViolations(page, 'quiz after answering', '#bp-quiz');
    },
  },
  {
    // Named so `--grep "opens lesson 1"` runs it with the test that opens the lesson.
    name: 'opens lesson 1 hints one at a time: Show hint reveals the next, focus moves to it, the status counts them, axe-clean',
    timeout: 180_000,
    fn: async ({ page }) => {
      const frame = await lessonPage(page, FIRST);
      const button = frame.locator('#bp-reveal-hint');
      await button.scrollIntoViewIfNeeded();
      assert.match(await button.textContent(), /^Show hint 1 of [2-4]$/);
      assert.equal(await frame.locator('.hint').first().isHidden(), true, 'no hint before it is asked for');
      await button.click();
      const first = frame.locator('.hint').first();
      await waitFor(async () => first.isVisible(), { message: 'the first hint shows' });
      assert.equal(await frame.locator('.hint').nth(1).isHidden(), true, 'one hint at a time');
      await waitFor(async () => (await frame.locator('#bp-hint-status').textContent()) === '1 hint used', { message: 'the status counts the hint' });
      assert.match(await button.textContent(), /^Show hint 2 of [2-4]$/);
      assert.equal(await frame.evaluate(() => document.activeElement?.classList.contains('hint') ?? false), true, 'focus moves to the hint just shown');
      await assertNoSeriousViolations(page, 'hints with one revealed', '#bp-hints');
    },
  },
  {
    name: 'keyboard only: copy, insert, run, answer and next, each with a visible focus ring',
    timeout: 180_000,
    fn: async ({ page }) => {
      const frame = await lessonPage(page, FIRST);
      await frame.evaluate(() => window.scrollTo(0, 0));
      // Start the Tab order at the lesson title, as a reader who clicked into the text would.
      await frame.locator('main#bp-lesson h1').first().click();

      await tabUntil(page, frame, () => document.activeElement?.getAttribute('data-action') === 'copyCode', { what: 'Copy' });
      assert.ok(await frame.evaluate(hasFocusRing), `focus ring on Copy (${await frame.evaluate(focusedAction)})`);
      await page.keyboard.press('Enter');
      await page.locator('.part.statusbar').filter({ hasText: 'copied' }).first().waitFor({ timeout: 10_000 });

      await tabUntil(page, frame, () => document.activeElement?.getAttribute('data-action') === 'insertCode', { what: 'Insert' });
      assert.ok(await frame.evaluate(hasFocusRing), 'focus ring on Insert');
      const tabsBefore = await page.locator('.tabs-container .tab').count();
      await page.keyboard.press('Enter');
      await waitFor(async () => (await page.locator('.tabs-container .tab').count()) > tabsBefore, { message: 'an editor with the inserted code' });

      const lesson = await lessonPage(page, FIRST);
      await lesson.locator('main#bp-lesson h1').first().click();
      const run = await lesson.evaluate(() => document.querySelector('[data-action="runInTerminal"]') !== null);
      if (run) {
        await tabUntil(page, lesson, () => document.activeElement?.getAttribute('data-action') === 'runInTerminal', { what: 'Run in terminal', max: 400 });
        assert.ok(await lesson.evaluate(hasFocusRing), 'focus ring on Run in terminal');
        const code = await lesson.evaluate(() => {
          const block = document.activeElement?.closest('.code-block');
          return block?.querySelector('pre code')?.textContent ?? '';
        });
        await page.keyboard.press('Enter');
        const dialog = page.locator('.monaco-dialog-box');
        await dialog.waitFor({ timeout: 10_000 });
        try {
          // The dialog lays lines out as blocks, so compare the text without its line breaks.
          const shown = await dialog.locator('.dialog-message-detail').textContent();
          assert.equal(shown.replace(/\s+/g, ''), code.replace(/\s+/g, ''), 'the dialog shows exactly the command that would run');
        } finally {
          await page.keyboard.press('Escape');
          await dialog.waitFor({ state: 'hidden', timeout: 10_000 });
        }
      } else {
        console.log('      (lesson 1 offers no Run in terminal: no `bash local` block)');
      }

      // Answer a question that is still open, with Enter.
      const open = await lesson.evaluate(() => [...document.querySelectorAll('.question:not(.answered)')].map(q => q.getAttribute('data-question-id'))[0]);
      assert.ok(open, 'an unanswered question');
      await lesson.locator(`.question[data-question-id="${open}"] legend`).click();
      await tabUntil(page, lesson, () => document.activeElement?.classList.contains('choice'), { what: 'a quiz choice' });
      assert.ok(await lesson.evaluate(hasFocusRing), 'focus ring on a choice');
      await page.keyboard.press('Enter');
      await waitFor(async () => ((await lesson.locator(`.question[data-question-id="${open}"] .feedback`).textContent()) ?? '').trim().length > 0,
        { message: 'feedback after answering with Enter' });

      await lesson.locator('#bp-quiz-score').evaluate(element => element.scrollIntoView());
      await lesson.locator('#bp-quiz-heading').click();
      await tabUntil(page, lesson, () => document.activeElement?.id === 'bp-next', { what: 'Next →', max: 200 });
      assert.ok(await lesson.evaluate(hasFocusRing), 'focus ring on Next');
      await page.keyboard.press('Enter');
      await webviewFrame(page, 'body[data-skill-id]:not([data-skill-id="http-fundamentals"]) main#bp-lesson');
    },
  },
  {
    name: 'the next lesson opens at its top, and Back returns to lesson 1',
    fn: async ({ page }) => {
      const frame = await webviewFrame(page, 'body[data-skill-id]:not([data-skill-id="http-fundamentals"]) main#bp-lesson');
      await page.waitForTimeout(500);
      assert.equal(await frame.evaluate(() => window.scrollY), 0, 'a new lesson starts at the top, not at the previous scroll position');
      await frame.locator('#bp-back').click();
      const first = await lessonPage(page, FIRST);
      assert.equal(await first.locator('#bp-forward').getAttribute('disabled'), null, 'Forward is available after Back');
    },
  },
  {
    name: 'keyboard only: mark complete from the footer',
    fn: async ({ page }) => {
      const frame = await lessonPage(page, FIRST);
      await frame.locator('#bp-quiz-heading').click();
      await tabUntil(page, frame, () => document.activeElement?.id === 'bp-complete-toggle', { what: 'Mark complete', max: 200 });
      assert.ok(await frame.evaluate(hasFocusRing), 'focus ring on Mark complete');
      await page.keyboard.press('Enter');
      await waitFor(async () => (await frame.locator('#bp-completion-status').getAttribute('class'))?.includes('done'),
        { message: 'the lesson marked complete' });
    },
  },
  {
    name: 'an external link opens one prompt, not two',
    fn: async ({ page }) => {
      const frame = await lessonPage(page, FIRST);
      const link = frame.locator('a[data-external]').first();
      await link.scrollIntoViewIfNeeded();
      await link.click();
      const dialogs = page.locator('.monaco-dialog-box');
      await dialogs.first().waitFor({ timeout: 10_000 });
      await page.keyboard.press('Escape');
      await dialogs.first().waitFor({ state: 'hidden', timeout: 10_000 });
      // The webview host's own link handling used to open a second prompt right after the first.
      await page.waitForTimeout(2_000);
      assert.equal(await dialogs.count(), 0, 'no second prompt');
    },
  },
  {
    name: 'Reset Progress clears the open quiz and its best score',
    fn: async ({ page }) => {
      const frame = await lessonPage(page, FIRST);
      const openId = await frame.locator('.question:not(.answered)').first().getAttribute('data-question-id');
      const question = frame.locator(`.question[data-question-id="${openId}"]`);
      await question.scrollIntoViewIfNeeded();
      await question.locator('vscode-button.choice').first().click();
      await waitFor(async () => ((await question.locator('.feedback').textContent()) ?? '').trim().length > 0, { message: 'an answer before the reset' });
      assert.ok((await frame.locator('.question.answered').count()) > 0, 'some answers before the reset');
      await runCommand(page, 'Backend Path: Reset Progress');
      const dialog = page.locator('.monaco-dialog-box');
      await dialog.waitFor({ timeout: 10_000 });
      await dialog.locator('.monaco-button').filter({ hasText: /^Reset/ }).first().click();
      await waitFor(async () => (await frame.locator('.question.answered').count()) === 0, { message: 'the quiz cleared' });
      assert.equal((await frame.locator('#bp-quiz-best').textContent()).trim(), '');
      assert.equal(await frame.locator('#bp-retry-quiz').isHidden(), true);
      assert.ok((await frame.locator('#bp-completion-status').getAttribute('class')).includes('todo'));
    },
  },
  {
    name: 'in a narrow editor, tables scroll inside their own box and the page does not',
    fn: async ({ page }) => {
      const size = page.viewportSize();
      try {
        let frame = await lessonPage(page, FIRST);
        // Make the webview about 370 px wide, whatever the side bar and editor groups take.
        let viewport = size.width;
        for (let attempt = 0; attempt < 4; attempt++) {
          const wide = await frame.evaluate(() => window.innerWidth);
          if (Math.abs(wide - 370) <= 15) break;
          viewport = Math.max(450, viewport - (wide - 370));
          await page.setViewportSize({ width: viewport, height: size.height });
          await page.waitForTimeout(800);
          frame = await lessonPage(page, FIRST);
        }
        await waitFor(async () => Math.abs((await frame.evaluate(() => window.innerWidth)) - 370) <= 30, { message: 'a webview about 370 px wide' });
        const layout = await frame.evaluate(() => ({
          width: window.innerWidth,
          pageOverflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
          scrollingTables: [...document.querySelectorAll('.table-scroll')].filter(box => box.scrollWidth > box.clientWidth).length,
          wideElements: [...document.querySelectorAll('body *')]
            .filter(element => element.getBoundingClientRect().right > document.documentElement.clientWidth + 1 && !element.closest('.table-scroll, pre'))
            .slice(0, 5).map(element => `${element.tagName.toLowerCase()}.${element.className}`),
        }));
        console.log(`      webview ${layout.width} px wide: ${layout.scrollingTables} tables scroll on their own`);
        assert.ok(layout.pageOverflow <= 1, `the page itself scrolls sideways by ${layout.pageOverflow} px: ${layout.wideElements.join(', ')}`);
        assert.ok(layout.scrollingTables > 0, 'lesson 1 has tables wider than 370 px, and they scroll inside their box');
      } finally {
        await page.setViewportSize(size);
      }
    },
  },
  ...[
    ['Default Dark Modern', 'vs-dark', 'dark', undefined], // learner.e2e.mjs takes the dark picture
    ['Default High Contrast', 'hc-black', 'dark high contrast', 'sidebar-lesson-hc-dark.png'],
    ['Default High Contrast Light', 'hc-light', 'light high contrast', 'sidebar-lesson-hc-light.png'],
  ].map(([theme, workbenchClass, name, picture]) => ({
    name: `axe: the lesson page in the ${name} theme has no serious or critical violations (screenshot)`,
    timeout: 240_000,
    fn: async (ctx) => {
      const { page, setSettings } = ctx;
      await switchTheme(page, setSettings, theme, workbenchClass);
      let frame = await lessonPage(page, FIRST).catch(() => undefined);
      if (!frame) {
        await openViewContainer(page, 'Backend Path');
        await treeRow(page, FIRST_LABEL).locator('.label-name').click();
        frame = await lessonPage(page, FIRST);
      }
      await settle(page);
      await assertNoSeriousViolations(page, name);
      frame = await lessonPage(page, FIRST);
      // Code in high contrast: inline code and code blocks draw text in a colour different from their background.
      const code = await frame.evaluate(() => {
        const inline = document.querySelector(':not(pre) > code');
        const block = document.querySelector('pre code');
        const colours = element => element && { fg: getComputedStyle(element).color, bg: getComputedStyle(element).backgroundColor };
        return { inline: colours(inline), block: colours(block), blockPre: colours(block?.parentElement) };
      });
      if (code.inline) assert.notEqual(code.inline.fg, code.inline.bg, `inline code: ${JSON.stringify(code.inline)}`);
      if (code.block) assert.equal(code.block.bg, 'rgba(0, 0, 0, 0)', `no band behind code lines: ${JSON.stringify(code.block)}`);
      // The exercise card (stack, hints, Start/Check) in this theme, with a hint revealed: axe checks
      // it with the hint showing.
      const reveal = frame.locator('#bp-reveal-hint');
      if (await reveal.isVisible().catch(() => false)) { // hidden once every hint is shown
        const shownBefore = await frame.locator('.hint:visible').count();
        await reveal.scrollIntoViewIfNeeded();
        await reveal.click();
        await waitFor(async () => (await frame.locator('.hint:visible').count()) > shownBefore, { message: 'a hint revealed' });
      }
      await frame.locator('#bp-exercise').scrollIntoViewIfNeeded();
      await settle(page);
      await assertNoSeriousViolations(page, `exercise card, ${name}`, '#bp-exercise');
      if (name === 'dark') await docsScreenshot(ctx, 'exercise-card-dark.png'); // the README's picture of the card
      if (!picture) return;
      await frame.evaluate(() => window.scrollTo(0, 0));
      await settle(page);
      await docsScreenshot(ctx, picture);
    },
  })),
];
