import * as assert from 'assert';
import * as vscode from 'vscode';
import type { BackendPathApi } from '../../src/api';
import { Commands } from '../../src/constants';
import { activateFromView, closeAllEditors, resetProgress, waitFor } from './helpers';

const DAY = 24 * 60 * 60 * 1000;
const SKILL = 'http-fundamentals';

interface StoredCard {
  readonly reps: number;
  readonly due: string;
  readonly lastRating: number;
}

function storedCards(api: BackendPathApi): Record<string, StoredCard> {
  return ((api.review?.storedReviews() as { cards?: Record<string, StoredCard> } | undefined)?.cards ?? {}) as Record<string, StoredCard>;
}

/** Opens a lesson in a fresh panel and waits for its page to say ready. */
async function openLesson(api: BackendPathApi, skillId: string): Promise<void> {
  await closeAllEditors();
  const ready = api.lessonPanel.whenReady();
  await vscode.commands.executeCommand(Commands.openLesson, skillId);
  await ready;
}

function review(api: BackendPathApi): NonNullable<BackendPathApi['review']> {
  assert.ok(api.review, 'the review test hooks exist in ExtensionMode.Test');
  return api.review;
}

describe('spaced review and the path dashboard', function () {
  this.timeout(180_000);
  let api: BackendPathApi;

  before(async () => {
    api = await activateFromView();
    await resetProgress(api);
    review(api).setClockOffset(0);
  });

  after(async () => {
    review(api).setClockOffset(0);
    await resetProgress(api);
    await closeAllEditors();
  });

  it('a quiz answer becomes a card that falls due as the clock moves; a review moves it out again', async () => {
    const hooks = review(api);
    await openLesson(api, SKILL);
    const html = api.lessonPanel.html ?? '';
    const questions = [...new Set([...html.matchAll(/<fieldset class="question" data-question-id="([a-z0-9-]+)"/g)].map((match) => match[1] as string))];
    assert.ok(questions.length >= 5, `the quiz shows its questions (${questions.join(', ')})`);
    for (const questionId of questions) {
      await api.lessonPanel.receive!({ type: 'answerQuiz', render: api.lessonPanel.render, skillId: SKILL, questionId, choice: 0, elapsedMs: 3_000 });
    }
    // A replayed answer (the page restores its answers after a reload) makes no second review.
    await api.lessonPanel.receive!({ type: 'answerQuiz', render: api.lessonPanel.render, skillId: SKILL, questionId: questions[0], choice: 0, replay: true });
    await waitFor(() => Object.keys(storedCards(api)).length === questions.length, 'a card per answered question');
    assert.ok(Object.values(storedCards(api)).every((card) => card.reps === 1), 'each question was recorded once');
    assert.equal(await hooks.dueCount(), 0, 'nothing is due right after answering');

    await api.applyCheckbox(SKILL, true);
    hooks.setClockOffset(60 * DAY);
    const due = (await waitFor(async () => (await hooks.dueCount()) || undefined, 'cards to fall due after 60 days', 20_000)) as number;
    assert.equal(due, questions.length, 'every card of the completed lesson is due');
    await waitFor(() => new RegExp(`${due} due`).test(hooks.statusText() ?? ''), 'the status bar to show the due count');
    const roots = await api.treeChildren();
    assert.match(String(api.treeItem(roots[0]!).description), new RegExp(`^${due}$`), 'the tree shows "Reviews due" first');

    const served = await vscode.commands.executeCommand<number>(Commands.reviewDue);
    assert.equal(served, due, 'the review round serves every due question');
    const page = (await waitFor(() => hooks.reviewHtml(), 'the review page')) as string;
    const token = Number(/data-token="(\d+)"/.exec(page)?.[1]);
    assert.ok(token > 0, 'the review page shows a question');
    assert.match(page, /Question 1 of \d+/);
    const before = storedCards(api);
    await hooks.receiveReview({ type: 'reviewAnswer', token, choice: 0, elapsedMs: 2_000 });
    const reviewed = (await waitFor(
      () => Object.entries(storedCards(api)).find(([key, card]) => card.reps === (before[key]?.reps ?? 0) + 1),
      'the review to be stored',
    )) as [string, StoredCard];
    assert.ok(Date.parse(reviewed[1].due) > Date.now() + 60 * DAY, 'the reviewed card is due again after the moved clock');
    assert.equal(await hooks.dueCount(), due - 1, 'one fewer question is due');
    // A stale or invalid page message changes nothing.
    await hooks.receiveReview({ type: 'reviewAnswer', token, choice: 1, elapsedMs: 1 });
    await hooks.receiveReview({ type: 'reviewAnswer', token: 'x', choice: 0 });
    assert.deepEqual(storedCards(api), { ...storedCards(api) });
    assert.equal(await hooks.dueCount(), due - 1);
    await hooks.receiveReview({ type: 'reviewNext', token });
    assert.match(hooks.reviewHtml() ?? '', /Question 2 of/, 'Next serves the following question');
  });

  it('the dashboard shows stages, reviews and the study plan, and updates after a tick', async () => {
    const hooks = review(api);
    await vscode.commands.executeCommand(Commands.showMyPath);
    const first = (await waitFor(() => hooks.dashboardHtml(), 'the dashboard page')) as string;
    for (const expected of [/Level: Intermediate/, /Duration: about 7 months/, /Foundation: 1 of 5 skills complete/, /id="bp-plan-verdict"/, /due today/, /platform engineer/]) {
      assert.match(first, expected);
    }
    await api.applyCheckbox('request-response-cycle', true);
    await waitFor(() => /Foundation: 2 of 5 skills complete/.test(hooks.dashboardHtml() ?? ''), 'the dashboard to update after a tick', 20_000);
  });

  it('Reset clears the schedule, and with reviews turned off nothing is served', async () => {
    const hooks = review(api);
    assert.ok(Object.keys(storedCards(api)).length > 0);
    await resetProgress(api);
    assert.deepEqual(storedCards(api), {});
    assert.equal(await hooks.dueCount(), 0);
    const settings = vscode.workspace.getConfiguration('backendPath');
    await settings.update('reviews.enabled', false, vscode.ConfigurationTarget.Global);
    try {
      await openLesson(api, SKILL);
      const questionId = /data-question-id="([a-z0-9-]+)"/.exec(api.lessonPanel.html ?? '')?.[1];
      await api.lessonPanel.receive!({ type: 'answerQuiz', render: api.lessonPanel.render, skillId: SKILL, questionId, choice: 0 });
      assert.deepEqual(storedCards(api), {}, 'no card is made while reviews are off');
      assert.equal(await vscode.commands.executeCommand(Commands.reviewDue), 0);
    } finally {
      await settings.update('reviews.enabled', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
