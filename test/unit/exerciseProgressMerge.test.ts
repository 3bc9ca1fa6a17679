// Per-stack exercise progress, merged: the rules each branch of exerciseProgress.ts keeps (the earlier
// real pass, hints in the order revealed, unreadable values never lost, the same-moment tie-break),
// checked in both argument orders so a rule that only holds one way round fails.
import * as assert from 'node:assert/strict';
import { exerciseProgressOf, mergeExercises, mergeHintLists, withStackProgress } from '../../src/progress/exerciseProgress';
import { mergeEntries } from '../../src/progress/progressMerge';
import { ProgressStore } from '../../src/progress/progressStore';
import { MemoryMemento } from './helpers';
import { CATALOG, KEY, NOW, exportOf, fixedNow } from './progressSupport';

const T1 = '2026-03-01T00:00:00.000Z';
const T2 = '2026-04-01T00:00:00.000Z';
/** 2026-02-28T22:30Z written with an offset: earlier than LATE_Z in time, later as text. */
const EARLY_OFFSET = '2026-03-01T00:30:00+02:00';
const LATE_Z = '2026-02-28T23:00:00.000Z';

/** mergeExercises both ways round: the rule must not depend on which view is the winner. */
function bothWays(a: Record<string, unknown>, b: Record<string, unknown>): unknown[] {
  return [mergeExercises(a, b), mergeExercises(b, a)];
}

/** Own properties as JSON.parse makes them: plain data, writable, enumerable, configurable. */
function assertPlainData(value: unknown): void {
  if (typeof value !== 'object' || value === null) return;
  if (Array.isArray(value)) return value.forEach(assertPlainData);
  for (const [key, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(value))) {
    assert.deepEqual(
      { writable: descriptor.writable, enumerable: descriptor.enumerable, configurable: descriptor.configurable },
      { writable: true, enumerable: true, configurable: true },
      `property ${key}`,
    );
    assertPlainData(descriptor.value);
  }
}

function storeWith(stored?: unknown): { store: ProgressStore; memento: MemoryMemento } {
  const memento = new MemoryMemento(stored === undefined ? {} : { [KEY]: stored });
  return { store: new ProgressStore(memento, KEY, fixedNow), memento };
}

describe('exercise progress merge rules', () => {
  it('keeps the earlier of two real passes, by time, whichever side holds it', () => {
    for (const [a, b] of [[T1, T2], [EARLY_OFFSET, LATE_Z]]) {
      const winner = { php: { passedAt: a } };
      const loser = { php: { passedAt: b } };
      assert.deepEqual(bothWays(winner, loser), [{ php: { passedAt: a } }, { php: { passedAt: a } }], `${a} vs ${b}`);
    }
  });

  it('a real pass beats an unreadable one, and an unreadable one is kept when it is all there is', () => {
    for (const junk of [' ', 'yesterday', { when: 'x' }, 7]) {
      assert.deepEqual(bothWays({ php: { passedAt: junk } }, { php: { passedAt: T2 } }), [{ php: { passedAt: T2 } }, { php: { passedAt: T2 } }], JSON.stringify(junk));
      const kept = { php: { passedAt: junk } };
      assert.deepEqual(bothWays(kept, { php: { hints: ['h-1'] } }), [{ php: { passedAt: junk, hints: ['h-1'] } }, { php: { passedAt: junk, hints: ['h-1'] } }], JSON.stringify(junk));
    }
  });

  it('two unreadable passes, or one moment written two ways, settle on one value either way round', () => {
    assert.deepEqual(bothWays({ php: { passedAt: 'x' } }, { php: { passedAt: ' ' } }), [{ php: { passedAt: ' ' } }, { php: { passedAt: ' ' } }]);
    const sameMoment = '2026-03-01T02:00:00+02:00';
    assert.deepEqual(bothWays({ php: { passedAt: sameMoment } }, { php: { passedAt: T1 } }), [{ php: { passedAt: T1 } }, { php: { passedAt: T1 } }]);
  });

  it('a merged stack holds only the fields either side had', () => {
    assert.deepEqual(bothWays({ php: { hints: ['h-1'] } }, { php: { hints: ['h-1', 'h-2'] } }), [{ php: { hints: ['h-1', 'h-2'] } }, { php: { hints: ['h-1', 'h-2'] } }]);
    assert.deepEqual(bothWays({ php: { passedAt: T1 } }, { php: { streak: 1 } }), [{ php: { passedAt: T1, streak: 1 } }, { php: { passedAt: T1, streak: 1 } }]);
  });

  it('hints: a readable list beats junk; of two junk values the winner\'s stays', () => {
    assert.deepEqual(bothWays({ php: { hints: 'junk' } }, { php: { hints: ['h-1'] } }), [{ php: { hints: ['h-1'] } }, { php: { hints: ['h-1'] } }]);
    assert.deepEqual(mergeExercises({ php: { hints: 'mine' } }, { php: { hints: 'theirs' } }), { php: { hints: 'mine' } });
    assert.deepEqual(mergeExercises({ php: {} }, { php: { hints: 'theirs' } }), { php: { hints: 'theirs' } });
  });

  it('one side\'s exercises alone, even unreadable, are kept as they are', () => {
    assert.equal(mergeExercises(undefined, 'junk'), 'junk');
    assert.equal(mergeExercises('junk', undefined), 'junk');
    assert.equal(mergeExercises(undefined, undefined), undefined);
    const older = { updatedAt: T1, exercises: 'junk' };
    const newer = { updatedAt: T2, note: 'x' };
    assert.deepEqual(mergeEntries(newer, older), { updatedAt: T2, note: 'x', exercises: 'junk' });
    assert.deepEqual(mergeEntries(older, newer), { updatedAt: T2, note: 'x', exercises: 'junk' });
  });

  it('hint lists: the one that continues the other wins, in the order revealed', () => {
    // Not sorted: a later reveal can have a smaller id.
    assert.deepEqual(mergeHintLists(['z-first'], ['z-first', 'a-second']), ['z-first', 'a-second']);
    assert.deepEqual(mergeHintLists(['z-first', 'a-second'], ['z-first']), ['z-first', 'a-second']);
    assert.deepEqual(mergeHintLists([], ['z-first', 'a-second']), ['z-first', 'a-second']);
    // Lists that share a start but then differ give the sorted union, either way round.
    assert.deepEqual(mergeHintLists(['z-first', 'b-x'], ['z-first', 'a-y', 'c-z']), ['a-y', 'b-x', 'c-z', 'z-first']);
    assert.deepEqual(mergeHintLists(['z-first', 'a-y', 'c-z'], ['z-first', 'b-x']), ['a-y', 'b-x', 'c-z', 'z-first']);
  });

  it('merged and changed records are plain data (no read-only or hidden fields), even for a "__proto__" stack', () => {
    const hostile = JSON.parse('{"__proto__": {"hints": ["h-1"]}, "php": {"hints": ["h-1"]}}') as Record<string, unknown>;
    const merged = mergeExercises(hostile, { php: { hints: ['h-1', 'h-2'] }, node: { passedAt: T1 } }) as Record<string, unknown>;
    assertPlainData(merged);
    assert.equal(Object.hasOwn(merged, '__proto__'), true);
    assert.equal(Object.getPrototypeOf(merged), Object.prototype);
    const changed = withStackProgress({ exercises: { node: { hints: ['n-1'] } } }, 'php', { passedAt: T1 });
    assertPlainData(changed);
    assert.deepEqual(changed, { node: { hints: ['n-1'] }, php: { passedAt: T1 } });
  });
});

describe('exercise progress: the same-moment tie-break', () => {
  // Two entries changed at the same moment: the winner (whose unknown sub-fields are kept) is chosen
  // by what the merge does not decide itself; pass dates and hint lists must not sway it.
  const entry = (php: Record<string, unknown>) => ({ updatedAt: T1, exercises: { php } });

  it('ignores the hint lists, which are merged anyway', () => {
    const a = entry({ hints: ['a-hint'], zeta: 'b' });
    const b = entry({ hints: ['z-hint'], zeta: 'a' });
    const expected = { updatedAt: T1, exercises: { php: { hints: ['a-hint', 'z-hint'], zeta: 'b' } } };
    assert.deepEqual(mergeEntries(a, b), expected);
    assert.deepEqual(mergeEntries(b, a), expected);
  });

  it('ignores the pass dates, which are merged anyway', () => {
    const a = entry({ passedAt: T1, zeta: 'b' });
    const b = entry({ passedAt: T2, zeta: 'a' });
    const expected = { updatedAt: T1, exercises: { php: { passedAt: T1, zeta: 'b' } } };
    assert.deepEqual(mergeEntries(a, b), expected);
    assert.deepEqual(mergeEntries(b, a), expected);
  });

  it('counts hints that are not a list, which only the winner can supply', () => {
    const a = entry({ hints: 'b-junk', zeta: 'a' });
    const b = entry({ hints: 'a-junk', zeta: 'b' });
    const expected = { updatedAt: T1, exercises: { php: { hints: 'b-junk', zeta: 'a' } } };
    assert.deepEqual(mergeEntries(a, b), expected);
    assert.deepEqual(mergeEntries(b, a), expected);
  });

  it('counts unknown sub-fields that hold lists (only "hints" is merged as a list)', () => {
    const a = entry({ tags: ['b'] });
    const b = entry({ tags: ['a'] });
    const expected = { updatedAt: T1, exercises: { php: { tags: ['b'] } } };
    assert.deepEqual(mergeEntries(a, b), expected);
    assert.deepEqual(mergeEntries(b, a), expected);
  });

  it('counts unknown stacks that are not records', () => {
    const a = { updatedAt: T1, exercises: { go: 'b', php: { passedAt: T1 } } };
    const b = { updatedAt: T1, exercises: { go: 'a', php: { passedAt: T2 } } };
    const expected = { updatedAt: T1, exercises: { go: 'b', php: { passedAt: T1 } } };
    assert.deepEqual(mergeEntries(a, b), expected);
    assert.deepEqual(mergeEntries(b, a), expected);
  });
});

describe('exercise progress: reading and importing', () => {
  it('reads a stack\'s hints once each, readable ids only, and its pass only when it is a date', () => {
    assert.deepEqual(exerciseProgressOf({ exercises: { php: { hints: ['h-1', 7, 'h-1', 'Bad Id', 'h-2'], passedAt: 'soon' } } }, 'php'), { hints: ['h-1', 'h-2'] });
    assert.deepEqual(exerciseProgressOf({ exercises: { php: { passedAt: T1 } } }, 'php'), { passedAt: T1, hints: [] });
    assert.deepEqual(exerciseProgressOf({ exercises: { php: { passedAt: T1 } } }, 'node'), { hints: [] });
  });

  it('an import keeps this machine\'s earlier pass and unknown sub-fields, and takes the file\'s earlier one', async () => {
    const { store, memento } = storeWith({ version: 1, skills: { a: { exercises: { php: { passedAt: T1, streak: 3 } } }, b: { exercises: { php: { passedAt: T2 } } } } });
    await store.importJson(exportOf({ version: 1, skills: { a: { exercises: { php: { passedAt: T2, hints: ['h-1'] } } }, b: { exercises: { php: { passedAt: T1 } } } } }), CATALOG);
    const skills = memento.get<Record<string, any>>(KEY)!.skills;
    assert.deepEqual(skills.a.exercises, { php: { passedAt: T1, streak: 3, hints: ['h-1'] } });
    assert.deepEqual(skills.b.exercises, { php: { passedAt: T1 } });
  });

  it('an import does not let a stored date outside 2020..now beat the file\'s real pass, nor drop a stored unreadable one', async () => {
    const { store, memento } = storeWith({
      version: 1,
      skills: { a: { exercises: { php: { passedAt: '2019-06-01T00:00:00.000Z' } } }, b: { exercises: { php: { passedAt: 'yesterday', hints: ['h-1'] } } } },
    });
    await store.importJson(exportOf({ version: 1, skills: { a: { exercises: { php: { passedAt: T2 } } }, b: { exercises: { php: { hints: ['h-1', 'h-2'] } } } } }), CATALOG);
    const skills = memento.get<Record<string, any>>(KEY)!.skills;
    assert.deepEqual(skills.a.exercises, { php: { passedAt: T2 } });
    assert.deepEqual(skills.b.exercises, { php: { passedAt: 'yesterday', hints: ['h-1', 'h-2'] } });
    assert.deepEqual(store.entry('b'), { exercises: { php: { passedAt: 'yesterday', hints: ['h-1', 'h-2'] } }, updatedAt: NOW }, 'no other field appears');
  });
});
