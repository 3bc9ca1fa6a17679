import * as assert from 'node:assert/strict';
import { ProgressStore } from '../../../src/progress/progressStore';
import { EXPORT_FORMAT, ImportError, MAX_IMPORT_BYTES } from '../../../src/progress/progressTransfer';
import { MemoryMemento } from '../helpers';
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
  oversized: /^The file is larger than 1000000 bytes, so it is not a Backend Path progress export\.$/,
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
  ['oversized', '600,000 two-byte characters (1.2 MB, fewer than 1 M characters)', exportOf({ ...GOOD_PROGRESS, note: 'é'.repeat(600_000) })],
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

      await assert.rejects(store.importJson(text), (error: unknown) => {
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
    assert.deepEqual(await store.importJson(exportOf(GOOD_PROGRESS)), ['sql-fundamentals']);
    assert.equal(store.isComplete('sql-fundamentals'), true);
    assert.equal(store.isComplete('http-fundamentals'), true);
  });

  // Regression: the message once quoted the whole offending value, however large.
  it('keeps the message short when the version is a huge string', async () => {
    const store = new ProgressStore(new MemoryMemento(), KEY, fixedNow);
    await assert.rejects(store.importJson(exportOf(GOOD_PROGRESS, { version: 'v'.repeat(900_000) })), (error: Error) => error.message.length <= 400);
  });

  // Regression: one sentence per damaged entry once made a 350 KB message.
  it('keeps the message short when thousands of entries are damaged', async () => {
    const skills = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`s${i}`, 5]));
    const store = new ProgressStore(new MemoryMemento(), KEY, fixedNow);
    await assert.rejects(store.importJson(exportOf({ version: 1, skills })), (error: Error) => error.message.length <= 400);
  });

  // Regression: an export without "progress" once imported as empty.
  it('rejects an export that has no progress', async () => {
    const memento = new MemoryMemento({ [KEY]: JSON.parse(JSON.stringify(STORED)) });
    const store = new ProgressStore(memento, KEY, fixedNow);
    await assert.rejects(store.importJson(JSON.stringify({ format: EXPORT_FORMAT, version: 1 })), ImportError);
    assert.equal(memento.writes, 0);
  });
});
