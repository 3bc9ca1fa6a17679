import * as assert from 'node:assert/strict';
import { parseProgressRecord } from '../../src/progress/progressRecord';
import type { ProgressChange, ProgressWriteProblem } from '../../src/progress/progressStore';
import { ProgressStore } from '../../src/progress/progressStore';
import { ImportError, MAX_IMPORT_BYTES } from '../../src/progress/progressTransfer';
import { EARLIEST_PROGRESS_TIME, MAX_CLOCK_SKEW_MS, canonicalJson, isLearnerSeed, isValidScore, isoTime, progressTime, uniqueValues } from '../../src/progress/progressValues';
import { MemoryMemento } from './helpers';
import { CATALOG, KEY, NOW, exportOf, fixedNow, tickingClock } from './progressSupport';

function storeWith(stored: unknown, options: ConstructorParameters<typeof ProgressStore>[2] = fixedNow): { store: ProgressStore; memento: MemoryMemento } {
  const memento = new MemoryMemento(stored === undefined ? {} : { [KEY]: stored });
  return { store: new ProgressStore(memento, KEY, options), memento };
}

const saved = (memento: MemoryMemento): Record<string, any> => memento.get<Record<string, any>>(KEY) ?? {};

describe('progress store', () => {
  it('starts empty and saves a completion at once, keyed by skill id and stamped', async () => {
    const { store, memento } = storeWith(undefined);
    assert.equal(store.isComplete('http-fundamentals'), false);
    assert.equal(await store.setComplete('http-fundamentals', true), 'saved');
    assert.equal(saved(memento).version, 1);
    assert.deepEqual(saved(memento).skills['http-fundamentals'], { completed: true, completedAt: NOW, markedAt: NOW, updatedAt: NOW });
    assert.equal(await store.setComplete('http-fundamentals', true), 'unchanged');
    assert.equal(memento.writes, 1, 'a change to the same state writes nothing');
    await store.setComplete('http-fundamentals', false);
    assert.deepEqual(saved(memento).skills['http-fundamentals'], { completed: false, markedAt: NOW, updatedAt: NOW });
  });

  it('stamps an untick with its own moment, so it wins over the older tick', async () => {
    const { store, memento } = storeWith(undefined, tickingClock());
    await store.setComplete('a', true);
    const tickedAt = saved(memento).skills.a.updatedAt;
    await store.setComplete('a', false);
    assert.ok(Date.parse(saved(memento).skills.a.updatedAt) > Date.parse(tickedAt));
  });

  it('fires a change event naming the skill and the reason', async () => {
    const { store } = storeWith(undefined);
    const seen: ProgressChange[] = [];
    store.onDidChange((change) => seen.push(change));
    await store.setComplete('sql-fundamentals', true);
    await store.reset();
    await store.importJson(exportOf({ version: 1, skills: { a: { completed: true } } }), CATALOG);
    assert.deepEqual(seen, [
      { skillIds: ['sql-fundamentals'], reason: 'edit' },
      { skillIds: [], reason: 'reset' },
      { skillIds: [], reason: 'import' },
    ]);
  });

  it('keeps only the best quiz score and refuses impossible ones', async () => {
    const { store, memento } = storeWith(undefined);
    assert.equal(await store.recordQuizScore('orm-basics', 3, 5), true);
    assert.equal(await store.recordQuizScore('orm-basics', 2, 5), false);
    assert.equal(await store.recordQuizScore('orm-basics', 3, 5), false);
    assert.deepEqual(store.quizBest('orm-basics'), { correct: 3, total: 5 });
    assert.equal(await store.recordQuizScore('orm-basics', 5, 5), true);
    assert.deepEqual(store.quizBest('orm-basics'), { correct: 5, total: 5 });
    const writes = memento.writes;
    for (const [correct, total] of [[6, 5], [-1, 5], [1.5, 5], [0, 0], [Number.NaN, 5], [1e9, 1e9 + 1.5]]) {
      assert.equal(await store.recordQuizScore('orm-basics', correct, total), false, `${correct}/${total}`);
    }
    assert.equal(memento.writes, writes);
    // A quiz whose length changed: the new score replaces the old one.
    assert.equal(await store.recordQuizScore('orm-basics', 1, 6), true);
    assert.deepEqual(store.quizBest('orm-basics'), { correct: 1, total: 6 });
  });

  it('records an exercise pass with its date', async () => {
    const { store, memento } = storeWith(undefined);
    assert.equal(await store.recordExercisePass('a'), 'saved');
    assert.deepEqual(saved(memento).skills.a, { exercisePassedAt: NOW, updatedAt: NOW });
  });

  it('keeps unknown skill ids and unknown fields of the stored record when it writes', async () => {
    const stored = { version: 1, skills: { 'future-skill': { completed: true, stars: 3 }, 'http-fundamentals': { completed: false, note: 'x' } }, theme: 'dark' };
    const { store, memento } = storeWith(stored);
    await store.setComplete('http-fundamentals', true);
    assert.deepEqual(saved(memento).skills['future-skill'], { completed: true, stars: 3 });
    assert.equal(saved(memento).skills['http-fundamentals'].note, 'x');
    assert.equal(saved(memento).theme, 'dark');
  });

  it('repairs a corrupt record in memory, writes nothing on a read, and saves the repair with the next change', async () => {
    const { store, memento } = storeWith('this is not a record');
    assert.equal(store.load().length, 1);
    assert.equal(store.isComplete('http-fundamentals'), false);
    store.syncFromStorage();
    assert.equal(memento.writes, 0, 'a plain read never writes');
    assert.equal(memento.get(KEY), 'this is not a record');
    await store.setComplete('a', true);
    assert.deepEqual(saved(memento).quarantine, ['this is not a record']);
    assert.equal(saved(memento).skills.a.completed, true);
  });

  it('repairs legacy bare flags and odd values entry by entry', () => {
    const parsed = parseProgressRecord({ version: 1, skills: { a: true, b: 'garbage', c: { completed: 'yes' } } });
    assert.equal(parsed.record.skills.get('a')?.completed, true);
    assert.equal(parsed.record.skills.has('b'), false);
    assert.equal(parsed.record.skills.get('c')?.completed, false);
    assert.deepEqual(parsed.record.quarantine, [{ skillId: 'c', completed: 'yes' }, { skillId: 'b', value: 'garbage' }]);
    assert.equal(parsed.repairs.length, 3);
  });

  it('sets aside an invalid learner seed or reset date and reports it', () => {
    const parsed = parseProgressRecord({ version: 1, skills: {}, learnerSeed: 'x', resetAt: 'yesterday' });
    assert.equal(parsed.record.learnerSeed, undefined);
    assert.equal(parsed.record.resetAt, undefined);
    assert.deepEqual(parsed.record.quarantine, [{ learnerSeed: 'x' }, { resetAt: 'yesterday' }]);
    assert.equal(parsed.repairs.length, 2);
  });

  it('drops duplicate quarantine entries when it reads', () => {
    const parsed = parseProgressRecord({ version: 1, skills: {}, quarantine: [{ a: 1, b: 2 }, { b: 2, a: 1 }, 'x', 'x'] });
    assert.deepEqual(parsed.record.quarantine, ['x', { a: 1, b: 2 }]);
  });

  it('reads a record from a newer version without repairs and keeps its fields', () => {
    const parsed = parseProgressRecord({ version: 7, skills: { a: { completed: true, badge: 'gold' } }, streak: 12 });
    assert.equal(parsed.record.version, 7);
    assert.equal(parsed.newerVersion, 7);
    assert.equal(parsed.record.extra.get('streak'), 12);
    assert.equal(parsed.record.skills.get('a')?.badge, 'gold');
    assert.deepEqual(parsed.repairs, []);
    assert.equal(parseProgressRecord({ version: 1, skills: {} }).newerVersion, undefined);
  });

  it('treats __proto__ keys as plain data and pollutes no prototype', async () => {
    const hostile = JSON.parse('{"version":1,"skills":{"__proto__":{"completed":true,"polluted":true},"a":{"completed":true,"__proto__":{"polluted":true}}}}');
    const { store, memento } = storeWith(hostile);
    assert.equal(store.isComplete('a'), true);
    await store.setComplete('b', true);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal(Object.prototype.hasOwnProperty.call(saved(memento).skills, '__proto__'), true);
  });

  it('reset clears progress, quarantine and unknown fields but keeps the learner seed', async () => {
    const { store, memento } = storeWith({ version: 1, learnerSeed: 'seed-0123456789', skills: { a: { completed: true }, b: 42 }, theme: 'dark' });
    assert.equal(await store.reset(), 'saved');
    assert.deepEqual(saved(memento), { version: 1, learnerSeed: 'seed-0123456789', resetAt: NOW, skills: {} });
    assert.equal(store.learnerSeed(), 'seed-0123456789');
  });

  it('round-trips export and import into an empty store', async () => {
    const { store } = storeWith(undefined);
    await store.setComplete('http-fundamentals', true);
    await store.recordQuizScore('http-fundamentals', 4, 5);
    store.learnerSeed();
    const exported = store.exportJson();
    const other = storeWith(undefined).store;
    const result = await other.importJson(exported, CATALOG);
    assert.deepEqual(result, { newlyCompleted: ['http-fundamentals'], ignored: [], outcome: 'saved' });
    assert.deepEqual(other.snapshot(), store.snapshot());
  });

  it('merges an import: completion only grows, the best score and earliest real dates win', async () => {
    const { store } = storeWith({
      version: 1,
      skills: {
        a: { completed: true, completedAt: '2026-05-01T00:00:00.000Z', quizBest: { correct: 2, total: 5 } },
        b: { completed: false },
        c: { completed: true, completedAt: ' ' },
      },
    });
    const incoming = exportOf({
      version: 1,
      skills: {
        a: { completed: false, quizBest: { correct: 5, total: 5 } },
        b: { completed: true, completedAt: '2026-06-01T00:00:00.000Z' },
        c: { completed: true, completedAt: '2026-04-01T00:00:00.000Z' },
        'http-fundamentals': { completed: true, completedAt: '2026-03-01T00:00:00.000Z' },
      },
    });
    const result = await store.importJson(incoming, CATALOG);
    assert.deepEqual([...result.newlyCompleted].sort(), ['b', 'http-fundamentals']);
    assert.equal(store.isComplete('a'), true);
    assert.equal(store.entry('a')?.completedAt, '2026-05-01T00:00:00.000Z');
    assert.deepEqual(store.quizBest('a'), { correct: 5, total: 5 });
    assert.equal(store.entry('a')?.updatedAt, NOW, 'changed entries are stamped');
    assert.equal(store.entry('a')?.markedAt, undefined, 'a score is not a tick');
    assert.equal(store.entry('b')?.markedAt, NOW, 'a completion is');
    assert.equal(store.isComplete('b'), true);
    assert.equal(store.entry('c')?.completedAt, '2026-04-01T00:00:00.000Z', 'a real date replaces a junk one');
  });

  it('keeps the earlier real completion date against a later imported one', async () => {
    const { store, memento } = storeWith({ version: 1, skills: { a: { completed: true, completedAt: '2026-02-01T00:00:00.000Z' } } });
    const result = await store.importJson(exportOf({ version: 1, skills: { a: { completed: true, completedAt: '2026-09-01T00:00:00.000Z' } } }), CATALOG);
    assert.equal(result.outcome, 'unchanged');
    assert.equal(memento.writes, 0);
    assert.equal(store.entry('a')?.completedAt, '2026-02-01T00:00:00.000Z');
  });

  it('drops and reports unknown skills and invalid values instead of storing them', async () => {
    const { store, memento } = storeWith({ version: 1, skills: { a: { completed: true, completedAt: '2026-05-01T00:00:00.000Z', quizBest: { correct: 3, total: 5 } } } });
    const text = `{"format":"backend-path-progress","version":1,"progress":{"version":1,"theme":"x","skills":{
      "__proto__":{"completed":true},"../../x":{"completed":true},"constructor":{"completed":true},
      "a":{"completed":true,"completedAt":"1970-01-01T00:00:00.000Z","quizBest":{"correct":1000000000,"total":1}},
      "b":{"completed":true,"completedAt":"+275760-09-13T00:00:00.000Z","quizBest":{"correct":-3,"total":5},"stars":3},
      "c":{"quizBest":{"correct":4,"total":6}},
      "no-quiz":{"quizBest":{"correct":0,"total":0}}}}}`;
    const result = await store.importJson(text, CATALOG);
    assert.deepEqual(result.newlyCompleted, ['b']);
    assert.equal(result.ignored.length, 11, result.ignored.join('\n'));
    for (const expected of ['unknown skill "__proto__"', 'unknown skill "../../x"', 'unknown skill "constructor"', 'unknown field "theme"', '"b": unknown field "stars"']) {
      assert.ok(result.ignored.includes(expected), expected);
    }
    const skills = saved(memento).skills;
    assert.deepEqual(Object.keys(skills).sort(), ['a', 'b']);
    assert.equal(skills.a.completedAt, '2026-05-01T00:00:00.000Z');
    assert.deepEqual(skills.a.quizBest, { correct: 3, total: 5 });
    assert.deepEqual(skills.b, { completed: true, markedAt: NOW, updatedAt: NOW });
    assert.equal(({} as Record<string, unknown>).completed, undefined);
  });

  it('checks the file size before reading it', async () => {
    const { store } = storeWith(undefined);
    let reads = 0;
    const huge = { size: async () => MAX_IMPORT_BYTES + 1, read: async () => ((reads += 1), new Uint8Array()) };
    await assert.rejects(store.importFrom(huge, CATALOG), /larger than/);
    assert.equal(reads, 0, 'a file that is too large is never read');
    const grown = { size: async () => 10, read: async () => new Uint8Array(MAX_IMPORT_BYTES + 1) };
    await assert.rejects(store.importFrom(grown, CATALOG), /larger than/);
    const latin1 = { size: async () => 3, read: async () => new Uint8Array([0x7b, 0xe9, 0x7d]) };
    await assert.rejects(store.importFrom(latin1, CATALOG), /not UTF-8/);
    const good = new TextEncoder().encode(exportOf({ version: 1, skills: { a: { completed: true } } }));
    const result = await store.importFrom({ size: async () => good.byteLength, read: async () => good }, CATALOG);
    assert.deepEqual(result.newlyCompleted, ['a']);
  });

  for (const [name, text, pattern] of [
    ['malformed JSON', '{', /not valid JSON/],
    ['a foreign JSON file', '{"skills":{}}', /not a Backend Path progress export/],
    ['a wrong version', '{"format":"backend-path-progress","version":9,"progress":{}}', /version 9/],
    ['damaged progress', '{"format":"backend-path-progress","version":1,"progress":"x"}', /damaged/],
    ['an oversized file', `{"format":"backend-path-progress","version":1,"pad":"${'x'.repeat(MAX_IMPORT_BYTES)}"}`, /larger than/],
  ] as const) {
    it(`refuses ${name} with a clear error and changes nothing`, async () => {
      const { store, memento } = storeWith({ version: 1, skills: { a: { completed: true } } });
      const before = JSON.stringify(memento.get(KEY));
      await assert.rejects(store.importJson(text, CATALOG), (error: unknown) => error instanceof ImportError && pattern.test(error.message));
      assert.equal(JSON.stringify(memento.get(KEY)), before);
      assert.equal(memento.writes, 0);
    });
  }
});

describe('learner seed', () => {
  it('is made once, stored in the synced record and the same after a restart', async () => {
    let made = 0;
    const { store, memento } = storeWith(undefined, { now: fixedNow, makeSeed: () => `seed-${(made += 1)}-abcdefgh` });
    const seed = store.learnerSeed();
    assert.equal(seed, 'seed-1-abcdefgh');
    assert.equal(store.learnerSeed(), seed);
    await store.setComplete('a', true); // waits for the queued seed write too
    assert.equal(saved(memento).learnerSeed, seed);
    const restarted = new ProgressStore(memento, KEY, { now: fixedNow, makeSeed: () => 'other-seed-xyz' });
    assert.equal(restarted.learnerSeed(), seed);
    assert.equal(made, 1);
  });

  it('is random by default and looks like a seed', () => {
    const a = storeWith(undefined).store.learnerSeed();
    const b = storeWith(undefined).store.learnerSeed();
    assert.ok(isLearnerSeed(a) && isLearnerSeed(b));
    assert.notEqual(a, b);
  });

  it('survives Reset and Import; Import adopts the file\'s seed only when the store has none', async () => {
    const { store } = storeWith({ version: 1, learnerSeed: 'mine-12345678', skills: {} });
    await store.reset();
    await store.importJson(exportOf({ version: 1, learnerSeed: 'theirs-12345678', skills: {} }), CATALOG);
    assert.equal(store.learnerSeed(), 'mine-12345678');
    const empty = storeWith(undefined).store;
    await empty.importJson(exportOf({ version: 1, learnerSeed: 'theirs-12345678', skills: {} }), CATALOG);
    assert.equal(empty.learnerSeed(), 'theirs-12345678');
  });
});

describe('progress values', () => {
  const now = new Date(NOW);
  it('accepts only well-formed ISO 8601 date-times', () => {
    for (const good of [NOW, '2026-01-31T23:59:59Z', '2026-02-28T10:00:00.5+02:00', '2024-02-29T00:00:00.000Z']) {
      assert.notEqual(isoTime(good), undefined, good);
    }
    for (const bad of ['2026-11-27T10:00:00+99:99', ' ', '', '1970', '2026', '2026-11-27', '+275760-09-13T00:00:00.000Z', '2026-02-30T00:00:00.000Z', '2025-02-29T00:00:00Z',
      '2026-13-01T00:00:00Z', '2026-11-27T24:00:00Z', '2026-11-27T10:60:00Z', '2026-11-27T10:00:60Z', '2026-11-27 10:00:00Z', '2026-11-27T10:00:00',
      `${NOW} `, 5, null, {}, ['2026-01-01T00:00:00Z']]) {
      assert.equal(isoTime(bad), undefined, JSON.stringify(bad));
    }
    assert.equal(isoTime('2026-11-27T12:00:00+02:00'), Date.parse(NOW));
  });

  it('accepts progress dates from 2020 until now plus the clock skew', () => {
    assert.equal(progressTime(new Date(EARLIEST_PROGRESS_TIME).toISOString(), now), EARLIEST_PROGRESS_TIME);
    assert.equal(progressTime(new Date(EARLIEST_PROGRESS_TIME - 1).toISOString(), now), undefined);
    assert.equal(progressTime('1970-01-01T00:00:00.000Z', now), undefined);
    const edge = now.getTime() + MAX_CLOCK_SKEW_MS;
    assert.equal(progressTime(new Date(edge).toISOString(), now), edge);
    assert.equal(progressTime(new Date(edge + 1).toISOString(), now), undefined);
  });

  it('accepts scores with 0 <= correct <= total = the quiz length', () => {
    assert.equal(isValidScore(0, 5), true);
    assert.equal(isValidScore(5, 5), true);
    assert.equal(isValidScore(5, 5, 5), true);
    assert.equal(isValidScore(4, 5, 6), false);
    for (const [correct, total] of [[6, 5], [-1, 5], [1, 0], [0, 0], [1.5, 5], [1, 5.5], ['1', 5], [1, '5'], [1e9, 1], [Number.NaN, 5], [1, Infinity], [2 ** 53, 2 ** 53]]) {
      assert.equal(isValidScore(correct, total), false, `${correct}/${total}`);
    }
  });

  it('compares values by meaning and dedupes them', () => {
    assert.equal(canonicalJson({ b: 1, a: [1, { d: 2, c: undefined }] }), '{"a":[1,{"d":2}],"b":1}');
    assert.equal(canonicalJson(JSON.parse('{"__proto__":{"x":1}}')), '{"__proto__":{"x":1}}');
    assert.equal(canonicalJson([undefined]), '[null]');
    assert.equal(canonicalJson(undefined), 'undefined');
    assert.deepEqual(uniqueValues([2, 1, 2, '1']), ['1', 1, 2]);
  });

  it('recognises learner seeds', () => {
    for (const good of ['abcdefgh', 'A-_0123456789', 'x'.repeat(64)]) assert.equal(isLearnerSeed(good), true, good);
    for (const bad of ['abcdefg', 'x'.repeat(65), 'abc defgh', 'abcdefgh\n', 12345678, null]) assert.equal(isLearnerSeed(bad), false, String(bad));
  });
});

describe('progress sync', () => {
  it('registers exactly the key the store writes for Settings Sync', async () => {
    const { createSyncedProgressStore } = await import('../../src/progress/syncedProgress');
    const memento = Object.assign(new MemoryMemento(), {
      synced: [] as readonly string[],
      setKeysForSync(keys: readonly string[]) {
        this.synced = keys;
      },
    });
    const store = createSyncedProgressStore(memento, fixedNow);
    await store.setComplete('http-fundamentals', true);
    assert.deepEqual(memento.synced, [KEY]);
    assert.deepEqual([...memento.values.keys()], [KEY]);
  });

  it('shows a warning about the same findings once per machine', async () => {
    const { firstTimeSeen, PROGRESS_NOTICE_KEY } = await import('../../src/progress/syncedProgress');
    const memento = new MemoryMemento();
    assert.equal(firstTimeSeen(memento, []), false);
    assert.equal(firstTimeSeen(memento, ['newer version 2']), true);
    assert.equal(firstTimeSeen(memento, ['newer version 2']), false);
    assert.equal(firstTimeSeen(memento, ['newer version 3']), true);
    assert.equal(typeof memento.get(PROGRESS_NOTICE_KEY), 'string');
  });

  it('a refused write tells the store\'s listeners why', async () => {
    const { store } = storeWith({ version: 2, skills: {} });
    const problems: ProgressWriteProblem[] = [];
    store.onDidFailToSave((problem) => problems.push(problem));
    assert.equal(await store.setComplete('a', true), 'readOnly');
    assert.equal(problems[0]?.kind, 'readOnly');
    assert.match(problems[0].message, /newer version/);
  });
});
