// The progress store's contract, one rule at a time: which change event each write fires, what a
// repeated write changes (nothing), how storage changed behind the store's back is read, and the
// size cap at its exact edges.
import * as assert from 'node:assert/strict';
import { MAX_RECORD_BYTES } from '../../src/progress/progressRecord';
import type { ProgressChange } from '../../src/progress/progressStore';
import { ProgressStore } from '../../src/progress/progressStore';
import { MemoryMemento } from './helpers';
import { CATALOG, FlakyMemento, KEY, NOW, exportOf, fixedNow, tickingClock } from './progressSupport';

const flush = () => new Promise((resolve) => setImmediate(resolve));
const bytesOf = (value: unknown) => Buffer.byteLength(JSON.stringify(value), 'utf8');

function storeWith(stored?: unknown, now: () => Date = fixedNow): { store: ProgressStore; memento: MemoryMemento; events: ProgressChange[] } {
  const memento = new MemoryMemento(stored === undefined ? {} : { [KEY]: stored });
  const store = new ProgressStore(memento, KEY, { now, makeSeed: () => 'seed-fixed-123' });
  const events: ProgressChange[] = [];
  store.onDidChange((change) => events.push(change));
  return { store, memento, events };
}

const saved = (memento: MemoryMemento): Record<string, any> => memento.get<Record<string, any>>(KEY) ?? {};

describe('progress store: change events', () => {
  it('each edit names its one skill and the reason "edit"', async () => {
    const edits: [string, (store: ProgressStore) => Promise<unknown>][] = [
      ['setComplete', (store) => store.setComplete('a', true)],
      ['recordQuizScore', (store) => store.recordQuizScore('a', 3, 5)],
      ['markRead', (store) => store.markRead('a')],
      ['recordExercisePass', (store) => store.recordExercisePass('a', 'php')],
      ['revealHint', (store) => store.revealHint('a', 'php', 'h-one')],
    ];
    for (const [name, edit] of edits) {
      const { store, events } = storeWith();
      await edit(store);
      assert.deepEqual(events, [{ skillIds: ['a'], reason: 'edit' }], name);
    }
  });

  it('making the learner seed writes it and says so as "seed"', async () => {
    const { store, memento, events } = storeWith();
    assert.equal(store.learnerSeed(), 'seed-fixed-123');
    await flush();
    assert.deepEqual(events, [{ skillIds: [], reason: 'seed' }]);
    assert.equal(saved(memento).learnerSeed, 'seed-fixed-123');
  });

  it('a sync that finds another window\'s change, and writes back one of its own storage lost, says "sync" for both', async () => {
    const { store, memento, events } = storeWith();
    await store.setComplete('b', true);
    events.length = 0;
    // Another window's write replaced the record without this window's tick of b.
    memento.values.set(KEY, { version: 1, skills: { a: { completed: true } } });
    store.syncFromStorage();
    await flush();
    assert.deepEqual(events, [
      { skillIds: [], reason: 'sync' },
      { skillIds: [], reason: 'sync' },
    ]);
    assert.deepEqual(Object.keys(saved(memento).skills).sort(), ['a', 'b']);
  });
});

describe('progress store: repeated and redundant writes', () => {
  it('ticking a ticked skill again changes nothing, not even its date', async () => {
    const { store, memento } = storeWith(undefined, tickingClock());
    assert.equal(await store.setComplete('a', true), 'saved');
    const first = saved(memento).skills.a;
    assert.equal(await store.setComplete('a', true), 'unchanged');
    assert.deepEqual(saved(memento).skills.a, first);
    assert.equal(memento.writes, 1);
  });

  it('the same quiz score again is not a new best and keeps the date it was first reached', async () => {
    const { store, memento } = storeWith(undefined, tickingClock());
    assert.equal(await store.recordQuizScore('a', 3, 5), true);
    const first = saved(memento).skills.a.quizBest;
    assert.equal(await store.recordQuizScore('a', 3, 5), false);
    assert.deepEqual(saved(memento).skills.a.quizBest, first);
  });

  it('a lower score is not reported as a new best, even when the call writes back a best score storage lost', async () => {
    const { store, memento } = storeWith();
    assert.equal(await store.recordQuizScore('a', 3, 5), true);
    memento.values.set(KEY, { version: 1, skills: {} }); // another window's write without it
    assert.equal(await store.recordQuizScore('a', 2, 5), false);
    assert.deepEqual(saved(memento).skills.a.quizBest, { correct: 3, total: 5, at: NOW });
  });

  it('notes the first reading of a lesson only', async () => {
    const { store, memento } = storeWith(undefined, tickingClock());
    assert.equal(await store.markRead('a'), 'saved');
    const firstRead = saved(memento).skills.a.readAt;
    assert.equal(await store.markRead('a'), 'unchanged');
    assert.equal(saved(memento).skills.a.readAt, firstRead);
    assert.equal(memento.writes, 1);
  });

  it('an exercise pass of an unknown stack is the skill\'s pass only', async () => {
    const { store, memento } = storeWith();
    assert.equal(await store.recordExercisePass('a', 'cobol' as never), 'saved');
    assert.deepEqual(saved(memento).skills.a, { exercisePassedAt: NOW, updatedAt: NOW });
  });

  it('an untick leaves no completion date behind, in memory either', async () => {
    const { store } = storeWith();
    await store.setComplete('a', true);
    await store.setComplete('a', false);
    assert.deepEqual(store.entry('a'), { completed: false, markedAt: NOW, updatedAt: NOW });
  });
});

describe('progress store: reading', () => {
  it('has no repairs to report before anything is read, and counts completed skills', () => {
    const { store } = storeWith({ version: 1, skills: { a: { completed: true }, b: { completed: false }, c: { completed: true } } });
    assert.deepEqual(store.repairs, []);
    assert.equal(store.completedCount(['a', 'b', 'c', 'd']), 2);
    assert.equal(store.completedCount([]), 0);
    assert.deepEqual(store.snapshot(), { version: 1, skills: { a: { completed: true }, b: { completed: false }, c: { completed: true } } });
  });

  it('reload forgets the copy in memory and reads storage again', () => {
    const { store, memento } = storeWith();
    assert.equal(store.isComplete('a'), false);
    memento.values.set(KEY, { version: 1, skills: { a: { completed: true } } });
    assert.equal(store.isComplete('a'), false, 'the copy in memory until told');
    store.reload();
    assert.equal(store.isComplete('a'), true);
  });

  it('after a failed write, a later value in storage is read as it is', async () => {
    const memento = new FlakyMemento({ [KEY]: { version: 1, skills: { a: { completed: true } } } }, 1);
    const store = new ProgressStore(memento, KEY, fixedNow);
    assert.equal(await store.setComplete('b', true), 'failed');
    memento.values.set(KEY, { version: 1, skills: { a: { completed: true }, c: { completed: true } } }); // another window's write
    store.reload();
    assert.deepEqual([store.isComplete('a'), store.isComplete('b'), store.isComplete('c')], [true, false, true]);
  });

  it('a record a newer version wrote replaces this window\'s view as it is', () => {
    const { store, memento } = storeWith({ version: 1, skills: { a: { completed: true } } });
    assert.equal(store.isComplete('a'), true);
    memento.values.set(KEY, { version: 2, skills: { b: { completed: true } } });
    store.syncFromStorage();
    assert.equal(store.readOnlyVersion, 2);
    assert.deepEqual(store.snapshot(), { version: 2, skills: { b: { completed: true } } });
  });

  it('a skill with no pass of any kind shows no pass for either stack', () => {
    const { store } = storeWith({ version: 1, skills: { 'http-fundamentals': { completed: true }, 'orm-basics': { exercisePassedAt: 'junk' } } });
    for (const stack of ['php', 'node'] as const) {
      assert.deepEqual(store.exerciseProgress('http-fundamentals', stack), { hints: [] });
      assert.deepEqual(store.exerciseProgress('orm-basics', stack), { hints: [] });
      assert.deepEqual(store.exerciseProgress('unknown-skill', stack), { hints: [] });
    }
  });
});

describe('progress store: the size cap at its edges', () => {
  const padded = (pad: number) => ({ version: 1, skills: {}, pad: 'x'.repeat(pad) });
  const file = exportOf({ version: 1, skills: { a: { completed: true } } });

  it('an import may fill the record to exactly the cap, not one byte more', async () => {
    const trial = storeWith(padded(0));
    await trial.store.importJson(file, CATALOG);
    const pad = MAX_RECORD_BYTES - bytesOf(saved(trial.memento));
    const exact = storeWith(padded(pad));
    assert.equal((await exact.store.importJson(file, CATALOG)).outcome, 'saved');
    assert.equal(bytesOf(saved(exact.memento)), MAX_RECORD_BYTES);
    const over = storeWith(padded(pad + 1));
    assert.equal((await over.store.importJson(file, CATALOG)).outcome, 'tooLarge');
  });

  it('an import may not grow a record already over the cap by even a little', async () => {
    const { store, memento } = storeWith(padded(MAX_RECORD_BYTES));
    assert.equal((await store.importJson(file, CATALOG)).outcome, 'tooLarge');
    assert.equal(memento.writes, 0);
  });

  it('an edit may grow a record already over the cap by exactly 1024 bytes, not one more', async () => {
    const stored = padded(MAX_RECORD_BYTES);
    const trial = storeWith(stored);
    await trial.store.setComplete('a', true);
    const fixedPart = bytesOf(saved(trial.memento)) - bytesOf(stored) - 'a'.length;
    const id = 'i'.repeat(1024 - fixedPart);
    const exact = storeWith(stored);
    assert.equal(await exact.store.setComplete(id, true), 'saved');
    assert.equal(bytesOf(saved(exact.memento)) - bytesOf(stored), 1024);
    const over = storeWith(stored);
    assert.equal(await over.store.setComplete(`${id}i`, true), 'tooLarge');
  });
});
