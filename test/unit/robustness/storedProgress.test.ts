import * as assert from 'node:assert/strict';
import { parseProgressRecord, serializeProgressRecord } from '../../../src/progress/progressRecord';
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

/** Every `keep…` string and key in the stored value: the foreign data that must survive. */
function markers(value: unknown, out = new Set<string>(), depth = 0): Set<string> {
  if (depth > 2000) return out;
  if (typeof value === 'string') {
    if (value.startsWith('keep:')) out.add(value.length > 100 ? value.slice(0, 100) : value);
  } else if (Array.isArray(value)) {
    for (const item of value) markers(item, out, depth + 1);
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      if (key.startsWith('keep')) out.add(key);
      markers(item, out, depth + 1);
    }
  }
  return out;
}

describe('robustness: stored progress', () => {
  const all = [...CASES, ...generatedCases(30)];
  const summary = { cases: 0, threw: 0, validKept: 0, validTotal: 0, markers: 0, lost: 0 };
  after(() => {
    console.log(
      `    robustness: stored progress — ${summary.cases} corrupt/foreign records, ${summary.threw} threw, ` +
        `${summary.validKept}/${summary.validTotal} valid entries read correctly, ${summary.markers - summary.lost}/${summary.markers} foreign values kept, no prototype pollution`,
    );
  });

  for (const testCase of all) {
    it(`reads without throwing and loses nothing: ${testCase.name}`, async () => {
      summary.cases += 1;
      const before = prototypeSnapshot();
      const expectedMarkers = markers(testCase.stored);
      const memento = new MemoryMemento(testCase.stored === undefined ? {} : { [KEY]: testCase.stored });
      let store: ProgressStore;
      try {
        store = new ProgressStore(memento, KEY, fixedNow);
        store.load();
        for (const id of ['__proto__', 'constructor', 'toString', 'nope', '']) {
          if (!testCase.complete?.includes(id)) assert.equal(store.isComplete(id), false, id);
          store.quizBest(id);
          store.entry(id);
        }
        store.snapshot();
        store.exportJson();
      } catch (error) {
        summary.threw += 1;
        throw error;
      }
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

      // A change forces the (repaired) record to be written; the markers must all be in it.
      await store.setComplete(PROBE, true);
      const written = memento.get<Record<string, unknown>>(KEY);
      assert.ok(written && typeof written === 'object' && !Array.isArray(written), 'a record object is written');
      const text = JSON.stringify(written);
      summary.markers += expectedMarkers.size;
      const lost = [...expectedMarkers].filter((marker) => !text.includes(JSON.stringify(marker).slice(1, -1)));
      summary.lost += lost.length;
      assert.deepEqual(lost, [], 'foreign data is kept in the record or its quarantine');

      // Reading the written record again gives the same answers and the same record (a fixpoint).
      const reread = new ProgressStore(memento, KEY, fixedNow);
      for (const id of [...(testCase.complete ?? []), PROBE]) assert.equal(reread.isComplete(id), true, `${id} after re-reading`);
      for (const id of testCase.incomplete ?? []) assert.equal(reread.isComplete(id), false, `${id} after re-reading`);
      assert.deepEqual(JSON.parse(JSON.stringify(serializeProgressRecord(parseProgressRecord(written).record))), written);
      assert.deepEqual(prototypeChanges(before), []);
    });
  }

  // Regression: a non-boolean `completed` once overwrote an existing `completedRaw`.
  it('keeps an existing completedRaw when it repairs a non-boolean completed', async () => {
    const memento = new MemoryMemento({ [KEY]: { version: 1, skills: { a: { completed: 'yes', completedRaw: 'keep:older' } } } });
    const store = new ProgressStore(memento, KEY, fixedNow);
    await store.setComplete(PROBE, true);
    assert.match(JSON.stringify(memento.get(KEY)), /keep:older/);
  });

  // Regression: an invalid version value was once replaced and not kept.
  it('keeps an invalid version value somewhere in the record', async () => {
    const memento = new MemoryMemento({ [KEY]: { version: 'keep:v', skills: {} } });
    const store = new ProgressStore(memento, KEY, fixedNow);
    await store.setComplete(PROBE, true);
    assert.match(JSON.stringify(memento.get(KEY)), /keep:v/);
  });
});
