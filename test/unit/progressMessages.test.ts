// What the learner and the log are told, pinned word for word: each message names the problem and
// what happened to the value, and each comes from exactly one cause.
import * as assert from 'node:assert/strict';
import { betterScore, earlierDate, mergeEntries, mergeRecords } from '../../src/progress/progressMerge';
import { emptyProgress, isEntryComplete, parseProgressRecord, quizBestOf, recordBytes, sameRecord, serializeProgressRecord } from '../../src/progress/progressRecord';
import type { ProgressWriteProblem } from '../../src/progress/progressStore';
import { ProgressStore } from '../../src/progress/progressStore';
import type { Catalog, Skill } from '../../src/curriculum/types';
import { loadProgressCatalog } from '../../src/progress/progressCatalog';
import { ImportError, MAX_IMPORT_BYTES, readProgressExport } from '../../src/progress/progressTransfer';
import { preview } from '../../src/progress/progressValues';
import { FlakyMemento, CATALOG, KEY, NOW, exportOf, fixedNow } from './progressSupport';
import { MemoryMemento } from './helpers';

const repairsOf = (raw: unknown) => parseProgressRecord(raw).repairs;

describe('progress messages', () => {
  it('names each repair of a stored record', () => {
    assert.deepEqual(repairsOf('x'), ['The stored progress was not a record; it was set aside in "quarantine" and a fresh record started.']);
    assert.deepEqual(repairsOf({ skills: {}, quarantine: 'q' }), [
      'The stored quarantine was not a list; its value was kept in the list.',
      'The stored progress had no version; it was read as version 1.',
    ]);
    assert.deepEqual(repairsOf({ version: '1', skills: 5 }), [
      'The stored progress had an invalid version ("1"); it was read as version 1 and the value kept in "quarantine".',
      'The stored skills were not a record; they were set aside in "quarantine".',
    ]);
    assert.deepEqual(repairsOf({ version: 1, learnerSeed: 7, resetAt: 'then', skills: { a: true, b: 'x', c: { completed: 1 } } }), [
      'Progress for ""a"" was a bare flag; it was converted to an entry.',
      'Progress for ""b"" was unreadable; it was set aside in "quarantine".',
      'Progress for ""c"" had a non-boolean "completed"; the value was kept in "quarantine".',
      'The stored learner seed was not valid (7); it was kept in "quarantine".',
      'The stored reset date was not a date ("then"); it was kept in "quarantine".',
    ]);
    assert.deepEqual(repairsOf({ version: 1, skills: {}, quarantine: [], learnerSeed: 'seed-abcdefgh', resetAt: NOW }), []);
    assert.deepEqual(repairsOf(undefined), []);
    assert.deepEqual(repairsOf(null), []);
  });

  it('keeps each repaired value where the repair says', () => {
    const { record } = parseProgressRecord({ version: 0.5, skills: [1], quarantine: 'q', learnerSeed: 'no', resetAt: 3 });
    assert.deepEqual(record.quarantine, ['q', { learnerSeed: 'no' }, { resetAt: 3 }, { skills: [1] }, { version: 0.5 }]);
    assert.equal(record.version, 1);
    assert.equal(parseProgressRecord({ version: 2 ** 53, skills: {} }).record.version, 1, 'an unsafe integer is not a version');
    assert.equal(parseProgressRecord({ version: 1, skills: {} }).record.version, 1);
    assert.equal(parseProgressRecord({ version: 1, skills: { a: false } }).record.skills.get('a')?.completed, false);
  });

  it('lists each dropped import value with its reason', () => {
    const { ignored } = readProgressExport(
      exportOf({
        version: 1,
        extra: 1,
        learnerSeed: 'bad seed',
        skills: {
          nope: { completed: true },
          a: { completed: false, completedAt: NOW, note: 1, quizBest: { correct: 9, total: 5 }, exercisePassedAt: 'soon' },
          'no-quiz': { quizBest: { correct: 1, total: 1 } },
        },
      }),
      CATALOG,
      new Date(NOW),
    );
    assert.deepEqual(ignored, [
      'unknown skill "nope"',
      'a: unknown field "note"',
      'a: quizBest {"correct":9,"total":5}: not a score out of 5 with a valid date',
      'a: exercisePassedAt "soon": not an ISO 8601 date between 2020 and now',
      'a: completedAt without completed: true',
      '"no-quiz": quizBest {"correct":1,"total":1}: this skill has no quiz',
      'unknown field "extra"',
      'learnerSeed "bad seed": not a seed',
    ].map((line) => line.replace(/^a:/, '"a":')));
  });

  it('keeps a valid score with its date and without one', () => {
    const now = new Date(NOW);
    const read = (quizBest: unknown) => readProgressExport(exportOf({ version: 1, skills: { a: { quizBest } } }), CATALOG, now).record.skills.get('a')?.quizBest;
    assert.deepEqual(read({ correct: 2, total: 5, at: NOW }), { correct: 2, total: 5, at: NOW });
    assert.deepEqual(read({ correct: 2, total: 5 }), { correct: 2, total: 5 });
    assert.equal(read({ correct: 2, total: 5, at: '2019-01-01T00:00:00.000Z' }), undefined);
  });

  it('explains a damaged export, three problems at most', () => {
    const message = (progress: unknown) => {
      try {
        readProgressExport(exportOf(progress), CATALOG, new Date(NOW));
      } catch (error) {
        assert.ok(error instanceof ImportError);
        return error.message;
      }
      return 'accepted';
    };
    assert.equal(message({ skills: {} }), 'The export\'s progress is damaged: its version is undefined, not 1.');
    assert.equal(message({ version: 1, skills: [] }), 'The export\'s progress is damaged: its skills are not a record.');
    assert.equal(message({ version: 1, skills: {}, quarantine: 'q' }), 'The export\'s progress is damaged: its quarantine is not a list.');
    assert.equal(message({ version: 1, skills: { a: 1 } }), 'The export\'s progress is damaged: the entry for "a" is 1, not a record.');
    assert.equal(message({ version: 1, skills: { a: { completed: 'y' } } }), 'The export\'s progress is damaged: "completed" of "a" is "y", not true or false.');
    assert.equal(
      message({ version: 1, skills: { a: 1, b: 2, c: 3, d: 4 } }),
      'The export\'s progress is damaged: the entry for "a" is 1, not a record. the entry for "b" is 2, not a record. the entry for "c" is 3, not a record. (and 1 more problems)',
    );
    assert.equal(message({ version: 1, skills: { a: 1, b: 2, c: 3 } }).endsWith('not a record.'), true);
    assert.equal(message({ version: 1 }), 'accepted');
    assert.equal(message({ version: 1, skills: {}, quarantine: [] }), 'accepted');
  });

  it('names the reason a change was not saved', async () => {
    const problems: ProgressWriteProblem[] = [];
    const newer = new ProgressStore(new MemoryMemento({ [KEY]: { version: 4, skills: {} } }), KEY, fixedNow);
    newer.onDidFailToSave((problem) => problems.push(problem));
    await newer.setComplete('a', true);
    await assert.rejects(newer.importJson(exportOf({ version: 1, skills: {} }), CATALOG), {
      name: 'ImportError',
      message: 'Your progress was saved by a newer version of Backend Path (record version 4); update the extension to import.',
    });
    const failing = new ProgressStore(new FlakyMemento({}, 1), KEY, fixedNow);
    failing.onDidFailToSave((problem) => problems.push(problem));
    await failing.setComplete('a', true);
    const flaky = new FlakyMemento({}, 1);
    (flaky as unknown as { update: () => Promise<void> }).update = () => Promise.reject('plain reason');
    const plain = new ProgressStore(flaky, KEY, fixedNow);
    plain.onDidFailToSave((problem) => problems.push(problem));
    await plain.setComplete('a', true);
    assert.deepEqual(problems, [
      { kind: 'readOnly', message: 'Your progress was saved by a newer version of Backend Path (record version 4); this version shows it but cannot change it. Update the extension.' },
      { kind: 'storage', message: 'Backend Path could not save your progress (disk full); the change was undone.' },
      { kind: 'storage', message: 'Backend Path could not save your progress (plain reason); the change was undone.' },
    ]);
  });

  it('names the size when a change would grow the record past the cap', async () => {
    const big = { version: 1, skills: {}, quarantine: [`q${'x'.repeat(70_000)}`] };
    const store = new ProgressStore(new MemoryMemento({ [KEY]: big }), KEY, fixedNow);
    const problems: ProgressWriteProblem[] = [];
    store.onDidFailToSave((problem) => problems.push(problem));
    // Within one entry's slack: accepted even though the record is over the cap.
    assert.equal(await store.setComplete('a', true), 'saved');
    const result = await store.importJson(exportOf({ version: 1, skills: {}, quarantine: ['more'] }), CATALOG);
    assert.equal(result.outcome, 'tooLarge');
    assert.match(problems[0]?.message ?? '', /^The change would make the synced progress \d+ bytes, more than the 65536 allowed\.$/);
    // An edit that grows the record by more than one entry's worth is refused too.
    const note = 'n'.repeat(2000);
    const grow = new ProgressStore(new MemoryMemento({ [KEY]: { ...big, skills: { b: { completed: false, note } } } }), KEY, fixedNow);
    assert.equal(await grow.setComplete('b', true), 'saved', 'a small change to an entry is fine');
    const under = new ProgressStore(new MemoryMemento({ [KEY]: { version: 1, skills: {}, quarantine: ['x'.repeat(65_400)] } }), KEY, fixedNow);
    assert.equal(await under.setComplete('a', true), 'saved', 'a tick that crosses the cap by a little is saved');
  });
});

describe('progress helpers', () => {
  it('previews values briefly and safely', () => {
    assert.equal(preview('x'.repeat(40)), `"${'x'.repeat(39)}…`);
    assert.equal(preview('x'.repeat(38)), `"${'x'.repeat(38)}"`);
    assert.equal(preview(undefined), 'undefined');
    assert.equal(preview(10n), 'bigint');
    assert.equal(preview('abcdef', 3), '"ab…');
  });

  it('reads completion and best scores defensively', () => {
    assert.equal(isEntryComplete({ completed: true }), true);
    assert.equal(isEntryComplete({ completed: 'true' }), false);
    assert.equal(isEntryComplete(undefined), false);
    assert.deepEqual(quizBestOf({ quizBest: { correct: 1, total: 2, at: NOW } }), { correct: 1, total: 2 });
    for (const quizBest of [undefined, null, [1, 2], { correct: '1', total: 2 }, { correct: 1, total: '2' }, 'x']) {
      assert.equal(quizBestOf({ quizBest }), undefined, JSON.stringify(quizBest));
    }
  });

  it('serializes fields in a stable order and measures bytes', () => {
    const record = parseProgressRecord({ theme: 'x', quarantine: ['q'], skills: { a: { completed: true } }, resetAt: NOW, learnerSeed: 'seed-abcdefgh', version: 1 }).record;
    assert.deepEqual(Object.keys(serializeProgressRecord(record)), ['theme', 'version', 'learnerSeed', 'resetAt', 'skills', 'quarantine']);
    assert.deepEqual(serializeProgressRecord(emptyProgress()), { version: 1, skills: {} });
    assert.equal(recordBytes(emptyProgress()), Buffer.byteLength('{"version":1,"skills":{}}'));
    assert.equal(recordBytes({ ...emptyProgress(), extra: new Map([['n', 'é']]) }), Buffer.byteLength('{"n":"é","version":1,"skills":{}}'));
    assert.equal(sameRecord(record, parseProgressRecord(JSON.parse(JSON.stringify(serializeProgressRecord(record)))).record), true);
    assert.equal(sameRecord(record, emptyProgress()), false);
  });

  it('orders scores: share, then length, then the earlier date', () => {
    const s = (correct: number, total: number, at?: string) => ({ correct, total, ...(at ? { at } : {}) });
    assert.deepEqual(betterScore(s(3, 5), s(4, 5)), s(4, 5));
    assert.deepEqual(betterScore(s(2, 3), s(3, 5)), s(2, 3), 'compared as shares, not products');
    assert.deepEqual(betterScore(s(3, 5), s(2, 3)), s(2, 3));
    assert.deepEqual(betterScore(s(4, 5), s(3, 5)), s(4, 5));
    assert.deepEqual(betterScore(s(5, 5), s(6, 6)), s(6, 6), 'the same share on a longer quiz wins');
    assert.deepEqual(betterScore(s(6, 6), s(5, 5)), s(6, 6));
    const early = s(4, 5, '2026-01-01T00:00:00.000Z');
    const late = s(4, 5, '2026-02-01T00:00:00.000Z');
    assert.deepEqual(betterScore(late, early), early, 'the score reached first wins a tie');
    assert.deepEqual(betterScore(early, late), early);
    assert.deepEqual(betterScore(undefined, early), early);
    assert.deepEqual(betterScore(early, undefined), early);
    assert.deepEqual(betterScore('junk', s(0, 5)), s(0, 5), 'a real score, even zero, beats junk');
    assert.deepEqual(betterScore(s(0, 5), { correct: 1, total: 0 }), s(0, 5));
    assert.deepEqual(betterScore({ correct: '5', total: 5 }, s(0, 5)), s(0, 5));
    assert.deepEqual(betterScore({ correct: 5, total: '5' }, s(0, 5)), s(0, 5));
    assert.deepEqual(betterScore(s(0, 5), { correct: Infinity, total: 5 }), s(0, 5));
  });

  it('keeps the earlier real date; junk loses to a real one', () => {
    const [d1, d2] = ['2026-01-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z'];
    assert.equal(earlierDate(d1, d2), d1);
    assert.equal(earlierDate(d2, d1), d1);
    assert.equal(earlierDate(undefined, d2), d2);
    assert.equal(earlierDate(d2, undefined), d2);
    assert.equal(earlierDate(' ', d2), d2);
    assert.equal(earlierDate(d2, ' '), d2);
    assert.equal(earlierDate('2026-01-01T02:00:00+02:00', d1), d1, 'the same moment: the text decides, either way round');
    assert.equal(earlierDate(d1, '2026-01-01T02:00:00+02:00'), d1);
    assert.equal(earlierDate(' ', 'x'), ' ', 'two junk values: still one answer either way round');
    assert.equal(earlierDate('x', ' '), ' ');
  });

  it('merges one skill: completion from the last mark, other fields from the last change', () => {
    const [t1, t2, t3] = ['2026-01-01T00:00:00.000Z', '2026-01-02T00:00:00.000Z', '2026-01-03T00:00:00.000Z'];
    const ticked = { completed: true, completedAt: t1, markedAt: t1, updatedAt: t1, note: 'old' };
    const unticked = { completed: false, markedAt: t2, updatedAt: t2 };
    const scored = { completed: true, completedAt: t1, markedAt: t1, updatedAt: t3, quizBest: { correct: 2, total: 5, at: t3 }, note: 'new' };
    assert.deepEqual(mergeEntries(ticked, unticked), { completed: false, markedAt: t2, updatedAt: t2, note: 'old' });
    assert.deepEqual(mergeEntries(unticked, scored), { completed: false, markedAt: t2, updatedAt: t3, quizBest: { correct: 2, total: 5, at: t3 }, note: 'new' });
    assert.deepEqual(mergeEntries({ exercisePassedAt: t2 }, { exercisePassedAt: t1 }), { exercisePassedAt: t1 });
  });

  it('a reset drops what changed before it and keeps what changed after', () => {
    const [t1, t2, t3] = ['2026-01-01T00:00:00.000Z', '2026-01-02T00:00:00.000Z', '2026-01-03T00:00:00.000Z'];
    const view = parseProgressRecord({
      version: 1,
      skills: {
        old: { completed: true, markedAt: t1, updatedAt: t1 },
        undated: { completed: true },
        scoredLater: { completed: true, markedAt: t1, updatedAt: t3, quizBest: { correct: 1, total: 5, at: t3 } },
        tickedLater: { completed: true, markedAt: t3, updatedAt: t3 },
        atTheReset: { completed: true, markedAt: t2, updatedAt: t2 },
      },
      quarantine: ['from before the reset'],
      theme: 'dark',
    }).record;
    const reset = { ...emptyProgress(), resetAt: t2, quarantine: ['after'] };
    const merged = mergeRecords(view, reset);
    assert.deepEqual(serializeProgressRecord(merged), {
      version: 1,
      resetAt: t2,
      skills: {
        atTheReset: { completed: true, markedAt: t2, updatedAt: t2 },
        scoredLater: { updatedAt: t3, quizBest: { correct: 1, total: 5, at: t3 } },
        tickedLater: { completed: true, markedAt: t3, updatedAt: t3 },
      },
      quarantine: ['after'],
    });
    // Both sides have seen the same reset: both quarantines and unknown fields are kept.
    const both = mergeRecords({ ...view, resetAt: t2 }, reset);
    assert.deepEqual(both.quarantine, ['after', 'from before the reset']);
    assert.equal(both.extra.get('theme'), 'dark');
    // The same reset moment written two ways counts as the same reset.
    const sameMoment = mergeRecords({ ...view, resetAt: '2026-01-02T02:00:00+02:00' }, reset);
    assert.deepEqual(sameMoment.quarantine, ['after', 'from before the reset']);
    assert.equal(mergeRecords(view, { ...emptyProgress(), version: 3 }).version, 3);
  });

  it('two seeds settle on the smaller; conflicting unknown fields on one value', () => {
    const a = { ...emptyProgress(), learnerSeed: 'seed-bbbbbbbb', extra: new Map([['x', 1]]) };
    const b = { ...emptyProgress(), learnerSeed: 'seed-aaaaaaaa', extra: new Map([['x', 2]]) };
    assert.equal(mergeRecords(a, b).learnerSeed, 'seed-aaaaaaaa');
    assert.equal(mergeRecords(b, a).learnerSeed, 'seed-aaaaaaaa');
    assert.equal(mergeRecords(a, emptyProgress()).learnerSeed, 'seed-bbbbbbbb');
    assert.equal(mergeRecords(emptyProgress(), b).learnerSeed, 'seed-aaaaaaaa');
    assert.equal(mergeRecords(a, b).extra.get('x'), 2);
    assert.equal(mergeRecords(b, a).extra.get('x'), 2);
    assert.deepEqual([...mergeRecords(emptyProgress(), { ...emptyProgress(), skills: new Map([['b', {}], ['a', {}]]) }).skills.keys()], ['a', 'b']);
  });
});

describe('progress store edges', () => {
  it('a window-focus sync tells listeners only when something changed', async () => {
    const shared = new MemoryMemento();
    const a = new ProgressStore(shared, KEY, fixedNow);
    const b = new ProgressStore(shared, KEY, fixedNow);
    const reasons: string[] = [];
    b.onDidChange((change) => reasons.push(change.reason));
    assert.equal(b.isComplete('orm-basics'), false);
    b.syncFromStorage();
    assert.deepEqual(reasons, []);
    await a.setComplete('orm-basics', true);
    b.syncFromStorage();
    assert.equal(b.isComplete('orm-basics'), true);
    assert.deepEqual(reasons, ['sync']);
    assert.equal(shared.writes, 1, 'nothing of B\'s was missing, so B wrote nothing');
    const fresh = new ProgressStore(shared, KEY, fixedNow);
    fresh.syncFromStorage(); // a first read is not a change
    assert.equal(shared.writes, 1);
  });

  it('two failed writes in a row still fall back to what was really stored', async () => {
    const memento = new FlakyMemento({ [KEY]: { version: 1, skills: { a: { completed: true } } } }, 2);
    const store = new ProgressStore(memento, KEY, fixedNow);
    assert.equal(await store.setComplete('b', true), 'failed');
    assert.equal(await store.setComplete('c', true), 'failed');
    store.reload(); // as after reopening the view: globalState still holds the failed value
    assert.deepEqual([store.isComplete('a'), store.isComplete('b'), store.isComplete('c')], [true, false, false]);
    assert.equal(await store.setComplete('d', true), 'saved');
    assert.deepEqual(Object.keys(memento.get<Record<string, any>>(KEY)!.skills).sort(), ['a', 'd']);
  });

  it('uses the real clock when none is given', async () => {
    const memento = new MemoryMemento();
    const store = new ProgressStore(memento, KEY);
    const before = Date.now();
    await store.setComplete('a', true);
    const at = Date.parse(memento.get<Record<string, any>>(KEY)!.skills.a.completedAt);
    assert.ok(at >= before && at <= Date.now(), 'stamped now');
  });

  it('stops telling listeners once disposed', async () => {
    const store = new ProgressStore(new FlakyMemento({}, 1), KEY, fixedNow);
    let heard = 0;
    store.onDidChange(() => (heard += 1));
    store.onDidFailToSave(() => (heard += 1));
    store.dispose();
    await store.setComplete('a', true);
    await store.setComplete('b', true);
    assert.equal(heard, 0);
  });

  it('accepts a file of exactly the size limit, refuses one byte more, and refuses an unknown size', async () => {
    const store = new ProgressStore(new MemoryMemento(), KEY, fixedNow);
    const text = exportOf({ version: 1, skills: { a: { completed: true } } }).padEnd(MAX_IMPORT_BYTES, ' ');
    const bytes = new TextEncoder().encode(text);
    assert.equal(bytes.byteLength, MAX_IMPORT_BYTES);
    assert.deepEqual((await store.importFrom({ size: async () => MAX_IMPORT_BYTES, read: async () => bytes }, CATALOG)).newlyCompleted, ['a']);
    assert.deepEqual((await store.importJson(text, CATALOG)).outcome, 'unchanged');
    await assert.rejects(store.importFrom({ size: async () => Number.NaN, read: async () => bytes }, CATALOG), /larger than/);
  });

  it('an import keeps stored values the file does not mention and marks only completion changes', async () => {
    const [early, late] = ['2026-02-01T00:00:00.000Z', '2026-03-01T00:00:00.000Z'];
    const memento = new MemoryMemento({
      [KEY]: { version: 1, skills: { a: { completed: true, completedAt: ' ', exercisePassedAt: late }, b: { exercisePassedAt: 'junk' }, c: { completed: true, completedAt: early } } },
    });
    const store = new ProgressStore(memento, KEY, fixedNow);
    await store.importJson(
      exportOf({ version: 1, skills: { a: { completed: true, exercisePassedAt: early }, b: { quizBest: { correct: 1, total: 5 } }, c: { completed: true } } }),
      CATALOG,
    );
    const skills = memento.get<Record<string, any>>(KEY)!.skills;
    assert.deepEqual(skills.a, { completed: true, completedAt: ' ', exercisePassedAt: early, updatedAt: NOW }, 'the junk date stays when the file has none');
    assert.deepEqual(skills.b, { exercisePassedAt: 'junk', quizBest: { correct: 1, total: 5 }, updatedAt: NOW });
    assert.deepEqual(skills.c, { completed: true, completedAt: early }, 'unchanged entries are not stamped');
  });

  it('refuses a progress version that is not a whole number as damaged, not as newer', () => {
    for (const version of [1e308, 2.5, '2']) {
      assert.throws(() => readProgressExport(exportOf({ version, skills: {} }), CATALOG, new Date(NOW)), /damaged: its version is/);
    }
    assert.throws(() => readProgressExport(exportOf({ version: 2, skills: {} }), CATALOG, new Date(NOW)), /newer version/);
    assert.throws(() => readProgressExport(exportOf({}, { version: 1.2345678901234567e300 }), CATALOG, new Date(NOW)), /^ImportError: The export has version 1\.2345678901234567e\+300;/);
  });
});

describe('progress catalog for Import', () => {
  it('lists every skill with its quiz length', async () => {
    const skills = [{ id: 'one' }, { id: 'two' }] as unknown as Skill[];
    const catalog = await loadProgressCatalog({
      catalog: async () => ({ skills }) as unknown as Catalog,
      content: async (skill) => ({ quiz: skill.id === 'one' ? [1, 2, 3] : [] }),
    });
    assert.deepEqual([...catalog.quizLengths], [['one', 3], ['two', 0]]);
  });
});

describe('progress clock', () => {
  it('a tick after a reset survives a clock set back in between', async () => {
    const times = ['2026-05-02T00:00:00.000Z', '2026-05-01T00:00:00.000Z', '2026-05-01T00:00:00.000Z'];
    const clock = () => new Date(times.shift() ?? '2026-05-01T00:00:00.000Z');
    const memento = new MemoryMemento();
    const store = new ProgressStore(memento, KEY, clock);
    await store.reset(); // at 05-02
    await store.setComplete('a', true); // the clock now says 05-01
    await store.setComplete('b', true);
    assert.equal(store.isComplete('a'), true);
    assert.equal(new ProgressStore(memento, KEY).isComplete('a'), true);
    assert.equal(memento.get<Record<string, any>>(KEY)!.skills.a.markedAt, '2026-05-02T00:00:00.000Z');
  });
});
