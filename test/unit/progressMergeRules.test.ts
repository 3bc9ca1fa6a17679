// The rules under the progress merge, the stored record and Import, each checked where a slip would
// change what the learner keeps: junk never outranks a real score or date, the merged record has no
// stray fields, a healthy stored record reads back without repairs, and Import's whitelist and
// limits hold at their edges.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { betterScore, mergeRecords } from '../../src/progress/progressMerge';
import type { ProgressRecord } from '../../src/progress/progressRecord';
import { emptyProgress, parseProgressRecord, serializeProgressRecord } from '../../src/progress/progressRecord';
import { mergeImport, readProgressExport } from '../../src/progress/progressTransfer';
import { isValidScore, progressTime } from '../../src/progress/progressValues';
import { CATALOG, NOW, exportOf } from './progressSupport';

const T1 = '2026-03-01T00:00:00.000Z';
const T2 = '2026-04-01T00:00:00.000Z';
const now = new Date(NOW);
const MINUTE = 60 * 1000;
const read = (progress: unknown) => readProgressExport(exportOf(progress), CATALOG, now);

describe('progress merge: quiz scores', () => {
  const s = (correct: number, total: number, at?: string) => ({ correct, total, ...(at ? { at } : {}) });
  /** Values that are not a score: none of them may outrank a real one, on either side. */
  const junk: unknown[] = [
    null,
    'junk',
    [4, 5],
    { correct: '4', total: 5 },
    { correct: 4, total: '5' },
    { correct: 4, total: 0 },
    { correct: -4, total: -5 },
    { correct: 1e308, total: 0.5 },
    { correct: Infinity, total: 5 },
    { correct: Number.NaN, total: 5 },
  ];

  it('a real score, even 0 of 5, beats any value that is not one, either way round', () => {
    for (const value of junk) {
      assert.deepEqual(betterScore(value, s(0, 5)), s(0, 5), JSON.stringify(value));
      assert.deepEqual(betterScore(s(0, 5), value), s(0, 5), JSON.stringify(value));
      assert.deepEqual(betterScore(value, s(4, 5, T1)), s(4, 5, T1), JSON.stringify(value));
      assert.deepEqual(betterScore(s(4, 5, T1), value), s(4, 5, T1), JSON.stringify(value));
    }
  });

  it('any pair of numbers with a finite share ranks above junk (fast-check)', () => {
    const score = fc.record({
      // Shares from just above -1 (junk ranks as -1) to well above 1.
      share: fc.double({ noNaN: true, min: -0.999, max: 10 }),
      total: fc.double({ noNaN: true, min: 1e-3, max: 1e6 }),
      at: fc.constantFrom(undefined, T1, T2),
    }).map(({ share, total, at }) => ({ correct: share * total, total, ...(at === undefined ? {} : { at }) }));
    fc.assert(
      fc.property(score, fc.constantFrom(...junk), (real, value) => betterScore(real, value) === real && betterScore(value, real) === real),
      { numRuns: 300, seed: 13 },
    );
    // A share of exactly -1 ties with junk's rank on the share; the quiz length must still decide.
    for (const value of ['junk', { correct: '4', total: 5 }]) {
      for (const real of [{ correct: -0.5, total: 0.5 }, { correct: -1, total: 1, at: T1 }]) {
        assert.equal(betterScore(value, real), real, JSON.stringify([value, real]));
        assert.equal(betterScore(real, value), real, JSON.stringify([real, value]));
      }
    }
  });

  it('a missing score never beats a present one, even an unreadable one', () => {
    assert.equal(betterScore(undefined, 'junk'), 'junk');
    assert.equal(betterScore('junk', undefined), 'junk');
    assert.equal(betterScore(undefined, undefined), undefined);
  });

  it('equal scores with unreadable dates settle on one of them, the same either way round', () => {
    const [x, y] = [s(4, 5, 'x'), s(4, 5, 'y')];
    assert.equal(betterScore(x, y), y);
    assert.equal(betterScore(y, x), y);
    const [p, q] = ['junk-a', 'junk-b'];
    assert.equal(betterScore(p, q), betterScore(q, p));
  });
});

describe('progress merge: records', () => {
  it('two empty records merge into an empty record with no stray fields', () => {
    assert.deepEqual(mergeRecords(emptyProgress(), emptyProgress()), emptyProgress());
    const seeded = { ...emptyProgress(), learnerSeed: 'seed-aaaaaaaa', resetAt: T1 };
    assert.deepEqual(mergeRecords(seeded, emptyProgress()), seeded);
  });

  it('lists the merged skills in id order, whatever order either side holds them in (fast-check)', () => {
    const ids = fc.uniqueArray(fc.stringMatching(/^[a-z]{1,6}$/), { maxLength: 9 });
    const record = (list: string[]): ProgressRecord => ({ ...emptyProgress(), skills: new Map(list.map((id) => [id, { note: id }])) });
    fc.assert(
      fc.property(ids, ids, (a, b) => {
        const keys = [...mergeRecords(record(a), record(b)).skills.keys()];
        const expected = [...new Set([...a, ...b])].sort();
        assert.deepEqual(keys, expected);
        return true;
      }),
      { numRuns: 200, seed: 13 },
    );
  });
});

describe('progress values: edges', () => {
  it('allows a clock up to an hour ahead, not more', () => {
    assert.notEqual(progressTime(new Date(now.getTime() + 30 * MINUTE).toISOString(), now), undefined);
    assert.notEqual(progressTime(new Date(now.getTime() + 59 * MINUTE).toISOString(), now), undefined);
    assert.equal(progressTime(new Date(now.getTime() + 61 * MINUTE).toISOString(), now), undefined);
  });

  it('accepts a one-question quiz', () => {
    assert.equal(isValidScore(0, 1), true);
    assert.equal(isValidScore(1, 1), true);
    assert.equal(isValidScore(1, 1, 1), true);
  });
});

describe('stored progress record: reading', () => {
  it('reads a healthy record exactly, with no repairs and no stray fields', () => {
    const raw = { version: 1, learnerSeed: 'seed-abcdefgh', resetAt: T1, skills: { a: { completed: true, completedAt: T2, markedAt: T2, updatedAt: T2 } }, quarantine: ['kept'], theme: 'dark' };
    assert.deepEqual(parseProgressRecord(raw), {
      record: {
        version: 1,
        skills: new Map([['a', { completed: true, completedAt: T2, markedAt: T2, updatedAt: T2 }]]),
        quarantine: ['kept'],
        extra: new Map([['theme', 'dark']]),
        learnerSeed: 'seed-abcdefgh',
        resetAt: T1,
      },
      repairs: [],
    });
    assert.deepEqual(serializeProgressRecord(parseProgressRecord(raw).record), raw);
  });

  it('a record with only a version (or no quarantine, seed or reset) needs no repair', () => {
    assert.deepEqual(parseProgressRecord({ version: 1 }), { record: emptyProgress(), repairs: [] });
    assert.deepEqual(parseProgressRecord({ version: 1, skills: {} }), { record: emptyProgress(), repairs: [] });
  });

  it('keeps every top-level field it does not know, and only those, as extra fields', () => {
    const raw = { version: 1, skills: {}, quarantine: [], learnerSeed: 'seed-abcdefgh', resetAt: T1, theme: 'dark', 'future-field': { x: 1 } };
    assert.deepEqual([...parseProgressRecord(raw).record.extra.keys()], ['theme', 'future-field']);
  });
});

describe('Import: what a file may hold', () => {
  it('accepts every field an export writes, and ignores none of them', () => {
    const entry = {
      completed: true,
      completedAt: T1,
      updatedAt: T2,
      markedAt: T1,
      quizBest: { correct: 4, total: 5, at: T1 },
      exercisePassedAt: T1,
      readAt: T1,
      exercises: { php: { passedAt: T1, hints: ['h-1'] } },
    };
    const imported = read({ version: 1, skills: { a: entry }, quarantine: ['q'], learnerSeed: 'seed-abcdefgh', resetAt: T1 });
    assert.deepEqual(imported.ignored, []);
    assert.deepEqual(imported.record, {
      ...emptyProgress(),
      skills: new Map([['a', entry]]),
      quarantine: ['q'],
      learnerSeed: 'seed-abcdefgh',
    });
  });

  it('an export without a seed gives a record without one', () => {
    assert.deepEqual(read({ version: 1, skills: {} }), { record: emptyProgress(), ignored: [] });
  });

  it('an entry whose every value is dropped leaves no entry', () => {
    const imported = read({ version: 1, skills: { a: { completedAt: 'soon', exercises: 'junk' }, b: { exercises: { php: {} } }, c: { completed: false } } });
    assert.deepEqual([...imported.record.skills.keys()], ['c']);
    assert.deepEqual(imported.record.skills.get('c'), { completed: false });
  });

  it('names an invalid learner seed it drops', () => {
    const imported = read({ version: 1, skills: {}, learnerSeed: 'short' });
    assert.deepEqual(imported.ignored, ['learnerSeed "short": not a seed']);
    assert.equal(imported.record.learnerSeed, undefined);
  });
});

describe('Import: merging', () => {
  it('importing nothing into nothing gives nothing, with no stray fields', () => {
    assert.deepEqual(mergeImport(emptyProgress(), emptyProgress(), now), { record: emptyProgress(), newlyCompleted: [] });
  });

  it('a stored completion date outside 2020..now does not beat the file\'s real one', () => {
    const current = parseProgressRecord({ version: 1, skills: { a: { completed: true, completedAt: '2019-06-01T00:00:00.000Z' }, b: { completed: true, completedAt: '2099-01-01T00:00:00.000Z' } } }).record;
    const incoming = read({ version: 1, skills: { a: { completed: true, completedAt: T2 }, b: { completed: true, completedAt: T2 } } }).record;
    const merged = mergeImport(current, incoming, now).record;
    assert.equal(merged.skills.get('a')?.completedAt, T2);
    assert.equal(merged.skills.get('b')?.completedAt, T2);
  });
});
