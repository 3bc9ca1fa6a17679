import * as assert from 'node:assert/strict';
import { parseProgressRecord } from '../../src/progress/progressRecord';
import { ProgressStore } from '../../src/progress/progressStore';
import { ImportError } from '../../src/progress/progressTransfer';
import { MemoryMemento } from './helpers';

const KEY = 'backendPath.progress';
const fixedNow = () => new Date('2026-11-27T10:00:00.000Z');

function storeWith(stored: unknown): { store: ProgressStore; memento: MemoryMemento } {
  const memento = new MemoryMemento(stored === undefined ? {} : { [KEY]: stored });
  return { store: new ProgressStore(memento, KEY, fixedNow), memento };
}

describe('progress store', () => {
  it('starts empty and saves a completion at once, keyed by skill id', async () => {
    const { store, memento } = storeWith(undefined);
    assert.equal(store.isComplete('http-fundamentals'), false);
    await store.setComplete('http-fundamentals', true);
    const saved = memento.get<Record<string, any>>(KEY);
    assert.equal(saved?.version, 1);
    assert.deepEqual(saved?.skills['http-fundamentals'], { completed: true, completedAt: '2026-11-27T10:00:00.000Z' });
    await store.setComplete('http-fundamentals', false);
    assert.deepEqual(memento.get<Record<string, any>>(KEY)?.skills['http-fundamentals'], { completed: false });
  });

  it('fires a change event naming the skill', async () => {
    const { store } = storeWith(undefined);
    const seen: string[][] = [];
    store.onDidChange((change) => seen.push([...change.skillIds]));
    await store.setComplete('sql-fundamentals', true);
    assert.deepEqual(seen, [['sql-fundamentals']]);
  });

  it('keeps only the best quiz score', async () => {
    const { store } = storeWith(undefined);
    assert.equal(await store.recordQuizScore('orm-basics', 3, 5), true);
    assert.equal(await store.recordQuizScore('orm-basics', 2, 5), false);
    assert.deepEqual(store.quizBest('orm-basics'), { correct: 3, total: 5 });
    assert.equal(await store.recordQuizScore('orm-basics', 5, 5), true);
    assert.deepEqual(store.quizBest('orm-basics'), { correct: 5, total: 5 });
  });

  it('keeps unknown skill ids and unknown fields when it writes', async () => {
    const stored = { version: 1, skills: { 'future-skill': { completed: true, stars: 3 }, 'http-fundamentals': { completed: false, note: 'x' } }, theme: 'dark' };
    const { store, memento } = storeWith(stored);
    await store.setComplete('http-fundamentals', true);
    const saved = memento.get<Record<string, any>>(KEY);
    assert.deepEqual(saved?.skills['future-skill'], { completed: true, stars: 3 });
    assert.equal(saved?.skills['http-fundamentals'].note, 'x');
    assert.equal(saved?.theme, 'dark');
  });

  it('repairs a corrupt record without throwing and keeps the original in quarantine', () => {
    const { store, memento } = storeWith('this is not a record');
    assert.deepEqual(store.load().length, 1);
    assert.equal(store.isComplete('http-fundamentals'), false);
    const saved = memento.get<Record<string, any>>(KEY);
    assert.deepEqual(saved?.quarantine, ['this is not a record']);
  });

  it('repairs legacy bare flags and odd values entry by entry', () => {
    const parsed = parseProgressRecord({ version: 1, skills: { a: true, b: 'garbage', c: { completed: 'yes' } } });
    assert.equal(parsed.record.skills.get('a')?.completed, true);
    assert.equal(parsed.record.skills.has('b'), false);
    assert.deepEqual(parsed.record.quarantine[0], { skillId: 'b', value: 'garbage' });
    assert.equal(parsed.record.skills.get('c')?.completed, false);
    assert.deepEqual(parsed.record.quarantine[1], { skillId: 'c', completed: 'yes' });
    assert.equal(parsed.repairs.length, 3);
  });

  it('reads a record from a newer version and keeps its fields', () => {
    const parsed = parseProgressRecord({ version: 7, skills: { a: { completed: true, badge: 'gold' } }, streak: 12 });
    assert.equal(parsed.record.version, 7);
    assert.equal(parsed.record.extra.get('streak'), 12);
    assert.equal(parsed.record.skills.get('a')?.badge, 'gold');
    assert.match(parsed.repairs[0], /newer version/);
  });

  it('treats __proto__ keys as plain data and pollutes no prototype', async () => {
    const hostile = JSON.parse('{"version":1,"skills":{"__proto__":{"completed":true,"polluted":true},"a":{"completed":true,"__proto__":{"polluted":true}}}}');
    const { store, memento } = storeWith(hostile);
    assert.equal(store.isComplete('a'), true);
    await store.setComplete('b', true);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal(Object.prototype.hasOwnProperty.call(memento.get<Record<string, any>>(KEY)?.skills, '__proto__'), true);
  });

  it('reset clears progress but keeps quarantined data', async () => {
    const { store, memento } = storeWith({ version: 1, skills: { a: { completed: true }, b: 42 } });
    await store.reset();
    const saved = memento.get<Record<string, any>>(KEY);
    assert.deepEqual(saved?.skills, {});
    assert.deepEqual(saved?.quarantine, [{ skillId: 'b', value: 42 }]);
  });

  it('round-trips export and import into an empty store', async () => {
    const { store } = storeWith(undefined);
    await store.setComplete('http-fundamentals', true);
    await store.recordQuizScore('http-fundamentals', 4, 5);
    const exported = store.exportJson();
    const other = storeWith(undefined).store;
    assert.deepEqual(await other.importJson(exported), ['http-fundamentals']);
    assert.deepEqual(other.snapshot(), store.snapshot());
  });

  it('merges an import: completion only grows, the best score and earliest dates win', async () => {
    const { store } = storeWith({
      version: 1,
      skills: {
        a: { completed: true, completedAt: '2026-05-01T00:00:00.000Z', quizBest: { correct: 2, total: 5 } },
        b: { completed: false },
      },
    });
    const incoming = JSON.stringify({
      format: 'backend-path-progress',
      version: 1,
      progress: {
        version: 1,
        skills: {
          a: { completed: false, completedAt: '2026-04-01T00:00:00.000Z', quizBest: { correct: 5, total: 5 } },
          b: { completed: true, completedAt: '2026-06-01T00:00:00.000Z' },
          c: { completed: true },
        },
      },
    });
    assert.deepEqual([...(await store.importJson(incoming))].sort(), ['b', 'c']);
    assert.equal(store.isComplete('a'), true);
    assert.equal(store.entry('a')?.completedAt, '2026-04-01T00:00:00.000Z');
    assert.deepEqual(store.quizBest('a'), { correct: 5, total: 5 });
    assert.equal(store.isComplete('b'), true);
  });

  for (const [name, text, pattern] of [
    ['malformed JSON', '{', /not valid JSON/],
    ['a foreign JSON file', '{"skills":{}}', /not a Backend Path progress export/],
    ['a wrong version', '{"format":"backend-path-progress","version":9,"progress":{}}', /version 9/],
    ['damaged progress', '{"format":"backend-path-progress","version":1,"progress":"x"}', /damaged/],
    ['an oversized file', `{"format":"backend-path-progress","version":1,"pad":"${'x'.repeat(1_100_000)}"}`, /larger than/],
  ] as const) {
    it(`refuses ${name} with a clear error and changes nothing`, async () => {
      const { store, memento } = storeWith({ version: 1, skills: { a: { completed: true } } });
      const before = JSON.stringify(memento.get(KEY));
      const writes = memento.writes;
      await assert.rejects(store.importJson(text), (error: unknown) => error instanceof ImportError && pattern.test(error.message));
      assert.equal(JSON.stringify(memento.get(KEY)), before);
      assert.equal(memento.writes, writes);
    });
  }
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
});

describe('progress across windows', () => {
  it('a write builds on what another window stored meanwhile, so neither tick is lost', async () => {
    const shared = new MemoryMemento();
    const windowA = new ProgressStore(shared, KEY, fixedNow);
    const windowB = new ProgressStore(shared, KEY, fixedNow);
    assert.equal(windowB.isComplete('http-fundamentals'), false); // B has read (and cached) the record
    await windowA.setComplete('http-fundamentals', true);
    await windowB.setComplete('sql-fundamentals', true);
    const reread = new ProgressStore(shared, KEY, fixedNow);
    assert.equal(reread.isComplete('http-fundamentals'), true);
    assert.equal(reread.isComplete('sql-fundamentals'), true);
  });

  it('syncFromStorage() shows another window\'s ticks and fires a change only when there was one', async () => {
    const shared = new MemoryMemento();
    const windowA = new ProgressStore(shared, KEY, fixedNow);
    const windowB = new ProgressStore(shared, KEY, fixedNow);
    let changes = 0;
    windowB.onDidChange(() => (changes += 1));
    assert.equal(windowB.isComplete('orm-basics'), false);
    windowB.syncFromStorage();
    assert.equal(changes, 0, 'nothing changed yet');
    await windowA.setComplete('orm-basics', true);
    windowB.syncFromStorage();
    assert.equal(windowB.isComplete('orm-basics'), true);
    assert.equal(changes, 1);
  });
});
