import * as assert from 'node:assert/strict';
import { ProgressStore } from '../../../src/progress/progressStore';
import { MAX_RECORD_BYTES } from '../../../src/progress/progressRecord';
import { EXPORT_FORMAT, ImportError, MAX_IMPORT_BYTES } from '../../../src/progress/progressTransfer';
import { MemoryMemento } from '../helpers';
import { CATALOG } from '../progressSupport';
import { prototypeChanges, prototypeSnapshot } from './support';

const KEY = 'backendPath.progress';
const fixedNow = () => new Date('2026-11-27T10:00:00.000Z');

const STORED = {
  version: 1,
  skills: {
    'http-fundamentals': { completed: true, completedAt: '2026-01-01T00:00:00.000Z' },
    'orm-basics': { completed: false, quizBest: { correct: 3, total: 5, at: '2026-02-01T00:00:00.000Z' } },
    'future-skill': { completed: true, stars: 3 },
  },
  quarantine: ['old damage'],
  theme: 'dark',
};

const exportOf = (progress: unknown, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ format: EXPORT_FORMAT, version: 1, exportedAt: '2026-11-27T10:00:00.000Z', progress, ...extra }, null, 2);
const GOOD_PROGRESS = { version: 1, skills: { 'sql-fundamentals': { completed: true } } };

type Category = 'malformed' | 'oversized' | 'wrong format' | 'wrong version' | 'damaged';

const MESSAGES: Record<Category, RegExp> = {
  malformed: /^The file is not valid JSON\.$/,
  oversized: new RegExp(`^The file is larger than ${MAX_IMPORT_BYTES} bytes, so it is not a Backend Path progress export\\.$`),
  'wrong format': /^The file is not a Backend Path progress export \(its "format" field is missing or wrong\)\.$/,
  'wrong version': /^The export has (progress )?version .{1,40}(; this version of Backend Path reads version 1\.|, made by a newer version of Backend Path; update the extension, then import it again\.)$/,
  damaged: /^The export's progress is damaged: .+/,
};

const CASES: readonly (readonly [Category, string, string])[] = [
  ['malformed', 'an empty file', ''],
  ['malformed', 'whitespace only', ' \n\t '],
  ['malformed', 'an open brace', '{'],
  ['malformed', 'plain text', 'this is not json'],
  ['malformed', 'single quotes', "{'format':'backend-path-progress','version':1}"],
  ['malformed', 'a trailing comma', '{"format":"backend-path-progress","version":1,}'],
  ['malformed', 'NaN', 'NaN'],
  ['malformed', 'undefined', 'undefined'],
  ['malformed', 'a NUL byte', '\u0000'],
  ['malformed', 'a truncated export', exportOf(GOOD_PROGRESS).slice(0, 60)],
  ['malformed', 'an export with trailing garbage', `${exportOf(GOOD_PROGRESS)}\n}garbage`],
  ['malformed', 'two exports back to back', `${exportOf(GOOD_PROGRESS)}${exportOf(GOOD_PROGRESS)}`],
  ['malformed', 'JSON with comments', `// my progress\n${exportOf(GOOD_PROGRESS)}`],
  ['oversized', 'a valid export padded with 1.1 MB of spaces', `${exportOf(GOOD_PROGRESS)}${' '.repeat(1_100_000)}`],
  ['oversized', 'a valid export with a 1.1 MB note', exportOf({ ...GOOD_PROGRESS, note: 'x'.repeat(1_100_000) })],
  ['oversized', '140,000 two-byte characters (280 KB, fewer characters than the byte limit)', exportOf({ ...GOOD_PROGRESS, note: 'é'.repeat(140_000) })],
  ['oversized', '25,000 invented skill ids (917 KB)', exportOf({ version: 1, skills: Object.fromEntries(Array.from({ length: 25_000 }, (_, i) => [`invented-skill-${i}`, { completed: true }])) })],
  ['oversized', 'one byte over the limit', `${exportOf(GOOD_PROGRESS)}`.padEnd(MAX_IMPORT_BYTES + 1, ' ')],
  ['oversized', '5 MB of garbage', 'x'.repeat(5_000_000)],
  ['wrong format', 'null', 'null'],
  ['wrong format', 'a number', '42'],
  ['wrong format', 'a string', '"backend-path-progress"'],
  ['wrong format', 'true', 'true'],
  ['wrong format', 'an empty array', '[]'],
  ['wrong format', 'an array holding an export', `[${exportOf(GOOD_PROGRESS)}]`],
  ['wrong format', 'an empty object', '{}'],
  ['wrong format', 'another format', JSON.stringify({ format: 'codetour', version: 1, progress: GOOD_PROGRESS })],
  ['wrong format', 'the format in another case', JSON.stringify({ format: 'Backend-Path-Progress', version: 1, progress: GOOD_PROGRESS })],
  ['wrong format', 'the format with a space', JSON.stringify({ format: ' backend-path-progress', version: 1, progress: GOOD_PROGRESS })],
  ['wrong format', 'the format in an array', JSON.stringify({ format: [EXPORT_FORMAT], version: 1, progress: GOOD_PROGRESS })],
  ['wrong format', 'the format under __proto__', `{"__proto__":{"format":"${EXPORT_FORMAT}"},"version":1,"progress":{}}`],
  ['wrong format', 'a bare progress record (no wrapper)', JSON.stringify(STORED)],
  ['wrong format', 'a package.json', JSON.stringify({ name: 'x', version: '1.0.0' })],
  ['wrong format', 'VS Code settings', JSON.stringify({ 'editor.fontSize': 14, 'backendPath.completeOnPass': true })],
  ['wrong version', 'version 2', exportOf(GOOD_PROGRESS, { version: 2 })],
  ['wrong version', 'version 0', exportOf(GOOD_PROGRESS, { version: 0 })],
  ['wrong version', 'version as a string', exportOf(GOOD_PROGRESS, { version: '1' })],
  ['wrong version', 'version null', exportOf(GOOD_PROGRESS, { version: null })],
  ['wrong version', 'no version', JSON.stringify({ format: EXPORT_FORMAT, progress: GOOD_PROGRESS })],
  ['wrong version', 'version 1.5', exportOf(GOOD_PROGRESS, { version: 1.5 })],
  ['wrong version', 'version -1', exportOf(GOOD_PROGRESS, { version: -1 })],
  ['wrong version', 'version [1]', exportOf(GOOD_PROGRESS, { version: [1] })],
  ['wrong version', 'version true', exportOf(GOOD_PROGRESS, { version: true })],
  ['wrong version', 'version 1e308', exportOf(GOOD_PROGRESS, { version: 1e308 })],
  ['damaged', 'progress is a string', exportOf('all done')],
  ['damaged', 'progress is a number', exportOf(42)],
  ['damaged', 'progress is an array', exportOf([GOOD_PROGRESS])],
  ['damaged', 'progress is true', exportOf(true)],
  ['damaged', 'skills is an array', exportOf({ version: 1, skills: [{ completed: true }] })],
  ['damaged', 'skills is a string', exportOf({ version: 1, skills: 'all' })],
  ['damaged', 'an entry is a number', exportOf({ version: 1, skills: { 'sql-fundamentals': { completed: true }, 'orm-basics': 5 } })],
  ['damaged', 'an entry is null', exportOf({ version: 1, skills: { 'orm-basics': null } })],
  ['damaged', 'completed is a string', exportOf({ version: 1, skills: { 'orm-basics': { completed: 'yes' } } })],
  ['damaged', 'progress version is a string', exportOf({ version: 'one', skills: {} })],
  ['damaged', 'progress version is 0', exportOf({ version: 0, skills: {} })],
  ['damaged', 'progress has no version', exportOf({ skills: { 'sql-fundamentals': { completed: true } } })],
  ['wrong version', 'progress written by a newer version', exportOf({ version: 2, skills: { 'sql-fundamentals': { completed: true } } })],
  ['damaged', 'a bare flag entry', exportOf({ version: 1, skills: { 'sql-fundamentals': true } })],
];

describe('robustness: Import Progress', () => {
  const counts = new Map<Category, number>();
  let unchanged = 0;
  after(() => {
    const byCategory = [...counts].map(([category, count]) => `${count} ${category}`).join(', ');
    console.log(`    robustness: import — ${CASES.length} bad files (${byCategory}), ${unchanged} rejected with a clear ImportError and left the stored record byte-identical (0 extra writes)`);
  });

  for (const [category, name, text] of CASES) {
    it(`rejects ${category}: ${name}`, async () => {
      counts.set(category, (counts.get(category) ?? 0) + 1);
      const prototype = prototypeSnapshot();
      const memento = new MemoryMemento({ [KEY]: JSON.parse(JSON.stringify(STORED)) });
      const store = new ProgressStore(memento, KEY, fixedNow);
      assert.deepEqual(store.load(), [], 'the stored record is healthy to begin with');
      const before = JSON.stringify(memento.get(KEY));
      const snapshot = JSON.stringify(store.snapshot());
      const writes = memento.writes;
      let changes = 0;
      store.onDidChange(() => (changes += 1));

      await assert.rejects(store.importJson(text, CATALOG), (error: unknown) => {
        assert.ok(error instanceof ImportError, `an ImportError, not ${String(error)}`);
        assert.equal(error.name, 'ImportError');
        assert.match(error.message, MESSAGES[category]);
        assert.ok(error.message.length <= 400, `a short message (${error.message.length} characters)`);
        return true;
      });
      assert.equal(JSON.stringify(memento.get(KEY)), before, 'the stored record is byte-identical');
      assert.equal(memento.writes, writes, 'nothing was written');
      assert.equal(JSON.stringify(store.snapshot()), snapshot, 'the in-memory record is unchanged');
      assert.equal(changes, 0, 'no change event');
      assert.equal(store.isComplete('sql-fundamentals'), false);
      assert.deepEqual(prototypeChanges(prototype), []);
      unchanged += 1;
    });
  }

  it('still imports a good file (so the rejections above are not the harness failing)', async () => {
    const memento = new MemoryMemento({ [KEY]: JSON.parse(JSON.stringify(STORED)) });
    const store = new ProgressStore(memento, KEY, fixedNow);
    assert.deepEqual((await store.importJson(exportOf(GOOD_PROGRESS), CATALOG)).newlyCompleted, ['sql-fundamentals']);
    assert.equal(store.isComplete('sql-fundamentals'), true);
    assert.equal(store.isComplete('http-fundamentals'), true);
  });

  // Regression: the message once quoted the whole offending value, however large.
  it('keeps the message short when the version is a huge string', async () => {
    const store = new ProgressStore(new MemoryMemento(), KEY, fixedNow);
    await assert.rejects(store.importJson(exportOf(GOOD_PROGRESS, { version: 'v'.repeat(200_000) }), CATALOG), (error: Error) => error.message.length <= 400);
  });

  // Regression: one sentence per damaged entry once made a 350 KB message.
  it('keeps the message short when thousands of entries are damaged', async () => {
    const skills = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`s${i}`, 5]));
    const store = new ProgressStore(new MemoryMemento(), KEY, fixedNow);
    await assert.rejects(store.importJson(exportOf({ version: 1, skills }), CATALOG), (error: Error) => error.message.length <= 400);
  });

  // Regression: an export without "progress" once imported as empty.
  it('rejects an export that has no progress', async () => {
    const memento = new MemoryMemento({ [KEY]: JSON.parse(JSON.stringify(STORED)) });
    const store = new ProgressStore(memento, KEY, fixedNow);
    await assert.rejects(store.importJson(JSON.stringify({ format: EXPORT_FORMAT, version: 1 }), CATALOG), ImportError);
    assert.equal(memento.writes, 0);
  });
});

/**
 * Files that are well-formed exports but carry junk: unknown or hostile skill ids, impossible dates
 * and scores, fields nobody knows. Import keeps the good part, drops and lists the rest, and never
 * lets junk replace a real stored value.
 */
interface HostileCase {
  readonly name: string;
  readonly text: string;
  /** How many values the import must drop and list. */
  readonly ignored: number;
  readonly check?: (stored: Record<string, any>) => void;
}

const REAL_DATE = STORED.skills['http-fundamentals'].completedAt;
const JUNK_DATES: readonly unknown[] = [' ', '', '1970', '2026', '+275760-09-13T00:00:00.000Z', '1970-01-01T00:00:00.000Z', '2019-12-31T23:59:59.999Z',
  '2099-01-01T00:00:00.000Z', '2026-11-27T12:00:00.001Z', '2026-02-30T00:00:00.000Z', '2026-01-01', 'Thu, 01 Jan 2026 00:00:00 GMT', 0, 1e12, null, true, {}, []];
const JUNK_SCORES: readonly unknown[] = [{ correct: 1e9, total: 1 }, { correct: -3, total: 5 }, { correct: 6, total: 5 }, { correct: 2.5, total: 5 },
  { correct: 5, total: 6 }, { correct: '5', total: 5 }, { correct: 5 }, { correct: 0, total: 0 }, { correct: null, total: 5 }, { correct: 5, total: 5, at: ' ' },
  { correct: 5, total: 5, bonus: 1 }, 'full marks', 5, null, []];
const HOSTILE_IDS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '../../x', '..\\..\\x', '/etc/passwd', '', ' ', 'x\u0000y',
  'HTTP-FUNDAMENTALS', 'http-fundamentals ', '<img src=x onerror=alert(1)>', '😀'];

const storedSkill = (id: string) => (stored: Record<string, any>) => stored.skills[id];

const HOSTILE: HostileCase[] = [
  ...HOSTILE_IDS.map((id) => ({
    name: `skill id ${JSON.stringify(id)}`,
    // Written as text so "__proto__" arrives as an own key, as it would from a file.
    text: `{"format":"${EXPORT_FORMAT}","version":1,"progress":{"version":1,"skills":{${JSON.stringify(id)}:{"completed":true},"sql-fundamentals":{"completed":true}}}}`,
    ignored: 1,
    check: (stored: Record<string, any>) => {
      assert.equal(Object.prototype.hasOwnProperty.call(stored.skills, id), false, 'the unknown id is not stored');
      assert.equal(stored.skills['sql-fundamentals'].completed, true, 'the known skill beside it is imported');
    },
  })),
  {
    name: '5,000 invented skill ids (within the size limit)',
    text: exportOf({ version: 1, skills: Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`x${i}`, { completed: true }])) }),
    ignored: 5000,
    check: (stored) => assert.deepEqual(Object.keys(stored.skills).sort(), Object.keys(STORED.skills).sort()),
  },
  ...JUNK_DATES.map((date) => ({
    name: `completedAt ${JSON.stringify(date)} against a real date`,
    text: exportOf({ version: 1, skills: { 'http-fundamentals': { completed: true, completedAt: date } } }),
    ignored: 1,
    check: (stored: Record<string, any>) => assert.equal(storedSkill('http-fundamentals')(stored).completedAt, REAL_DATE),
  })),
  ...JUNK_DATES.map((date) => ({
    name: `exercisePassedAt ${JSON.stringify(date)} on a fresh skill`,
    text: exportOf({ version: 1, skills: { 'sql-fundamentals': { exercisePassedAt: date } } }),
    ignored: 1,
    check: (stored: Record<string, any>) => assert.equal(stored.skills['sql-fundamentals'], undefined),
  })),
  ...JUNK_SCORES.map((score) => ({
    name: `quizBest ${JSON.stringify(score)} against 3/5`,
    text: exportOf({ version: 1, skills: { 'orm-basics': { quizBest: score } } }),
    ignored: 1,
    check: (stored: Record<string, any>) => assert.deepEqual(storedSkill('orm-basics')(stored).quizBest, STORED.skills['orm-basics'].quizBest),
  })),
  {
    name: 'a score for a skill that has no quiz',
    text: exportOf({ version: 1, skills: { 'no-quiz': { quizBest: { correct: 1, total: 1 } } } }),
    ignored: 1,
    check: (stored) => assert.equal(stored.skills['no-quiz'], undefined),
  },
  {
    name: 'unknown fields in an entry and at the top',
    text: exportOf({ version: 1, isAdmin: true, skills: { 'sql-fundamentals': { completed: true, stars: 3, __html: '<b>' } } }),
    ignored: 3,
    check: (stored) => {
      assert.deepEqual(Object.keys(stored.skills['sql-fundamentals']).sort(), ['completed', 'markedAt', 'updatedAt']);
      assert.equal(stored.isAdmin, undefined);
    },
  },
  // Written as text so "__proto__" arrives as an own key, as it would from a file.
  ...[
    '{"php":{"hints":["<img src=x onerror=alert(1)>"]}}',
    `{"php":{"hints":["${'x'.repeat(65)}"]}}`,
    '{"php":{"hints":"__proto__"}}',
    '{"php":{"passedAt":"2099-01-01T00:00:00.000Z"}}',
    '{"php":{"isAdmin":true}}',
    '{"__proto__":{"hints":["h-1"]}}',
    '{"python":{"hints":["h-1"]}}',
    '{"php":["h-1"]}',
    '"php"',
  ].map((exercises) => ({
    name: `exercises ${exercises.slice(0, 60)} on a fresh skill`,
    text: `{"format":"${EXPORT_FORMAT}","version":1,"progress":{"version":1,"skills":{"sql-fundamentals":{"exercises":${exercises}}}}}`,
    ignored: 1,
    check: (stored: Record<string, any>) => assert.equal(stored.skills['sql-fundamentals'], undefined),
  })),
  {
    name: 'nine hints for one stack',
    text: exportOf({ version: 1, skills: { 'sql-fundamentals': { exercises: { node: { hints: Array.from({ length: 9 }, (_, i) => `h-${i}`) } } } } }),
    ignored: 1,
    check: (stored) => assert.equal(stored.skills['sql-fundamentals'].exercises.node.hints.length, 8),
  },
  {
    name: 'a learner seed that is not a seed',
    text: exportOf({ version: 1, learnerSeed: '<script>', skills: {} }),
    ignored: 1,
    check: (stored) => assert.equal(stored.learnerSeed, undefined),
  },
  {
    name: 'completedAt without completed',
    text: exportOf({ version: 1, skills: { 'sql-fundamentals': { completedAt: '2026-03-01T00:00:00.000Z' } } }),
    ignored: 1,
    check: (stored) => assert.equal(stored.skills['sql-fundamentals'], undefined),
  },
];

describe('robustness: hostile import content', () => {
  const summary = { files: 0, dropped: 0, unknownStored: 0, realKept: 0 };
  after(() => {
    console.log(
      `    robustness: hostile import content — ${summary.files} junk-carrying exports, ${summary.dropped} values dropped and reported, ` +
        `${summary.unknownStored} unknown ids stored, real values kept in ${summary.realKept}/${HOSTILE.length}, no prototype pollution`,
    );
  });

  for (const testCase of HOSTILE) {
    it(`drops and reports: ${testCase.name}`, async () => {
      summary.files += 1;
      const prototype = prototypeSnapshot();
      const memento = new MemoryMemento({ [KEY]: JSON.parse(JSON.stringify(STORED)) });
      const store = new ProgressStore(memento, KEY, fixedNow);
      const result = await store.importJson(testCase.text, CATALOG);
      assert.equal(result.ignored.length, testCase.ignored, result.ignored.slice(0, 5).join('\n'));
      summary.dropped += result.ignored.length;
      const stored = memento.get<Record<string, any>>(KEY)!;
      const unknown = Object.keys(stored.skills).filter((id) => !CATALOG.quizLengths.has(id) && !(id in STORED.skills));
      summary.unknownStored += unknown.length;
      assert.deepEqual(unknown, [], 'no id outside the catalog is stored');
      // The stored record's own values are all still there.
      assert.equal(stored.skills['http-fundamentals'].completed, true);
      assert.deepEqual(stored.skills['future-skill'], STORED.skills['future-skill']);
      assert.deepEqual(stored.quarantine, STORED.quarantine);
      assert.equal(stored.theme, 'dark');
      testCase.check?.(stored);
      assert.deepEqual(prototypeChanges(prototype), []);
      summary.realKept += 1;
    });
  }

  it('five imports of the same file leave the record as one import does (no duplicated quarantine)', async () => {
    const progress = { version: 1, skills: { 'sql-fundamentals': { completed: true } }, quarantine: Array.from({ length: 200 }, (_, i) => ({ damaged: `value ${i}` })) };
    const memento = new MemoryMemento({ [KEY]: JSON.parse(JSON.stringify(STORED)) });
    const store = new ProgressStore(memento, KEY, fixedNow);
    await store.importJson(exportOf(progress), CATALOG);
    const once = JSON.stringify(memento.get(KEY));
    const writes = memento.writes;
    for (let i = 0; i < 4; i++) assert.equal((await store.importJson(exportOf(progress), CATALOG)).outcome, 'unchanged');
    assert.equal(JSON.stringify(memento.get(KEY)), once);
    assert.equal(memento.writes, writes, 'repeating an import writes nothing');
    assert.equal((memento.get<Record<string, any>>(KEY)!.quarantine as unknown[]).length, 201);
  });

  it('refuses an import that would grow the synced record past its cap, and changes nothing', async () => {
    const quarantine = Array.from({ length: 40 }, (_, i) => `${i}:${'q'.repeat(2000)}`);
    const memento = new MemoryMemento({ [KEY]: JSON.parse(JSON.stringify(STORED)) });
    const store = new ProgressStore(memento, KEY, fixedNow);
    const problems: string[] = [];
    store.onDidFailToSave((problem) => problems.push(problem.kind));
    const result = await store.importJson(exportOf({ version: 1, skills: { 'sql-fundamentals': { completed: true } }, quarantine }), CATALOG);
    assert.equal(result.outcome, 'tooLarge');
    assert.deepEqual(result.newlyCompleted, []);
    assert.deepEqual(problems, ['tooLarge']);
    assert.equal(memento.writes, 0);
    assert.equal(store.isComplete('sql-fundamentals'), false);
    // Under the cap, the same kind of file is accepted.
    const small = await store.importJson(exportOf({ version: 1, skills: { 'sql-fundamentals': { completed: true } }, quarantine: quarantine.slice(0, 5) }), CATALOG);
    assert.equal(small.outcome, 'saved');
    assert.ok(Buffer.byteLength(JSON.stringify(memento.get(KEY))) <= MAX_RECORD_BYTES);
  });

  it('a record already over the cap (an older version\'s imports) still takes a tick, but not an import', async () => {
    const big = { ...JSON.parse(JSON.stringify(STORED)), quarantine: Array.from({ length: 50 }, (_, i) => `${i}:${'q'.repeat(2000)}`) };
    const memento = new MemoryMemento({ [KEY]: big });
    const store = new ProgressStore(memento, KEY, fixedNow);
    assert.equal(await store.setComplete('sql-fundamentals', true), 'saved');
    const result = await store.importJson(exportOf({ version: 1, skills: { 'orm-basics': { completed: true } }, quarantine: ['one more'] }), CATALOG);
    assert.equal(result.outcome, 'tooLarge');
  });
});
