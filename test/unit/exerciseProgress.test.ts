import * as assert from 'node:assert/strict';
import { MAX_HINTS_PER_STACK, isHintId, mergeExercises, mergeHintLists } from '../../src/progress/exerciseProgress';
import { mergeEntries, mergeRecords } from '../../src/progress/progressMerge';
import { parseProgressRecord } from '../../src/progress/progressRecord';
import { ProgressStore } from '../../src/progress/progressStore';
import { canonicalJson } from '../../src/progress/progressValues';
import { MemoryMemento } from './helpers';
import { CATALOG, KEY, LateStorage, NOW, exportOf, fixedNow, tickingClock } from './progressSupport';
import { passedStacks } from '../../src/exercises/stackProgress';

function storeWith(stored?: unknown, now: () => Date = fixedNow): { store: ProgressStore; memento: MemoryMemento } {
  const memento = new MemoryMemento(stored === undefined ? {} : { [KEY]: stored });
  return { store: new ProgressStore(memento, KEY, now), memento };
}

const saved = (memento: MemoryMemento): Record<string, any> => memento.get<Record<string, any>>(KEY) ?? {};
const T1 = '2026-03-01T00:00:00.000Z';
const T2 = '2026-04-01T00:00:00.000Z';

describe('progress per exercise stack', () => {
  describe('revealHint and exerciseProgress', () => {
    it('stores each revealed hint once, in the order revealed, per stack', async () => {
      const { store, memento } = storeWith();
      assert.deepEqual(store.exerciseProgress('a', 'php'), { hints: [] });
      assert.equal(await store.revealHint('a', 'php', 'revisit-status-codes'), 'saved');
      assert.equal(await store.revealHint('a', 'php', 'route-then-method'), 'saved');
      assert.equal(await store.revealHint('a', 'php', 'revisit-status-codes'), 'unchanged', 'a second reveal of the same hint is not a new one');
      assert.equal(await store.revealHint('a', 'node', 'route-then-method'), 'saved');
      assert.deepEqual(store.exerciseProgress('a', 'php'), { hints: ['revisit-status-codes', 'route-then-method'] });
      assert.deepEqual(store.exerciseProgress('a', 'node'), { hints: ['route-then-method'] });
      assert.deepEqual(saved(memento).skills.a, {
        exercises: { php: { hints: ['revisit-status-codes', 'route-then-method'] }, node: { hints: ['route-then-method'] } },
        updatedAt: NOW,
      });
      assert.equal(memento.writes, 3);
    });

    it('refuses ids that are not hint ids, unknown stacks, and more hints than any exercise has', async () => {
      const { store, memento } = storeWith();
      for (const id of ['', 'Has-Capitals', 'two words', '-leading', 'trailing-', 'double--dash', 'x'.repeat(65), '__proto__']) {
        assert.equal(await store.revealHint('a', 'php', id), 'unchanged', JSON.stringify(id));
      }
      assert.equal(await store.revealHint('a', 'python' as never, 'fine-id'), 'unchanged');
      assert.equal(memento.writes, 0);
      for (let i = 0; i < MAX_HINTS_PER_STACK; i++) assert.equal(await store.revealHint('a', 'php', `hint-${i}`), 'saved');
      assert.equal(await store.revealHint('a', 'php', 'one-too-many'), 'unchanged');
      assert.equal(store.exerciseProgress('a', 'php').hints.length, MAX_HINTS_PER_STACK);
      assert.ok(isHintId('x'.repeat(64)));
    });

    it('a pass recorded before both stacks counts for the stack the skill had then, and only while no stack pass exists', () => {
      const legacy = storeWith({ version: 1, skills: { 'http-fundamentals': { exercisePassedAt: T1 }, 'orm-basics': { exercisePassedAt: T2 } } }).store;
      assert.equal(legacy.exerciseProgress('http-fundamentals', 'node').passedAt, T1, '01 was a Node exercise');
      assert.equal(legacy.exerciseProgress('http-fundamentals', 'php').passedAt, undefined);
      assert.equal(legacy.exerciseProgress('orm-basics', 'php').passedAt, T2, '08 was a PHP exercise');
      assert.equal(legacy.exerciseProgress('orm-basics', 'node').passedAt, undefined);
      const perStack = storeWith({ version: 1, skills: { 'http-fundamentals': { exercisePassedAt: T1, exercises: { php: { passedAt: T2 } } } } }).store;
      assert.equal(perStack.exerciseProgress('http-fundamentals', 'node').passedAt, undefined, 'a per-stack record says which stack passed');
      assert.equal(perStack.exerciseProgress('http-fundamentals', 'php').passedAt, T2);
      const junk = storeWith({ version: 1, skills: { 'http-fundamentals': { exercisePassedAt: 'yesterday' } } }).store;
      assert.equal(junk.exerciseProgress('http-fundamentals', 'node').passedAt, undefined);
      // A hint revealed since (an `exercises` field without a pass) does not hide the old pass, and the
      // card (the store) and the tree and dashboard (passedStacks) read the same passes.
      const hinted = { exercisePassedAt: T1, exercises: { node: { hints: ['a'] }, php: { hints: ['b'] } } };
      const hintedStore = storeWith({ version: 1, skills: { 'http-fundamentals': hinted } }).store;
      assert.equal(hintedStore.exerciseProgress('http-fundamentals', 'node').passedAt, T1);
      assert.deepEqual(hintedStore.exerciseProgress('http-fundamentals', 'node').hints, ['a']);
      assert.equal(hintedStore.exerciseProgress('http-fundamentals', 'php').passedAt, undefined);
      for (const entry of [hinted, { exercisePassedAt: T1 }, { exercisePassedAt: T1, exercises: { php: { passedAt: T2 } } }, { exercises: { node: { passedAt: 'junk' } } }]) {
        const store = storeWith({ version: 1, skills: { 'http-fundamentals': entry } }).store;
        const fromStore = (['php', 'node'] as const).filter((stack) => store.exerciseProgress('http-fundamentals', stack).passedAt !== undefined);
        assert.deepEqual(fromStore, passedStacks('http-fundamentals', entry), JSON.stringify(entry));
      }
    });

    it('reads older records without the field, and skips unreadable values without losing them', async () => {
      const stored = {
        version: 1,
        skills: {
          old: { completed: true, exercisePassedAt: T1 },
          odd: { exercises: { php: { passedAt: 'soon', hints: ['ok-id', 5, 'ok-id', 'Bad Id'] }, node: 'junk' } },
          worse: { exercises: 'junk' },
        },
      };
      const { store, memento } = storeWith(stored);
      // 'old' is no skill of the path; its former stack is PHP, so its pass counts there only.
      assert.deepEqual(store.exerciseProgress('old', 'php'), { hints: [], passedAt: T1 });
      assert.deepEqual(store.exerciseProgress('old', 'node'), { hints: [] });
      assert.deepEqual(store.exerciseProgress('odd', 'php'), { hints: ['ok-id'] });
      assert.deepEqual(store.exerciseProgress('odd', 'node'), { hints: [] });
      assert.deepEqual(store.exerciseProgress('worse', 'php'), { hints: [] });
      assert.equal(await store.revealHint('odd', 'php', 'next-id'), 'saved');
      assert.deepEqual(saved(memento).skills.odd.exercises, { php: { passedAt: 'soon', hints: ['ok-id', 5, 'ok-id', 'Bad Id', 'next-id'] }, node: 'junk' });
      assert.deepEqual(store.exerciseProgress('odd', 'php'), { hints: ['ok-id', 'next-id'] });
    });

    it('carries unknown stacks and sub-fields along when it writes', async () => {
      const { store, memento } = storeWith({ version: 1, skills: { a: { exercises: { go: { passedAt: T1 }, php: { hints: ['h-one'], streak: 3 } } } } });
      await store.revealHint('a', 'php', 'h-two');
      await store.recordExercisePass('a', 'php');
      assert.deepEqual(saved(memento).skills.a.exercises, { go: { passedAt: T1 }, php: { hints: ['h-one', 'h-two'], streak: 3, passedAt: NOW } });
    });
  });

  describe('recordExercisePass', () => {
    it('keeps the first pass of any stack in exercisePassedAt and the first pass of each stack', async () => {
      const { store, memento } = storeWith(undefined, tickingClock());
      assert.equal(await store.recordExercisePass('a', 'node'), 'saved');
      const first = saved(memento).skills.a.exercisePassedAt;
      assert.equal(saved(memento).skills.a.exercises.node.passedAt, first);
      assert.equal(await store.recordExercisePass('a', 'node'), 'unchanged', 'a later pass of the same stack changes nothing');
      assert.equal(await store.recordExercisePass('a', 'php'), 'saved');
      const entry = saved(memento).skills.a;
      assert.equal(entry.exercisePassedAt, first, 'the skill was passed first in Node');
      assert.ok(Date.parse(entry.exercises.php.passedAt) > Date.parse(first));
      assert.equal(store.exerciseProgress('a', 'php').passedAt, entry.exercises.php.passedAt);
    });

    it('without a stack records the skill\'s pass only', async () => {
      const { store, memento } = storeWith();
      assert.equal(await store.recordExercisePass('a'), 'saved');
      assert.deepEqual(saved(memento).skills.a, { exercisePassedAt: NOW, updatedAt: NOW });
      assert.equal(await store.recordExercisePass('a'), 'unchanged');
    });
  });

  it('a reset clears revealed hints and passes', async () => {
    const { store, memento } = storeWith(undefined, tickingClock());
    await store.revealHint('a', 'php', 'h-one');
    await store.recordExercisePass('a', 'php');
    await store.reset();
    assert.deepEqual(store.exerciseProgress('a', 'php'), { hints: [] });
    assert.deepEqual(saved(memento).skills, {});
  });

  describe('merge across windows', () => {
    it('keeps every hint revealed in either window and the earlier pass, per stack', () => {
      const a = { updatedAt: T2, exercises: { php: { passedAt: T2, hints: ['h-one', 'h-two'] }, node: { hints: ['n-one'] } } };
      const b = { updatedAt: T1, exercises: { php: { passedAt: T1, hints: ['h-one'] }, go: { x: 1 } } };
      const expected = { php: { passedAt: T1, hints: ['h-one', 'h-two'] }, node: { hints: ['n-one'] }, go: { x: 1 } };
      assert.equal(canonicalJson(mergeEntries(a, b).exercises), canonicalJson(expected));
      assert.equal(canonicalJson(mergeEntries(b, a).exercises), canonicalJson(expected));
    });

    it('hint lists that disagree give every id of both, the same whichever side comes first', () => {
      assert.deepEqual(mergeHintLists(['a-1', 'a-2'], ['a-1']), ['a-1', 'a-2']);
      assert.deepEqual(mergeHintLists(['a-1'], ['a-1', 'a-2']), ['a-1', 'a-2']);
      const one = mergeHintLists(['z-1', 'a-2'], ['z-1', 'm-3']);
      assert.deepEqual(one, mergeHintLists(['z-1', 'm-3'], ['z-1', 'a-2']));
      assert.deepEqual([...one].sort(), ['a-2', 'm-3', 'z-1']);
      assert.deepEqual(mergeHintLists(one, ['z-1', 'a-2']), one, 'merging again changes nothing');
      assert.deepEqual(mergeHintLists(['a-1', 'a-1'], []), ['a-1'], 'repeats collapse when the lists differ');
      assert.deepEqual(mergeHintLists(['a-1', 'a-1'], ['a-1', 'a-1']), ['a-1', 'a-1'], 'the same list stays as stored');
    });

    it('unknown sub-fields come from the entry changed last; unreadable values lose to readable ones', () => {
      const newer = { updatedAt: T2, exercises: { php: { streak: 2, passedAt: 'junk' } } };
      const older = { updatedAt: T1, exercises: { php: { streak: 1, passedAt: T1, hints: 'junk' } } };
      assert.deepEqual(mergeEntries(newer, older).exercises, { php: { streak: 2, passedAt: T1, hints: 'junk' } });
      assert.deepEqual(mergeExercises('junk', { php: { hints: ['h-1'] } }), { php: { hints: ['h-1'] } });
      assert.deepEqual(mergeExercises({ php: 'junk' }, { php: { hints: ['h-1'] } }), { php: { hints: ['h-1'] } });
    });

    it('entries changed at the same moment merge the same in either order', () => {
      const a = { updatedAt: T1, exercises: { php: { hints: 'x' }, go: 1 } };
      const b = { updatedAt: T1, exercises: { php: { hints: 'y' }, go: 2 } };
      assert.equal(canonicalJson(mergeEntries(a, b)), canonicalJson(mergeEntries(b, a)));
    });

    it('a reset drops hints revealed before it, keeps those revealed after', () => {
      const before = parseProgressRecord({ version: 1, skills: { a: { updatedAt: T1, exercises: { php: { hints: ['h-1'] } } } } }).record;
      const after = parseProgressRecord({ version: 1, resetAt: '2026-03-15T00:00:00.000Z', skills: { b: { updatedAt: T2, exercises: { php: { hints: ['h-2'] } } } } }).record;
      const merged = mergeRecords(before, after);
      assert.equal(merged.skills.has('a'), false);
      assert.deepEqual(merged.skills.get('b')?.exercises, { php: { hints: ['h-2'] } });
    });

    it('hints revealed in two windows before either sees the other\'s both survive', async () => {
      const storage = new LateStorage();
      const clock = tickingClock();
      const [a, b] = [0, 1].map(() => new ProgressStore(storage.view(), KEY, { now: clock, makeSeed: () => 'seed-shared-123' }));
      await a.revealHint('s', 'php', 'h-one');
      await a.revealHint('s', 'php', 'h-two');
      await b.revealHint('s', 'php', 'h-one');
      await b.recordExercisePass('s', 'php');
      for (let round = 0; round < 4; round++) {
        storage.deliver();
        a.syncFromStorage();
        b.syncFromStorage();
        await new Promise((resolve) => setImmediate(resolve));
      }
      storage.deliver();
      for (const store of [a, b]) {
        assert.deepEqual(store.exerciseProgress('s', 'php').hints, ['h-one', 'h-two']);
        assert.ok(store.exerciseProgress('s', 'php').passedAt);
      }
    });
  });

  describe('export and import', () => {
    it('exports the hints and imports them into another machine\'s progress', async () => {
      const { store } = storeWith();
      await store.revealHint('a', 'php', 'h-one');
      await store.recordExercisePass('a', 'node');
      const text = store.exportJson();
      const other = storeWith({ version: 1, skills: { a: { exercises: { php: { hints: ['h-one', 'h-two'] } } } } });
      const result = await other.store.importJson(text, CATALOG);
      assert.deepEqual(result.ignored, []);
      assert.deepEqual(other.store.exerciseProgress('a', 'php'), { hints: ['h-one', 'h-two'] });
      assert.deepEqual(other.store.exerciseProgress('a', 'node'), { passedAt: NOW, hints: [] });
      assert.equal(other.store.entry('a')?.exercisePassedAt, NOW);
    });

    it('a pass of a stack in the file is a pass of the skill', async () => {
      const { store } = storeWith();
      await store.importJson(exportOf({ version: 1, skills: { a: { exercises: { php: { passedAt: T2 } }, exercisePassedAt: '2026-05-01T00:00:00.000Z' } } }), CATALOG);
      assert.equal(store.entry('a')?.exercisePassedAt, T2);
    });

    it('drops and reports junk: unknown stacks and fields, bad ids and dates, too many hints', async () => {
      const { store, memento } = storeWith();
      const tooMany = Array.from({ length: MAX_HINTS_PER_STACK + 2 }, (_, i) => `h-${i}`);
      const result = await store.importJson(
        exportOf({
          version: 1,
          skills: {
            a: { exercises: { python: { hints: ['h-1'] }, php: { hints: ['ok-1', 'Not An Id', 7, 'ok-1'], passedAt: '2099-01-01T00:00:00.000Z', streak: 1 }, node: 'x' } },
            b: { exercises: ['php'] },
            c: { exercises: { php: { hints: tooMany } } },
            'no-quiz': { exercises: { node: { hints: 'h-1', passedAt: T1 } } },
          },
        }),
        CATALOG,
      );
      assert.deepEqual(result.ignored, [
        '"a": exercises: unknown stack "python" (known: php, node)',
        '"a": exercises.php.hints: "Not An Id": not a hint id (lowercase kebab-case, at most 64 characters)',
        '"a": exercises.php.hints: 7: not a hint id (lowercase kebab-case, at most 64 characters)',
        '"a": exercises.php.passedAt "2099-01-01T00:00:00.000Z": not an ISO 8601 date between 2020 and now',
        '"a": exercises.php: unknown field "streak"',
        '"a": exercises.node "x": not a record',
        '"b": exercises ["php"]: not a record of stacks',
        '"c": exercises.php.hints: "h-8": more than 8 hints',
        '"c": exercises.php.hints: "h-9": more than 8 hints',
        '"no-quiz": exercises.node.hints "h-1": not a list of hint ids',
      ]);
      const skills = saved(memento).skills;
      assert.deepEqual(skills.a.exercises, { php: { hints: ['ok-1'] } });
      assert.equal(skills.b, undefined);
      assert.deepEqual(skills.c.exercises.php.hints, tooMany.slice(0, MAX_HINTS_PER_STACK));
      assert.deepEqual(skills['no-quiz'].exercises, { node: { passedAt: T1 } });
    });

    it('junk stored on this machine does not hide the file\'s real values, and importing twice changes nothing', async () => {
      const { store, memento } = storeWith({ version: 1, skills: { a: { exercises: { php: { passedAt: 'junk', hints: 'junk' }, go: { x: 1 } } } } });
      const file = exportOf({ version: 1, skills: { a: { exercises: { php: { passedAt: T1, hints: ['h-1'] } } } } });
      assert.equal((await store.importJson(file, CATALOG)).outcome, 'saved');
      assert.deepEqual(saved(memento).skills.a.exercises, { php: { passedAt: T1, hints: ['h-1'] }, go: { x: 1 } });
      assert.equal((await store.importJson(file, CATALOG)).outcome, 'unchanged');
    });
  });
});
