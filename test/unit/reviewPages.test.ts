import * as assert from 'node:assert/strict';
import { parseCatalog } from '../../src/curriculum/parseCatalog';
import type { QuizQuestion, Skill } from '../../src/curriculum/types';
import { buildDashboardHtml, ENGLISH_DASHBOARD_LABELS } from '../../src/review/dashboardHtml';
import { buildDashboardModel } from '../../src/review/dashboardModel';
import { sectionForQuestion } from '../../src/review/lessonSection';
import type { ReviewCard } from '../../src/review/reviewCard';
import { buildReviewPageHtml, ENGLISH_REVIEW_LABELS } from '../../src/review/reviewPageHtml';
import { parseReviewPageMessage } from '../../src/review/reviewProtocol';
import { ReviewSession, type ReviewItem } from '../../src/review/reviewSession';
import { readRepoFile } from './helpers';

const catalog = parseCatalog(readRepoFile('lessons/curriculum.json'));
const skill = catalog.skills[0] as Skill;
const resources = { cspSource: 'vscode-webview://x', asWebviewUri: (path: string) => `vscode-webview://x/${path}` };
const question: QuizQuestion = {
  id: 'retry-safe-method',
  objectives: [2],
  question: 'Which method is safe to retry `blindly`?',
  choices: ['POST', 'PATCH', 'PUT', '<script>alert(1)</script>'],
  answer: 2,
  explanation: 'PUT is idempotent.',
  feedback: ['POST creates twice.', 'PATCH may apply twice.', null, 'CONNECT tunnels.'],
};
const card = (overrides: Partial<ReviewCard> = {}): ReviewCard => ({
  skillId: skill.id, questionId: question.id, due: '2027-01-02T00:00:00.000Z', stability: 2, difficulty: 5, scheduledDays: 2,
  learningSteps: 0, reps: 1, lapses: 0, state: 2, lastReview: '2026-12-31T00:00:00.000Z', lastRating: 3, ...overrides,
});

function session(order = [3, 2, 1, 0], recorded: { correct: boolean; elapsedMs?: number }[] = []) {
  const item: ReviewItem = { skill, question, card: card(), order };
  return new ReviewSession([item, { ...item, question: { ...question, id: 'second' } }], {
    now: () => new Date('2027-01-03T00:00:00Z'),
    record: async (_item, outcome) => {
      recorded.push(outcome);
      return card({ due: outcome.correct ? '2027-01-10T00:00:00.000Z' : '2027-01-04T00:00:00.000Z' });
    },
  });
}

describe('review session', () => {
  it('maps the displayed choice back to the file choice and gives the wrong choice its own feedback', async () => {
    const recorded: { correct: boolean; elapsedMs?: number }[] = [];
    const review = session([3, 2, 1, 0], recorded);
    const view = review.view();
    assert.equal(view.kind, 'question');
    // Displayed position 0 is file choice 3 (wrong); the answer (file 2) is shown at position 1.
    const result = await review.answer(1, 0, 4000);
    assert.deepEqual(result, { type: 'reviewResult', token: 1, choice: 0, correct: false, correctChoice: 1, feedback: 'CONNECT tunnels.', explanation: 'PUT is idempotent.' });
    assert.deepEqual(recorded, [{ correct: false, elapsedMs: 4000 }]);
  });

  it('answers each question once, ignores stale tokens, and summarises the round', async () => {
    const review = session();
    assert.equal(await review.answer(2, 1, 0), undefined, 'a token from another question is ignored');
    assert.equal(review.next(1), false, 'cannot skip an unanswered question');
    assert.equal((await review.answer(1, 1, 0))?.correct, true);
    assert.equal(await review.answer(1, 0, 0), undefined, 'a second answer is ignored');
    assert.equal(review.next(1), true);
    assert.equal(review.next(1), false, 'a stale Next is ignored');
    assert.equal((await review.answer(2, 0, 0))?.correct, false);
    assert.equal(review.next(2), true);
    assert.deepEqual(review.view(), { kind: 'summary', total: 2, summary: { reviewed: 2, right: 1, nextDue: '2027-01-04T00:00:00.000Z' } });
  });

  it('ignores a displayed choice outside the question', async () => {
    assert.equal(await session().answer(1, 7, 0), undefined);
  });
});

describe('review and dashboard pages', () => {
  it('builds the review page under the strict CSP, escaping content and linking to the teaching section', () => {
    const item: ReviewItem = { skill, question, card: card(), order: [0, 1, 2, 3], section: { depth: 2, id: 'h-methods', text: 'Methods & semantics' } };
    const html = buildReviewPageHtml({ kind: 'question', token: 5, item, position: 1, total: 3 }, ENGLISH_REVIEW_LABELS, resources, 'NONCE', (iso) => iso);
    assert.match(html, /default-src 'none'/);
    assert.match(html, /script-src 'nonce-NONCE'/);
    assert.doesNotMatch(html, /<script>alert/);
    assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.match(html, /<code>blindly<\/code>/);
    assert.match(html, /data-lesson="http-fundamentals" data-anchor="h-methods">Revisit: Methods &amp; semantics</);
    assert.equal((html.match(/<script /g) ?? []).length, 1);
    assert.match(html, /Question 1 of 3/);
  });

  it('shows the summary and an empty state', () => {
    const summary = buildReviewPageHtml({ kind: 'summary', total: 2, summary: { reviewed: 2, right: 1, nextDue: '2027-01-04T00:00:00.000Z' } }, ENGLISH_REVIEW_LABELS, resources, 'N', () => '4 Jan 2027');
    assert.match(summary, /2 reviewed, 1 right\./);
    assert.match(summary, /Next review due 4 Jan 2027\./);
    const empty = buildReviewPageHtml({ kind: 'summary', total: 0, summary: { reviewed: 0, right: 0 } }, ENGLISH_REVIEW_LABELS, resources, 'N', () => '');
    assert.match(empty, /Nothing is due/);
  });

  it('builds the dashboard: stage chart and forecast with text alternatives, mastery, plan and the path facts', () => {
    const now = new Date('2027-01-03T12:00:00Z');
    const complete = new Set([catalog.skills[0]?.id, catalog.skills[1]?.id]);
    const model = buildDashboardModel({
      catalog,
      facts: (s) => ({ read: true, complete: complete.has(s.id), ...(s.id === skill.id ? { quizBest: { correct: 4, total: 5 }, exercise: { node: 'passed' } } : {}) }),
      cards: [card({ due: '2027-01-03T08:00:00.000Z' }), card({ questionId: 'later', due: '2027-01-05T08:00:00.000Z' }), card({ questionId: 'gone' })],
      isLive: (c) => c.questionId !== 'gone',
      retrievability: () => 0.8,
      now,
      reviewsEnabled: true,
    });
    assert.equal(model.completedCount, 2);
    assert.deepEqual(model.forecast, { today: 1, nextDays: [0, 1, 0, 0, 0, 0, 0] });
    const html = buildDashboardHtml(model, ENGLISH_DASHBOARD_LABELS, resources, 'N', (date) => date.toISOString().slice(0, 10));
    assert.match(html, /role="img" aria-labelledby="bp-progress-title bp-progress-desc"/);
    assert.match(html, /<desc id="bp-progress-desc">Foundation: 2 of 5 skills complete; Core: 0 of 10/);
    assert.match(html, /<desc id="bp-forecast-desc">today: 1, \+1 d: 0, \+2 d: 1/);
    assert.match(html, /Level: Intermediate/);
    assert.match(html, /Duration: about 7 months/);
    assert.match(html, /backend developer, junior full-stack, platform engineer/);
    assert.match(html, /80% \(2 questions\)/, 'mastery counts only live cards');
    assert.match(html, /Node\.js: passed/);
    assert.match(html, /4\/5/);
    assert.match(html, /id="bp-plan-verdict"/);
    assert.doesNotMatch(html, /style=/, 'no inline styles: the CSP forbids them');
  });
});

describe('review page messages and teaching sections', () => {
  it('accepts only well-formed messages and clamps hesitation', () => {
    assert.deepEqual(parseReviewPageMessage({ type: 'reviewAnswer', token: 3, choice: 1, elapsedMs: 1e12 }), { type: 'reviewAnswer', token: 3, choice: 1, elapsedMs: 86_400_000 });
    assert.deepEqual(parseReviewPageMessage({ type: 'reviewAnswer', token: 3, choice: 1, elapsedMs: 'x' }), { type: 'reviewAnswer', token: 3, choice: 1, elapsedMs: 0 });
    for (const bad of [null, [], { type: 'reviewAnswer', token: -1, choice: 0 }, { type: 'reviewAnswer', token: 1, choice: 1.5 }, { type: 'openLesson', skillId: '../x' }, { type: 'openLesson', skillId: 'a', anchor: 'a b' }, { type: 'eval' }]) {
      assert.equal(parseReviewPageMessage(bad), undefined, JSON.stringify(bad));
    }
    assert.deepEqual(parseReviewPageMessage({ type: 'openLesson', skillId: 'orm-basics', anchor: 'h-x', extra: 1 }), { type: 'openLesson', skillId: 'orm-basics', anchor: 'h-x' });
  });

  it('finds the section that shares the most words with the question and its objectives', () => {
    const headings = [
      { depth: 1, text: 'HTTP Fundamentals', id: 'h-http' },
      { depth: 2, text: 'What you will learn', id: 'h-learn' },
      { depth: 2, text: 'Methods: safe, idempotent, cacheable', id: 'h-methods' },
      { depth: 2, text: 'Status codes and the headers they require', id: 'h-status' },
    ];
    assert.equal(sectionForQuestion(['Which method is idempotent and safe to retry?'], headings)?.id, 'h-methods');
    assert.equal(sectionForQuestion(['Pick the status code; which header does 405 require?'], headings)?.id, 'h-status');
    assert.equal(sectionForQuestion(['Nothing in common here'], headings), undefined);
  });
});
