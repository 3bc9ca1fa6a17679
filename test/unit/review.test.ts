import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { cardKey, type ReviewCard } from '../../src/review/reviewCard';
import { EMPTY_REVIEW_RECORD, MAX_CARDS, mergeReviewRecords, parseReviewRecord, serialiseReviewRecord, withCard } from '../../src/review/reviewRecord';
import { dueCards, dueForecast } from '../../src/review/reviewQueue';
import { HESITATION_MS, ReviewScheduler } from '../../src/review/scheduler';
import { parseMonths, studyPlan } from '../../src/review/studyPlan';

const DAY = 24 * 60 * 60 * 1000;
const t0 = new Date('2027-01-10T09:00:00Z');
const days = (from: Date, to: string) => (Date.parse(to) - from.getTime()) / DAY;

describe('review scheduling (FSRS through ts-fsrs, injected clock)', () => {
  const scheduler = new ReviewScheduler();

  it('schedules a wrong answer sooner than a hesitant right one, and that sooner than a quick right one', () => {
    const wrong = scheduler.review('s', 'q', undefined, { correct: false }, t0);
    const hesitant = scheduler.review('s', 'q', undefined, { correct: true, elapsedMs: HESITATION_MS + 1 }, t0);
    const quick = scheduler.review('s', 'q', undefined, { correct: true, elapsedMs: 3_000 }, t0);
    assert.ok(days(t0, wrong.due) >= 1, 'even a wrong answer waits at least a day (whole-day intervals)');
    assert.ok(days(t0, wrong.due) < days(t0, hesitant.due), `${wrong.due} < ${hesitant.due}`);
    assert.ok(days(t0, hesitant.due) < days(t0, quick.due), `${hesitant.due} < ${quick.due}`);
    assert.deepEqual([wrong.lastRating, hesitant.lastRating, quick.lastRating], [1, 2, 3]);
  });

  it('moves a card out when it is answered right on time, and back in when it is forgotten', () => {
    let card = scheduler.review('s', 'q', undefined, { correct: true }, t0);
    const firstInterval = days(t0, card.due);
    const reviewedAt = new Date(card.due);
    const right = scheduler.review('s', 'q', card, { correct: true }, reviewedAt);
    const wrong = scheduler.review('s', 'q', card, { correct: false }, reviewedAt);
    assert.ok(days(reviewedAt, right.due) > firstInterval, 'a right answer grows the interval');
    assert.ok(days(reviewedAt, wrong.due) < firstInterval, 'a lapse shrinks it');
    assert.equal(wrong.lapses, 1);
    card = right;
    for (let i = 0; i < 4; i += 1) card = scheduler.review('s', 'q', card, { correct: true }, new Date(card.due));
    assert.ok(days(t0, card.due) > 30, `five right answers in a row push the card out a month or more (${card.due})`);
  });

  it('reports recall probability that falls as time passes', () => {
    const card = scheduler.review('s', 'q', undefined, { correct: true }, t0);
    const soon = scheduler.retrievability(card, new Date(t0.getTime() + DAY));
    const late = scheduler.retrievability(card, new Date(t0.getTime() + 60 * DAY));
    assert.ok(soon > late && soon <= 1 && late >= 0, `${soon} > ${late}`);
  });
});

function card(overrides: Partial<ReviewCard> = {}): ReviewCard {
  return {
    skillId: 'http-fundamentals',
    questionId: 'retry-safe-method',
    due: '2027-01-12T09:00:00.000Z',
    stability: 3.2,
    difficulty: 5.1,
    scheduledDays: 3,
    learningSteps: 0,
    reps: 1,
    lapses: 0,
    state: 2,
    lastReview: '2027-01-09T09:00:00.000Z',
    lastRating: 3,
    ...overrides,
  };
}

describe('review record: repair, merge, caps', () => {
  it('round-trips a clean record without repairs', () => {
    const record = withCard(EMPTY_REVIEW_RECORD, card());
    const parsed = parseReviewRecord(JSON.parse(JSON.stringify(serialiseReviewRecord(record))));
    assert.deepEqual(parsed, { record, repairs: [], readOnly: false });
  });

  it('keeps every damaged card in quarantine under its own key, and keeps the good ones', () => {
    const good = card();
    const stored = {
      schemaVersion: 1,
      cards: {
        [cardKey(good.skillId, good.questionId)]: good,
        'a/b': { ...card({ skillId: 'a', questionId: 'b' }), due: 'tomorrow' },
        'x/y': card(),
        'c/d': 'junk',
      },
    };
    const { record, repairs } = parseReviewRecord(stored);
    assert.deepEqual(Object.keys(record.cards), [cardKey(good.skillId, good.questionId)]);
    assert.deepEqual(record.quarantine.map((entry) => entry.key), ['a/b', 'x/y', 'c/d']);
    assert.equal((record.quarantine[0]?.value as ReviewCard).due, 'tomorrow');
    assert.equal(record.quarantine[2]?.value, 'junk');
    assert.equal(repairs.length, 3);
  });

  it('reads a newer version read-only, and a non-object record into quarantine', () => {
    assert.equal(parseReviewRecord({ schemaVersion: 2, cards: {} }).readOnly, true);
    const broken = parseReviewRecord('oops');
    assert.deepEqual(broken.record.cards, {});
    assert.equal(broken.record.quarantine[0]?.value, 'oops');
  });

  it('does not grow when the same quarantine is merged again and again', () => {
    const damaged = parseReviewRecord({ schemaVersion: 1, cards: { 'a/b': { bad: true } } }).record;
    let merged = damaged;
    for (let i = 0; i < 5; i += 1) merged = mergeReviewRecords(merged, damaged);
    assert.equal(merged.quarantine.length, 1);
  });

  it('merges per card with the later review winning, whatever the order (property)', () => {
    const arbitraryCard = fc.record({
      questionId: fc.constantFrom('q-a', 'q-b', 'q-c'),
      lastReview: fc.integer({ min: 0, max: 1e6 }).map((minutes) => new Date(Date.UTC(2027, 0, 1) + minutes * 60_000).toISOString()),
      reps: fc.integer({ min: 1, max: 20 }),
    });
    const toRecord = (items: { questionId: string; lastReview: string; reps: number }[]) =>
      items.reduce((record, item) => withCard(record, card(item)), EMPTY_REVIEW_RECORD);
    fc.assert(
      fc.property(fc.array(arbitraryCard, { maxLength: 6 }), fc.array(arbitraryCard, { maxLength: 6 }), (left, right) => {
        const a = toRecord(left);
        const b = toRecord(right);
        const ab = mergeReviewRecords(a, b);
        assert.deepEqual(ab.cards, mergeReviewRecords(b, a).cards, 'merge is commutative');
        assert.deepEqual(mergeReviewRecords(ab, b).cards, ab.cards, 'merging again changes nothing');
        for (const [key, merged] of Object.entries(ab.cards)) {
          for (const source of [a.cards[key], b.cards[key]]) {
            if (source) assert.ok(merged.lastReview >= source.lastReview, 'nothing newer is lost');
          }
        }
      }),
    );
  });

  it('caps the number of cards, keeping the most recently reviewed', () => {
    let record = EMPTY_REVIEW_RECORD;
    const many: Record<string, ReviewCard> = {};
    for (let i = 0; i <= MAX_CARDS; i += 1) {
      const item = card({ questionId: `q-${i}`, lastReview: new Date(Date.UTC(2027, 0, 1) + i * 60_000).toISOString() });
      many[cardKey(item.skillId, item.questionId)] = item;
    }
    record = parseReviewRecord({ schemaVersion: 1, cards: many }).record;
    assert.equal(Object.keys(record.cards).length, MAX_CARDS);
    assert.ok(!(cardKey('http-fundamentals', 'q-0') in record.cards), 'the oldest card went');
  });
});

describe('review queue', () => {
  const now = new Date('2027-02-01T12:00:00Z');
  const all = () => true;
  const due = (questionId: string, dueAt: string, extra: Partial<ReviewCard> = {}) => card({ questionId, due: dueAt, ...extra });

  it('serves due cards oldest first, only from servable lessons, up to the daily cap', () => {
    const cards = [
      due('late', '2027-01-30T00:00:00.000Z'),
      due('later', '2027-01-31T00:00:00.000Z'),
      due('future', '2027-02-03T00:00:00.000Z'),
      due('other-lesson', '2027-01-20T00:00:00.000Z', { skillId: 'sql-fundamentals' }),
    ];
    assert.deepEqual(dueCards(cards, { now, dailyCap: 20, isServable: all }).map((c) => c.questionId), ['other-lesson', 'late', 'later']);
    assert.deepEqual(dueCards(cards, { now, dailyCap: 20, isServable: (c) => c.skillId !== 'sql-fundamentals' }).map((c) => c.questionId), ['late', 'later']);
    assert.deepEqual(dueCards(cards, { now, dailyCap: 1, isServable: all }).map((c) => c.questionId), ['other-lesson']);
  });

  it('counts reviews already done today against the cap', () => {
    const doneToday = due('done', '2027-02-05T00:00:00.000Z', { reps: 3, lastReview: '2027-02-01T08:00:00.000Z' });
    const cards = [doneToday, due('a', '2027-01-30T00:00:00.000Z'), due('b', '2027-01-30T01:00:00.000Z')];
    assert.deepEqual(dueCards(cards, { now, dailyCap: 2, isServable: all }).map((c) => c.questionId), ['a']);
  });

  it('forecasts due counts for today and the next seven days', () => {
    const cards = [
      due('overdue', '2027-01-01T00:00:00.000Z'),
      due('tonight', '2027-02-01T23:00:00.000Z'),
      due('tomorrow', '2027-02-02T10:00:00.000Z'),
      due('in-a-week', '2027-02-08T10:00:00.000Z'),
      due('too-far', '2027-02-20T10:00:00.000Z'),
    ];
    assert.deepEqual(dueForecast(cards, { now, isServable: all }), { today: 2, nextDays: [1, 0, 0, 0, 0, 0, 1] });
  });
});

describe('study plan arithmetic', () => {
  const skills = [
    { minutes: 30, complete: true },
    { minutes: 30, complete: false },
    { minutes: 60, exerciseMinutes: 60, complete: false },
  ];
  const now = new Date('2027-03-01T00:00:00Z');

  it('derives the default pace from the path duration and projects the finish from the work left', () => {
    // Work: (30+60) + (30+60) + (60+60) = 300 min = 5 h over 7 months.
    const plan = studyPlan({ skills, pathMonths: 7, now, startedAt: now });
    assert.equal(plan.totalHours, 5);
    assert.equal(plan.hoursLeft, 3.5);
    assert.equal(plan.pathPaceHoursPerWeek, plan.hoursPerWeek);
    const weeksLeft = 3.5 / (5 / (7 * 52 / 12));
    assert.equal(Math.round((plan.projectedFinish.getTime() - now.getTime()) / DAY), Math.round(weeksLeft * 7));
    assert.equal(plan.verdict, 'ahead', 'a third of the work is done on day one');
  });

  it('says behind when the pace is too slow for the time left, ahead when it is faster, finished when done', () => {
    const started = new Date('2026-09-01T00:00:00Z');
    assert.equal(studyPlan({ skills, pathMonths: 7, now, startedAt: started, hoursPerWeek: 0.05 }).verdict, 'behind');
    const fast = studyPlan({ skills, pathMonths: 7, now, startedAt: started, hoursPerWeek: 10 });
    assert.equal(fast.verdict, 'ahead');
    assert.ok(fast.daysAhead > 0);
    assert.equal(studyPlan({ skills: skills.map((s) => ({ ...s, complete: true })), pathMonths: 7, now }).verdict, 'finished');
  });

  it('reads the seed duration and refuses what it cannot read', () => {
    assert.equal(parseMonths('7 months'), 7);
    assert.equal(parseMonths('about a year'), undefined);
  });
});

describe('review schedule in Export/Import', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { readReviewExport, withReviews } = require('../../src/review/reviewTransfer') as typeof import('../../src/review/reviewTransfer');
  const now = new Date('2027-02-01T00:00:00Z');
  const known = new Set(['http-fundamentals']);

  it('round-trips the schedule beside the progress export', () => {
    const record = withCard(EMPTY_REVIEW_RECORD, card());
    const text = withReviews(JSON.stringify({ format: 'backend-path-progress', progress: {} }), serialiseReviewRecord(record));
    const back = readReviewExport(text, known, now);
    assert.deepEqual(back, { record: { cards: record.cards, quarantine: [] }, ignored: [] });
    assert.equal((JSON.parse(text) as { format: string }).format, 'backend-path-progress', 'the progress export is kept as it was');
  });

  it('drops and reports unknown skills, hostile keys, damaged cards and reviews from the future', () => {
    const future = card({ questionId: 'future', lastReview: '2027-03-01T00:00:00.000Z' });
    const stranger = card({ skillId: 'not-a-skill', questionId: 'q' });
    const text = JSON.stringify({
      reviews: {
        schemaVersion: 1,
        cards: {
          [cardKey(future.skillId, future.questionId)]: future,
          [cardKey(stranger.skillId, stranger.questionId)]: stranger,
          '__proto__/x': { polluted: true },
          [cardKey('http-fundamentals', 'ok')]: card({ questionId: 'ok' }),
        },
      },
    });
    const { record, ignored } = readReviewExport(text, known, now);
    assert.deepEqual(Object.keys(record.cards), [cardKey('http-fundamentals', 'ok')]);
    assert.deepEqual(record.quarantine, [], 'damaged cards from a file are reported, not synced');
    assert.equal(ignored.length, 3, ignored.join(' | '));
    assert.ok(ignored.some((line) => /unknown skill not-a-skill/.test(line)));
    assert.ok(ignored.some((line) => /in the future/.test(line)));
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  it('imports nothing from a file without reviews or from a newer version', () => {
    assert.deepEqual(readReviewExport('{"progress":{}}', known, now).record.cards, {});
    assert.match(readReviewExport(JSON.stringify({ reviews: { schemaVersion: 5, cards: {} } }), known, now).ignored.join(), /newer version/);
  });
});
