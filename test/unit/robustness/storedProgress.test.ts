import * as assert from 'node:assert/strict';
import { isPlainObject, parseProgressRecord, serializeProgressRecord } from '../../../src/progress/progressRecord';
import { canonicalJson, isLearnerSeed } from '../../../src/progress/progressValues';
import { firstTimeSeen } from '../../../src/progress/syncedProgress';
import { CATALOG, FlakyMemento, exportOf } from '../progressSupport';
import { ProgressStore } from '../../../src/progress/progressStore';
import { MemoryMemento } from '../helpers';
import { Random, prototypeChanges, prototypeSnapshot } from './support';

const KEY = 'backendPath.progress';
const fixedNow = () => new Date('2026-11-27T10:00:00.000Z');
/** A skill no record mentions, written to force the repaired record to disk. */
const PROBE = 'robustness-probe';

/**
 * A stored record and what must hold after reading it. Every piece of foreign data carries a
 * `keep…` marker (as a string value or a key), so "nothing was lost" is a search for the markers.
 */
interface RecordCase {
  readonly name: string;
  readonly stored: unknown;
  readonly complete?: readonly string[];
  readonly incomplete?: readonly string[];
}

/** JSON text → value, so `__proto__` keys arrive as own data, as they would from globalState. */
const json = (text: string): unknown => JSON.parse(text);

const EVERY_JSON_TYPE: Record<string, unknown> = {
  'keep-null': null,
  'keep-number': 42,
  'keep-negative': -1.5,
  'keep-string': 'keep:string-entry',
  'keep-empty-string': '',
  'keep-array': ['keep:array-entry', 1, null],
  'keep-empty-array': [],
  'keep-nested-array': [[['keep:deep-array']]],
  'keep-false': false,
};

function hugeRecord(skills: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (let i = 0; i < skills; i++) out[`keep-skill-${i}`] = { completed: i % 2 === 0, note: `keep:note-${i}` };
  return { version: 1, skills: out };
}

const CASES: RecordCase[] = [
  { name: 'a string', stored: 'keep:not a record' },
  { name: 'an empty string', stored: '' },
  { name: 'a number', stored: 42 },
  { name: 'zero', stored: 0 },
  { name: 'true', stored: true },
  { name: 'false', stored: false },
  { name: 'an empty array', stored: [] },
  { name: 'an array of entries', stored: [{ completed: true, id: 'keep:array-record' }] },
  { name: 'null', stored: null },
  { name: 'an empty object', stored: {} },
  { name: 'skills is a string', stored: { version: 1, skills: 'keep:skills-string' } },
  { name: 'skills is an array', stored: { version: 1, skills: [{ id: 'keep:skills-array', completed: true }] } },
  { name: 'skills is null', stored: { version: 1, skills: null } },
  { name: 'skills is a number', stored: { version: 1, skills: 7 } },
  { name: 'no version', stored: { skills: { 'http-fundamentals': { completed: true } } }, complete: ['http-fundamentals'] },
  { name: 'version is a string', stored: { version: '1', skills: { 'a-b': { completed: true } } }, complete: ['a-b'] },
  { name: 'version is 0', stored: { version: 0, skills: { 'a-b': { completed: true } } }, complete: ['a-b'] },
  { name: 'version is negative', stored: { version: -3, skills: { 'a-b': { completed: true } } }, complete: ['a-b'] },
  { name: 'version is fractional', stored: { version: 1.5, skills: { 'a-b': { completed: true } } }, complete: ['a-b'] },
  { name: 'version is null', stored: { version: null, skills: { 'a-b': { completed: true } } }, complete: ['a-b'] },
  { name: 'version is an object', stored: { version: { major: 1 }, skills: { 'a-b': { completed: true } } }, complete: ['a-b'] },
  { name: 'version is an array', stored: { version: [1], skills: { 'a-b': { completed: true } } }, complete: ['a-b'] },
  { name: 'version is true', stored: { version: true, skills: { 'a-b': { completed: true } } }, complete: ['a-b'] },
  {
    name: 'a future version with fields this one does not know',
    stored: { version: 2, skills: { 'a-b': { completed: true, keepStars: 'keep:stars' } }, keepTheme: 'keep:theme', keepFuture: { x: 'keep:future' } },
    complete: ['a-b'],
  },
  { name: 'a far-future version', stored: { version: 999_999, skills: { 'a-b': { completed: true } }, keepV: 'keep:v999' }, complete: ['a-b'] },
  { name: 'a huge version number', stored: { version: 1e300, skills: { 'a-b': { completed: false } } }, incomplete: ['a-b'] },
  { name: 'entries of every JSON type', stored: { version: 1, skills: { ...EVERY_JSON_TYPE, ok: { completed: true } } }, complete: ['ok'] },
  { name: 'bare boolean entries (an early shape)', stored: { version: 1, skills: { 'done-one': true, 'todo-one': false } }, complete: ['done-one'], incomplete: ['todo-one'] },
  {
    name: 'non-boolean completed values',
    stored: {
      version: 1,
      skills: {
        's1': { completed: 'keep:yes' },
        's2': { completed: 1 },
        's3': { completed: null },
        's4': { completed: ['keep:arr'] },
        's5': { completed: { v: 'keep:obj' } },
        'ok': { completed: true },
      },
    },
    complete: ['ok'],
    incomplete: ['s1', 's2', 's3', 's4', 's5'],
  },
  {
    name: 'mixed valid and invalid entries',
    stored: {
      version: 1,
      skills: {
        'http-fundamentals': { completed: true, completedAt: '2026-01-01T00:00:00.000Z', keepNote: 'keep:n1' },
        'sql-fundamentals': 'keep:garbage',
        'orm-basics': { completed: false, quizBest: { correct: 3, total: 5 } },
        'keep-unknown-skill': { completed: true, keepField: 'keep:unknown-field' },
        'migrations': 12,
      },
    },
    complete: ['http-fundamentals', 'keep-unknown-skill'],
    incomplete: ['orm-basics', 'sql-fundamentals', 'migrations'],
  },
  { name: '__proto__ at the top level', stored: json('{"version":1,"__proto__":{"polluted":"keep:top-proto"},"skills":{"ok":{"completed":true}}}'), complete: ['ok'] },
  { name: '__proto__ as a skill id', stored: json('{"version":1,"skills":{"__proto__":{"completed":true,"x":"keep:proto-skill"},"ok":{"completed":true}}}'), complete: ['__proto__', 'ok'] },
  { name: '__proto__ inside an entry', stored: json('{"version":1,"skills":{"ok":{"completed":true,"__proto__":{"polluted":"keep:entry-proto"}}}}'), complete: ['ok'] },
  { name: '__proto__ as skills', stored: json('{"version":1,"skills":{"__proto__":{"ok":{"completed":true}}}}') },
  { name: 'constructor and prototype keys', stored: json('{"version":1,"constructor":{"prototype":{"polluted":"keep:ctor"}},"skills":{"constructor":{"completed":true},"prototype":{"completed":true},"toString":{"completed":false}}}'), complete: ['constructor', 'prototype'], incomplete: ['toString'] },
  { name: 'hasOwnProperty as a skill id', stored: json('{"skills":{"hasOwnProperty":{"completed":true},"valueOf":"keep:valueOf"}}'), complete: ['hasOwnProperty'], incomplete: ['valueOf'] },
  { name: 'quarantine already present', stored: { version: 1, skills: {}, quarantine: ['keep:old-quarantine', { x: 'keep:old-q2' }] } },
  { name: 'quarantine is not an array', stored: { version: 1, skills: {}, quarantine: 'keep:q-string' } },
  { name: 'quarantine is an object', stored: { version: 1, skills: {}, quarantine: { a: 'keep:q-object' } } },
  { name: 'unknown top-level fields', stored: { version: 1, skills: {}, keepA: 'keep:a', keepB: [1, 'keep:b'], keepC: { d: 'keep:c' } } },
  { name: 'quizBest of wrong types', stored: { version: 1, skills: { a: { completed: true, quizBest: 'keep:qb' }, b: { quizBest: { correct: 'x', total: null } }, c: { quizBest: [1, 2] } } }, complete: ['a'], incomplete: ['b', 'c'] },
  { name: 'dates of wrong types', stored: { version: 1, skills: { a: { completed: true, completedAt: 5, exercisePassedAt: { x: 'keep:date' } } } }, complete: ['a'] },
  {
    name: 'exercises of wrong shapes',
    stored: json('{"version":1,"skills":{"a":{"completed":true,"exercises":"keep:ex"},"b":{"exercises":{"php":"keep:php","node":{"hints":"keep:hints","passedAt":7}}},"c":{"exercises":{"__proto__":{"hints":["keep-proto"]},"go":{"hints":["keep-go"]},"php":{"hints":["ok",5,"ok"]}}}}}'),
    complete: ['a'],
    incomplete: ['b', 'c'],
  },
  { name: 'empty skill id', stored: { version: 1, skills: { '': { completed: true, x: 'keep:empty-id' } } }, complete: [''] },
  { name: 'odd skill ids', stored: { version: 1, skills: { '../../etc': { completed: true }, 'a b': { completed: true }, '😀': { completed: true }, 'x\u0000y': { completed: false } } }, complete: ['../../etc', 'a b', '😀'], incomplete: ['x\u0000y'] },
  { name: 'a huge record (5,000 skills)', stored: hugeRecord(5000), complete: ['keep-skill-0', 'keep-skill-4998'], incomplete: ['keep-skill-1'] },
  { name: 'a huge string field (2 MB)', stored: { version: 1, skills: { a: { completed: true, note: `keep:${'x'.repeat(2_000_000)}` } } }, complete: ['a'] },
  { name: 'a huge quarantine', stored: { version: 1, skills: {}, quarantine: Array.from({ length: 2000 }, (_, i) => `keep:q${i}`) } },
  { name: 'deeply nested unknown data', stored: { version: 1, skills: { a: { completed: true, deep: nest(500, 'keep:deep') } } }, complete: ['a'] },
  { name: 'deeply nested garbage entry', stored: { version: 1, skills: { a: nest(500, 'keep:deep-garbage') } } },
  { name: 'an entry that is an empty object', stored: { version: 1, skills: { a: {} } }, incomplete: ['a'] },
  { name: 'everything wrong at once', stored: json('{"version":"x","skills":{"a":"keep:z","b":true,"__proto__":7},"quarantine":"keep:qq","keepExtra":"keep:extra"}'), complete: ['b'], incomplete: ['a'] },
];

function nest(depth: number, leaf: unknown): unknown {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = i % 2 === 0 ? { n: value } : [value];
  return value;
}

/** Generated cases: random mixes of valid and foreign entries, deterministic from the seed. */
function generatedCases(count: number): RecordCase[] {
  const random = new Random(0x5eed);
  const cases: RecordCase[] = [];
  for (let c = 0; c < count; c++) {
    const skills: Record<string, unknown> = {};
    const complete: string[] = [];
    const incomplete: string[] = [];
    for (let i = 0; i < 1 + random.int(30); i++) {
      const id = `g${c}-${i}`;
      switch (random.int(6)) {
        case 0: skills[id] = { completed: true, completedAt: '2026-01-01T00:00:00.000Z' }; complete.push(id); break;
        case 1: skills[id] = { completed: false, keepX: `keep:g${c}-${i}` }; incomplete.push(id); break;
        case 2: skills[id] = random.pick([null, 0, `keep:g${c}-${i}`, [`keep:g${c}-${i}`]]); incomplete.push(id); break;
        case 3: skills[id] = { completed: random.pick(['yes', 1, null]), keepY: `keep:g${c}-${i}` }; incomplete.push(id); break;
        case 4: skills[id] = true; complete.push(id); break;
        default: skills[id] = { completed: true, quizBest: { correct: random.int(5), total: 5 }, keepZ: `keep:g${c}-${i}` }; complete.push(id);
      }
    }
    const stored: Record<string, unknown> = { skills };
    if (random.chance(0.7)) stored.version = random.pick([1, 2, '1', null, 0]);
    if (random.chance(0.3)) stored[`keep-top-${c}`] = `keep:top-${c}`;
    if (random.chance(0.3)) stored.quarantine = random.pick([[`keep:gq-${c}`], `keep:gq-${c}`]);
    cases.push({ name: `generated #${c}`, stored, complete, incomplete });
  }
  return cases;
}

const same = (a: unknown, b: unknown): boolean => canonicalJson(a) === canonicalJson(b);
const own = (value: Record<string, unknown>, key: string): boolean => Object.prototype.hasOwnProperty.call(value, key);

/**
 * Every value of the stored record, each looked for in its own place in the written record: an
 * unknown top-level field at the same key, an entry's field in the same entry, a damaged value in a
 * quarantine entry that names where it came from. Returns one line per value not found there (a
 * substring somewhere else in the text does not count). `probe` is the skill the test itself wrote.
 */
function misplaced(raw: unknown, written: Record<string, any>, probe: string): string[] {
  const lost: string[] = [];
  const quarantine = new Set((Array.isArray(written.quarantine) ? written.quarantine : []).map((item: unknown) => canonicalJson(item)));
  const inQuarantine = (value: unknown) => quarantine.has(canonicalJson(value));
  const expectQuarantined = (value: unknown, what: string) => {
    if (!inQuarantine(value)) lost.push(`${what} is not in its own quarantine entry`);
  };
  if (raw === undefined || raw === null) return lost;
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    expectQuarantined(raw, 'the whole record');
    return lost;
  }
  const record = raw as Record<string, any>;
  for (const [key, value] of Object.entries(record)) {
    if (['version', 'skills', 'quarantine', 'learnerSeed', 'resetAt'].includes(key)) continue;
    if (!own(written, key) || !same(written[key], value)) lost.push(`top-level field ${JSON.stringify(key)}`);
  }
  const version = record.version;
  if (version !== undefined && !(Number.isSafeInteger(version) && version >= 1)) expectQuarantined({ version }, 'the invalid version');
  if (Array.isArray(record.quarantine)) record.quarantine.forEach((item: unknown, i: number) => inQuarantine(item) || lost.push(`quarantine[${i}]`));
  else if (record.quarantine !== undefined) expectQuarantined(record.quarantine, 'the non-list quarantine');
  if (record.skills !== undefined && !isPlainObject(record.skills)) {
    expectQuarantined({ skills: record.skills }, 'the non-record skills');
    return lost;
  }
  for (const [id, entry] of Object.entries((record.skills ?? {}) as Record<string, unknown>)) {
    if (id === probe) continue;
    const out = own(written.skills, id) ? written.skills[id] : undefined;
    if (typeof entry === 'boolean') {
      if (out?.completed !== entry) lost.push(`the flag of ${JSON.stringify(id)}`);
    } else if (!isPlainObject(entry)) {
      expectQuarantined({ skillId: id, value: entry }, `the entry of ${JSON.stringify(id)}`);
    } else {
      if (!isPlainObject(out)) {
        lost.push(`the entry of ${JSON.stringify(id)}`);
        continue;
      }
      for (const [field, value] of Object.entries(entry)) {
        if (field === 'completed' && typeof value !== 'boolean') {
          expectQuarantined({ skillId: id, completed: value }, `"completed" of ${JSON.stringify(id)}`);
          if (out.completed !== false) lost.push(`"completed" of ${JSON.stringify(id)} was not reset to false`);
        } else if (!own(out, field) || !same(out[field], value)) {
          lost.push(`field ${JSON.stringify(field)} of ${JSON.stringify(id)}`);
        }
      }
    }
  }
  return lost;
}

/** How many separate stored values `misplaced` looks for (for the summary line). */
function valueCount(raw: unknown): number {
  if (!isPlainObject(raw)) return raw === undefined || raw === null ? 0 : 1;
  let count = Object.keys(raw).filter((key) => key !== 'skills').length;
  if (Array.isArray(raw.quarantine)) count += raw.quarantine.length - 1;
  if (!isPlainObject(raw.skills)) return count + (raw.skills === undefined ? 0 : 1);
  for (const entry of Object.values(raw.skills)) count += isPlainObject(entry) ? Object.keys(entry).length : 1;
  return count;
}

describe('robustness: stored progress', () => {
  const all = [...CASES, ...generatedCases(30)];
  const summary = { cases: 0, threw: 0, validKept: 0, validTotal: 0, values: 0, lost: 0, readOnly: 0 };
  after(() => {
    console.log(
      `    robustness: stored progress — ${summary.cases} corrupt/foreign records, ${summary.threw} threw, ` +
        `${summary.validKept}/${summary.validTotal} valid entries read correctly, ${summary.values - summary.lost}/${summary.values} stored values found in their own place or quarantine entry, ` +
        `${summary.readOnly} newer-version records left untouched, no prototype pollution`,
    );
  });

  for (const testCase of all) {
    it(`reads without throwing and loses nothing: ${testCase.name}`, async () => {
      summary.cases += 1;
      const before = prototypeSnapshot();
      const original = canonicalJson(testCase.stored);
      const memento = new MemoryMemento(testCase.stored === undefined ? {} : { [KEY]: testCase.stored });
      let store: ProgressStore;
      try {
        store = new ProgressStore(memento, KEY, fixedNow);
        store.load();
        for (const id of ['__proto__', 'constructor', 'toString', 'nope', '']) {
          if (!testCase.complete?.includes(id)) assert.equal(store.isComplete(id), false, id);
          store.quizBest(id);
          store.entry(id);
          for (const stack of ['php', 'node'] as const) assert.ok(store.exerciseProgress(id, stack).hints.every((hint) => typeof hint === 'string'));
        }
        store.snapshot();
        store.exportJson();
        store.syncFromStorage();
      } catch (error) {
        summary.threw += 1;
        throw error;
      }
      assert.equal(memento.writes, 0, 'reading never writes');
      for (const id of testCase.complete ?? []) {
        summary.validTotal += 1;
        assert.equal(store.isComplete(id), true, `${id} is complete`);
        summary.validKept += 1;
      }
      for (const id of testCase.incomplete ?? []) {
        summary.validTotal += 1;
        assert.equal(store.isComplete(id), false, `${id} is not complete`);
        summary.validKept += 1;
      }

      const outcome = await store.setComplete(PROBE, true);
      summary.values += valueCount(testCase.stored);
      if (store.readOnlyVersion !== undefined) {
        // A newer version's record: shown, never rewritten.
        assert.equal(outcome, 'readOnly');
        assert.equal(memento.writes, 0);
        assert.equal(canonicalJson(memento.get(KEY)), original);
        summary.readOnly += 1;
        return;
      }
      // A change forces the (repaired) record to be written; every stored value must be in its place.
      assert.equal(outcome, 'saved');
      const written = memento.get<Record<string, any>>(KEY);
      assert.ok(written && typeof written === 'object' && !Array.isArray(written), 'a record object is written');
      const lost = misplaced(testCase.stored, written, PROBE);
      summary.lost += lost.length;
      assert.deepEqual(lost, [], 'every stored value is in its own place or its own quarantine entry');

      // Reading the written record again gives the same answers and the same record (a fixpoint).
      const reread = new ProgressStore(memento, KEY, fixedNow);
      for (const id of [...(testCase.complete ?? []), PROBE]) assert.equal(reread.isComplete(id), true, `${id} after re-reading`);
      for (const id of testCase.incomplete ?? []) assert.equal(reread.isComplete(id), false, `${id} after re-reading`);
      assert.deepEqual(reread.load(), [], 'the written record needs no repair');
      assert.equal(canonicalJson(serializeProgressRecord(parseProgressRecord(written).record)), canonicalJson(written));
      assert.deepEqual(prototypeChanges(before), []);
    });
  }

  it('the placement check notices a value moved out of its place', () => {
    const stored = { version: 1, skills: { a: { completed: true, note: 'n' }, b: 'junk' }, theme: 'dark' };
    assert.deepEqual(misplaced(stored, { version: 1, skills: { a: { completed: true, note: 'n' } }, theme: 'dark', quarantine: [{ skillId: 'b', value: 'junk' }] }, PROBE), []);
    // The same values, but somewhere else: every one is reported.
    const moved = { version: 1, skills: { a: { completed: true } }, quarantine: [{ skillId: 'a', value: 'n' }, 'junk', { theme: 'dark' }] };
    assert.deepEqual(misplaced(stored, moved, PROBE), ['top-level field "theme"', 'field "note" of "a"', 'the entry of "b" is not in its own quarantine entry']);
  });

  // Regression: a non-boolean `completed` once overwrote an existing `completedRaw`.
  it('keeps an existing completedRaw when it repairs a non-boolean completed', async () => {
    const stored = { version: 1, skills: { a: { completed: 'yes', completedRaw: 'keep:older' } } };
    const memento = new MemoryMemento({ [KEY]: JSON.parse(JSON.stringify(stored)) });
    const store = new ProgressStore(memento, KEY, fixedNow);
    await store.setComplete(PROBE, true);
    assert.deepEqual(misplaced(stored, memento.get<Record<string, any>>(KEY)!, PROBE), []);
    assert.equal(memento.get<Record<string, any>>(KEY)!.skills.a.completedRaw, 'keep:older');
  });

  // Regression: an invalid version value was once replaced and not kept.
  it('keeps an invalid version value somewhere in the record', async () => {
    const memento = new MemoryMemento({ [KEY]: { version: 'keep:v', skills: {} } });
    const store = new ProgressStore(memento, KEY, fixedNow);
    await store.setComplete(PROBE, true);
    assert.deepEqual(memento.get<Record<string, any>>(KEY)!.quarantine, [{ version: 'keep:v' }]);
  });
});

/** Records written by a newer version of the extension: read them, never write them. */
const NEWER_RECORDS: readonly (readonly [string, Record<string, unknown>])[] = [
  ['version 2 with a field this version does not know', { version: 2, skills: { a: { completed: true, stars: 3 } }, streak: 4 }],
  ['version 3 with a seed', { version: 3, learnerSeed: 'newer-seed-123', skills: { a: { completed: true } } }],
  ['version 999999', { version: 999_999, skills: { a: { completed: true } } }],
  ['version 2 whose skills this version cannot read', { version: 2, skills: { a: { completed: true }, b: 'future shape' } }],
  ['version 2 whose quarantine is not a list', { version: 2, skills: { a: { completed: true } }, quarantine: { x: 1 } }],
];

describe('robustness: newer-version records', () => {
  const summary = { records: 0, writes: 0, warnings: 0, refused: 0 };
  after(() => {
    console.log(
      `    robustness: newer-version records — ${summary.records} records read read-only, ${summary.writes} writes on reads, focus syncs or refused changes, ` +
        `${summary.refused} changes refused and reported, ${summary.warnings} warnings over ${summary.records * 3} activations (one per record)`,
    );
  });

  for (const [name, stored] of NEWER_RECORDS) {
    it(`reads, never rewrites, warns once: ${name}`, async () => {
      summary.records += 1;
      const original = canonicalJson(stored);
      const memento = new MemoryMemento({ [KEY]: JSON.parse(JSON.stringify(stored)) });
      const notices = new MemoryMemento();
      let warnings = 0;
      for (let activation = 0; activation < 3; activation++) {
        const store = new ProgressStore(memento, KEY, fixedNow);
        const repairs = store.load();
        const newer = store.readOnlyVersion;
        assert.equal(newer, stored.version);
        if (firstTimeSeen(notices, newer === undefined ? repairs : [...repairs, `newer version ${newer}`])) warnings += 1;
        assert.equal(store.isComplete('a'), true, 'its progress is shown');
        for (let focus = 0; focus < 3; focus++) store.syncFromStorage();

        const problems: string[] = [];
        const changes: string[] = [];
        store.onDidFailToSave((problem) => problems.push(problem.kind));
        store.onDidChange((change) => changes.push(change.reason));
        assert.equal(await store.setComplete('b', true), 'readOnly');
        assert.equal(await store.recordExercisePass('a'), 'readOnly');
        assert.equal(await store.revealHint('a', 'php', 'h-one'), 'readOnly');
        assert.equal(await store.reset(), 'readOnly');
        assert.equal(await store.recordQuizScore('a', 1, 5), false);
        await assert.rejects(store.importJson(exportOf({ version: 1, skills: { a: { completed: true } } }), CATALOG), /newer version/);
        assert.ok(isLearnerSeed(store.learnerSeed()));
        assert.equal(store.learnerSeed(), store.learnerSeed(), 'the session keeps one seed');
        await store.setComplete('a', true); // waits for anything queued
        assert.deepEqual(problems, ['readOnly', 'readOnly', 'readOnly', 'readOnly', 'readOnly', 'readOnly']);
        assert.ok(changes.every((reason) => reason === 'rollback'), 'views are told to show the stored state again');
        summary.refused += problems.length;
      }
      summary.writes += memento.writes;
      assert.equal(memento.writes, 0);
      assert.equal(canonicalJson(memento.get(KEY)), original, 'the stored record is untouched');
      summary.warnings += warnings;
      assert.equal(warnings, 1, 'the warning shows on the first activation only');
    });
  }
});

/** Storage that refuses writes (disk full, quota): roll back, report, never leave a rejection unhandled. */
describe('robustness: failed writes', () => {
  const summary = { cases: 0, rolledBack: 0, reported: 0, unhandled: 0 };
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  before(() => process.on('unhandledRejection', onUnhandled));
  after(() => {
    process.off('unhandledRejection', onUnhandled);
    console.log(
      `    robustness: failed writes — ${summary.cases} rejected updates, ${summary.rolledBack} rolled back in memory, ` +
        `${summary.reported} reported to the learner, ${summary.unhandled} unhandled rejections`,
    );
  });

  const STORED_OK = { version: 1, learnerSeed: 'seed-abcdefgh', skills: { a: { completed: true, completedAt: '2026-01-01T00:00:00.000Z', quizBest: { correct: 3, total: 5 } } } };

  const CASES: readonly (readonly [string, (store: ProgressStore) => Promise<unknown>, (store: ProgressStore) => void])[] = [
    ['a tick', (store) => store.setComplete('b', true), (store) => assert.equal(store.isComplete('b'), false)],
    ['an untick', (store) => store.setComplete('a', false), (store) => assert.equal(store.isComplete('a'), true)],
    ['a better quiz score', async (store) => assert.equal(await store.recordQuizScore('a', 5, 5), false), (store) => assert.deepEqual(store.quizBest('a'), { correct: 3, total: 5 })],
    ['an exercise pass', (store) => store.recordExercisePass('b'), (store) => assert.equal(store.entry('b'), undefined)],
    ['a hint revealed', (store) => store.revealHint('a', 'node', 'h-one'), (store) => assert.deepEqual(store.exerciseProgress('a', 'node').hints, [])],
    ['a reset', (store) => store.reset(), (store) => assert.equal(store.isComplete('a'), true)],
    [
      'an import',
      async (store) => assert.deepEqual((await store.importJson(exportOf({ version: 1, skills: { b: { completed: true } } }), CATALOG)).newlyCompleted, []),
      (store) => assert.equal(store.isComplete('b'), false),
    ],
  ];

  for (const [name, act, unchanged] of CASES) {
    it(`rolls back ${name} and says so`, async () => {
      summary.cases += 1;
      const memento = new FlakyMemento({ [KEY]: JSON.parse(JSON.stringify(STORED_OK)) }, 1);
      const store = new ProgressStore(memento, KEY, fixedNow);
      const problems: string[] = [];
      const reasons: string[] = [];
      store.onDidFailToSave((problem) => problems.push(`${problem.kind}: ${problem.message}`));
      store.onDidChange((change) => reasons.push(change.reason));
      await act(store);
      await new Promise((resolve) => setImmediate(resolve));
      assert.equal(memento.failures, 1, 'the write was attempted and failed');
      unchanged(store);
      // globalState keeps the failed value in memory; a re-read must not take it for saved progress.
      store.syncFromStorage();
      unchanged(store);
      summary.rolledBack += 1;
      assert.equal(problems.length, 1);
      assert.match(problems[0], /^storage: Backend Path could not save your progress \(disk full\); the change was undone\.$/);
      assert.deepEqual(reasons, ['rollback']);
      summary.reported += 1;
      summary.unhandled += unhandled.length;
      assert.deepEqual(unhandled, []);

      // The next write works and carries the stored progress, not the failed change.
      assert.equal(await store.setComplete('c', true), 'saved');
      const written = memento.get<Record<string, any>>(KEY)!;
      assert.equal(written.skills.c.completed, true);
      unchanged(store);
      assert.equal(written.skills.a.completed, true, 'the stored progress survives the failed change');
    });
  }

  it('a failed write does not hold up or spoil the next one', async () => {
    summary.cases += 1;
    const memento = new FlakyMemento({}, 1);
    const store = new ProgressStore(memento, KEY, fixedNow);
    const [first, second] = await Promise.all([store.setComplete('a', true), store.setComplete('b', true)]);
    assert.deepEqual([first, second], ['failed', 'saved']);
    assert.equal(store.isComplete('a'), false);
    assert.equal(store.isComplete('b'), true);
    assert.deepEqual(Object.keys(memento.get<Record<string, any>>(KEY)!.skills), ['b']);
    summary.rolledBack += 1;
  });

  it('a failed seed write is reported, not thrown', async () => {
    summary.cases += 1;
    const memento = new FlakyMemento({}, 1);
    const store = new ProgressStore(memento, KEY, { now: fixedNow, makeSeed: () => 'seed-12345678' });
    const problems: string[] = [];
    store.onDidFailToSave((problem) => problems.push(problem.kind));
    assert.equal(store.learnerSeed(), 'seed-12345678');
    await store.setComplete('a', true);
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(problems, ['storage']);
    assert.deepEqual(unhandled, []);
    summary.reported += 1;
  });
});
