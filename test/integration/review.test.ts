import * as assert from 'assert';
import * as vscode from 'vscode';
import { Commands } from '../../src/constants';
import { activateFromView, waitFor } from './helpers';

const DAY = 24 * 60 * 60 * 1000;
const SKILL = 'http-fundamentals';

interface StoredCards {
  cards?: Record<string, { reps: number; due: string; lastRating: number }>;
}

suite('spaced review and the path dashboard', function () {
  this.timeout(120_000);

  suiteSetup(async () => {
    const api = await activateFromView();
    assert.ok(api.review, 'the review test hooks are there in ExtensionMode.Test');
    await vscode.commands.executeCommand(Commands.resetProgressWithoutAsking);
  });

  test('a quiz answer becomes a review card that falls due as the clock moves, and a review moves it out', async () => {
    const api = await activateFromView();
    const review = api.review!;
    review.setClockOffset(0);
    await vscode.commands.executeCommand(Commands.openLesson, SKILL);
    await api.lessonPanel.whenReady();
    const questions = [...(api.lessonPanel.html ?? '').matchAll(/data-question-id="([a-z0-9-]+)"/g)].map((match) => match[1] as string);
    const unique = [...new Set(questions)];
    assert.ok(unique.length >= 5, `the quiz shows its questions (${unique.join(', ')})`);
    // Answer every question with the displayed first choice: some right, some wrong.
    for (const questionId of unique) {
      await api.lessonPanel.receive!({ type: 'answerQuiz', render: api.lessonPanel.render, skillId: SKILL, questionId, choice: 0, elapsedMs: 3_000 });
    }
    const stored = () => (review.storedReviews() as StoredCards).cards ?? {};
    await waitFor(() => Object.keys(stored()).length === unique.length, 'a card per answered question');
    assert.equal(await review.dueCount(), 0, 'nothing is due right after answering');

    await api.applyCheckbox(SKILL, true);
    review.setClockOffset(40 * DAY);
    const due = await waitFor(async () => (await review.dueCount()) || undefined, 'cards to fall due after 40 days');
    assert.equal(due, unique.length, 'every card of the completed lesson is due');
    assert.match(review.statusText() ?? '', new RegExp(`${due} due`), 'the status bar shows the due count');

    const served = await vscode.commands.executeCommand<number>(Commands.reviewDue);
    assert.equal(served, due);
    const html = review.reviewHtml() ?? '';
    const token = Number(/data-token="(\d+)"/.exec(html)?.[1]);
    assert.ok(token > 0, 'the review page shows a question');
    const [key] = Object.keys(stored()).filter((k) => html.includes(`Question ${0}`) || true);
    const before = structuredClone(stored());
    await review.receiveReview({ type: 'reviewAnswer', token, choice: 0, elapsedMs: 2_000 });
    await waitFor(() => Object.values(stored()).some((card, index) => card.reps > (Object.values(before)[index]?.reps ?? 0)), 'the review to be stored');
    assert.ok(key);
    const reviewed = Object.entries(stored()).find(([k, card]) => card.reps > (before[k]?.reps ?? 0));
    assert.ok(reviewed, 'one card has one more repetition');
    assert.ok(Date.parse(reviewed[1].due) > Date.now() + 40 * DAY, 'the reviewed card is due again in the future of the moved clock');
    assert.equal(await review.dueCount(), due - 1, 'one fewer due');
  });

  test('the dashboard shows stages, reviews due and the study plan, and updates after a tick', async () => {
    const api = await activateFromView();
    const review = api.review!;
    await vscode.commands.executeCommand(Commands.showMyPath);
    const first = await waitFor(() => review.dashboardHtml(), 'the dashboard page');
    assert.match(first, /Level: Intermediate/);
    assert.match(first, /Duration: about 7 months/);
    assert.match(first, /Foundation: 1 of 5 skills complete/);
    assert.match(first, /id="bp-plan-verdict"/);
    assert.match(first, /due today/);
    await api.applyCheckbox('request-response-cycle', true);
    await waitFor(() => /Foundation: 2 of 5 skills complete/.test(review.dashboardHtml() ?? ''), 'the dashboard to update after a tick');
  });

  test('Reset clears the schedule, and reviews can be turned off', async () => {
    const api = await activateFromView();
    const review = api.review!;
    await vscode.commands.executeCommand(Commands.resetProgressWithoutAsking);
    assert.deepEqual((review.storedReviews() as StoredCards).cards ?? {}, {});
    await vscode.workspace.getConfiguration('backendPath').update('reviews.enabled', false, vscode.ConfigurationTarget.Global);
    try {
      assert.equal(await vscode.commands.executeCommand(Commands.reviewDue), 0);
    } finally {
      await vscode.workspace.getConfiguration('backendPath').update('reviews.enabled', undefined, vscode.ConfigurationTarget.Global);
      review.setClockOffset(0);
    }
  });
});
