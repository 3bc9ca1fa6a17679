import * as assert from 'node:assert/strict';
import { parseCatalog } from '../../src/curriculum/parseCatalog';
import type { QuizQuestion, Skill } from '../../src/curriculum/types';
import type { MementoLike } from '../../src/progress/mementoLike';
import { ReviewPageController, type PageView } from '../../src/review/pageControllers';
import { cardKey, type ReviewCard } from '../../src/review/reviewCard';
import { ENGLISH_REVIEW_LABELS } from '../../src/review/reviewPageHtml';
import type { ReviewExtensionMessage } from '../../src/review/reviewProtocol';
import { ReviewService } from '../../src/review/reviewService';
import { ReviewStore } from '../../src/review/reviewStore';
import { ReviewScheduler } from '../../src/review/scheduler';
import { readRepoFile } from './helpers';

/** globalState as two windows see it: each window's writes reach the shared map only when flushed. */
class SharedMemento {
  readonly values = new Map<string, unknown>();
  failNext = false;
  window(): MementoLike {
    return {
      get: <T>(key: string) => structuredClone(this.values.get(key)) as T | undefined,
      update: async (key: string, value: unknown) => {
        if (this.failNext) {
          this.failNext = false;
          throw new Error('disk full');
        }
        this.values.set(key, structuredClone(value));
      },
    };
  }
}

const KEY = 'backendPath.reviews';
const silent = { warn: () => undefined };
const card = (questionId: string, lastReview = '2027-01-01T00:00:00.000Z'): ReviewCard => ({
  skillId: 'http-fundamentals', questionId, due: '2027-01-05T00:00:00.000Z', stability: 3, difficulty: 5, scheduledDays: 4,
  learningSteps: 0, reps: 1, lapses: 0, state: 2, lastReview, lastRating: 3,
});

describe('review store', () => {
  it('keeps reviews from two windows that write without seeing each other first', async () => {
    const shared = new SharedMemento();
    const a = new ReviewStore(shared.window(), KEY, silent);
    const b = new ReviewStore(shared.window(), KEY, silent);
    a.cards();
    b.cards(); // both read the empty record first
    await a.save(card('one'));
    await b.save(card('two'));
    const stored = new ReviewStore(shared.window(), KEY, silent);
    assert.deepEqual(stored.cards().map((c) => c.questionId).sort(), ['one', 'two']);
  });

  it('rolls back a failed write, rejects so the caller can tell the learner, and stays usable', async () => {
    const shared = new SharedMemento();
    const store = new ReviewStore(shared.window(), KEY, silent);
    await store.save(card('kept'));
    shared.failNext = true;
    await assert.rejects(store.save(card('lost')), /disk full/);
    assert.deepEqual(store.cards().map((c) => c.questionId), ['kept'], 'memory matches storage after the failure');
    await store.save(card('next'));
    assert.deepEqual(store.cards().map((c) => c.questionId).sort(), ['kept', 'next']);
  });

  it('never rewrites a record from a newer version, and keeps it byte-identical', async () => {
    const shared = new SharedMemento();
    const newer = { schemaVersion: 9, cards: { 'x/y': { future: true } }, extra: 'kept' };
    shared.values.set(KEY, newer);
    const warnings: string[] = [];
    const store = new ReviewStore(shared.window(), KEY, { warn: (message) => warnings.push(message) });
    assert.deepEqual(store.cards(), []);
    await assert.rejects(store.save(card('q')), /newer version/);
    assert.deepEqual(shared.values.get(KEY), newer);
    assert.ok(warnings.some((warning) => /newer version/.test(warning)));
  });

  it('resets to an empty schedule and merges an import card by card', async () => {
    const shared = new SharedMemento();
    const store = new ReviewStore(shared.window(), KEY, silent);
    await store.save(card('old', '2027-01-01T00:00:00.000Z'));
    await store.merge({ cards: { [cardKey('http-fundamentals', 'old')]: card('old', '2027-02-01T00:00:00.000Z'), [cardKey('http-fundamentals', 'new')]: card('new') }, quarantine: [] });
    assert.equal(store.card(cardKey('http-fundamentals', 'old'))?.lastReview, '2027-02-01T00:00:00.000Z');
    assert.equal(store.cards().length, 2);
    await store.reset();
    assert.deepEqual(store.cards(), []);
    assert.deepEqual((shared.values.get(KEY) as { cards: object }).cards, {});
  });
});

describe('review service and review page', () => {
  const catalog = parseCatalog(readRepoFile('lessons/curriculum.json'));
  const http = catalog.skills[0] as Skill;
  const sql = catalog.skills.find((skill) => skill.id === 'sql-fundamentals') as Skill;
  const question = (id: string, answer = 0): QuizQuestion => ({
    id, objectives: [1], question: `Question ${id}?`, choices: ['right', 'wrong one', 'wrong two'], answer, explanation: 'Because.', feedback: [null, 'Misconception one.', 'Misconception two.'],
  });
  const quizzes: Record<string, QuizQuestion[]> = { [http.id]: [question('a'), question('b')], [sql.id]: [question('c')] };

  function setup(complete: string[]) {
    const shared = new SharedMemento();
    const store = new ReviewStore(shared.window(), KEY, silent);
    let now = new Date('2027-01-01T10:00:00Z');
    const service = new ReviewService({
      library: { catalog: async () => catalog, content: async (skill) => ({ quiz: quizzes[skill.id] ?? [], rendered: { headings: [] } }) },
      progress: { isComplete: (id) => complete.includes(id), learnerSeed: () => 'seed' },
      store,
      loadScheduler: () => new ReviewScheduler(),
      settings: () => ({ enabled: true, dailyCap: 20 }),
      now: () => now,
      choiceOrder: (_seed, _skill, _question, count) => Array.from({ length: count }, (_, i) => count - 1 - i),
      facts: () => ({ read: false, complete: false }),
      startedAt: () => undefined,
    });
    return { service, store, advance: (days: number) => (now = new Date(now.getTime() + days * 86_400_000)) };
  }

  it('makes answered questions due later, only from completed lessons, wrong ones sooner', async () => {
    const { service, advance } = setup([http.id]);
    await service.recordQuizAnswer(http.id, 'a', true, 2_000);
    await service.recordQuizAnswer(http.id, 'b', false, 2_000);
    await service.recordQuizAnswer(sql.id, 'c', false, 2_000);
    assert.equal(await service.dueCount(), 0, 'nothing is due right after answering');
    advance(1.5);
    assert.deepEqual((await service.dueItems()).map((item) => item.question.id), ['b'], 'the wrong answer is back first; sql is not completed');
    advance(10);
    assert.deepEqual((await service.dueItems()).map((item) => item.question.id).sort(), ['a', 'b']);
  });

  it('serves a round on the page: validates messages, answers once, shows the summary', async () => {
    const { service, store, advance } = setup([http.id]);
    await service.recordQuizAnswer(http.id, 'a', false, 1_000);
    advance(2);
    const warnings: string[] = [];
    const page = new ReviewPageController(
      { service, commands: { openLesson: async () => undefined, showPath: async () => undefined, startReview: async () => undefined, openPaceSetting: async () => undefined }, log: { warn: (m) => warnings.push(m) }, nonce: () => 'n', formatDate: (d) => d.toISOString() },
      () => ENGLISH_REVIEW_LABELS,
    );
    const posted: ReviewExtensionMessage[] = [];
    const html: string[] = [];
    const view: PageView = { setHtml: (h) => html.push(h), post: async (m) => posted.push(m), resources: { cspSource: 'c', asWebviewUri: (p) => p } };
    page.attach(view);
    await page.start();
    assert.match(html.at(-1) ?? '', /Question a\?/);
    await page.handleMessage({ type: 'reviewAnswer', token: 1, choice: 9, elapsedMs: 1 });
    await page.handleMessage({ type: 'rm -rf', token: 1 });
    assert.equal(posted.length, 0);
    assert.equal(warnings.length, 1, 'the invalid message was logged');
    // The order is reversed: the right answer (file 0) is displayed last.
    await page.handleMessage({ type: 'reviewAnswer', token: 1, choice: 2, elapsedMs: 1_000 });
    assert.deepEqual(posted.map((m) => [m.correct, m.correctChoice]), [[true, 2]]);
    const before = store.card(cardKey(http.id, 'a'));
    assert.ok(before && before.reps === 2, 'the review was stored');
    await page.handleMessage({ type: 'reviewAnswer', token: 1, choice: 0, elapsedMs: 1_000 });
    assert.equal(posted.length, 1, 'a second answer is ignored');
    await page.handleMessage({ type: 'reviewNext', token: 1 });
    assert.match(html.at(-1) ?? '', /1 reviewed, 1 right\./);
  });
});
