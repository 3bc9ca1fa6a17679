import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { mergeRecords } from '../../../src/progress/progressMerge';
import type { ProgressRecord, SkillEntry } from '../../../src/progress/progressRecord';
import { parseProgressRecord, sameRecord, serializeProgressRecord } from '../../../src/progress/progressRecord';
import { ProgressStore } from '../../../src/progress/progressStore';
import { canonicalJson, isoTime } from '../../../src/progress/progressValues';
import { KEY, LateStorage, tickingClock } from '../progressSupport';

/** Two (or more) windows over storage whose writes reach the other windows late. */
function windows(count: number, clock = tickingClock()) {
  const storage = new LateStorage();
  const stores = Array.from({ length: count }, () => new ProgressStore(storage.view(), KEY, { now: clock, makeSeed: () => 'seed-shared-123' }));
  /** Every pending write arrives and every window regains focus (and writes back), until all agree. */
  const settle = async () => {
    for (let round = 0; round < 6; round++) {
      storage.deliver();
      for (const store of stores) store.syncFromStorage();
      await flush();
    }
    storage.deliver();
  };
  return { storage, stores, settle };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('robustness: two windows', () => {
  const summary = { scenarios: 0, runs: 0, ticksSaved: 0, ticksLost: 0 };
  after(() => {
    console.log(
      `    robustness: two windows — ${summary.scenarios} scenarios and ${summary.runs} generated runs with late-visible writes, ` +
        `${summary.ticksSaved - summary.ticksLost}/${summary.ticksSaved} saved changes survived, all windows converged`,
    );
  });

  it('ticks made in two windows before either sees the other\'s both survive', async () => {
    summary.scenarios += 1;
    const { storage, stores: [a, b], settle } = windows(2);
    assert.equal(await a.setComplete('http-fundamentals', true), 'saved');
    assert.equal(await b.setComplete('sql-fundamentals', true), 'saved');
    assert.equal(b.isComplete('http-fundamentals'), false, 'B has not seen A\'s write yet');
    storage.deliver(); // B's write arrives last and replaces A's in storage
    assert.deepEqual(Object.keys((storage.value as any).skills), ['sql-fundamentals'], 'without the merge A\'s tick would be lost here');
    await settle();
    for (const store of [a, b]) {
      assert.equal(store.isComplete('http-fundamentals'), true);
      assert.equal(store.isComplete('sql-fundamentals'), true);
    }
    const stored = parseProgressRecord(storage.value).record;
    assert.deepEqual([...stored.skills.keys()].sort(), ['http-fundamentals', 'sql-fundamentals']);
    summary.ticksSaved += 2;
  });

  it('the later of a tick and an untick of the same skill wins, in either delivery order', async () => {
    summary.scenarios += 1;
    for (const untickFirst of [false, true]) {
      const { storage, stores: [a, b], settle } = windows(2);
      await a.setComplete('orm-basics', true);
      storage.deliver();
      b.syncFromStorage();
      // Now both see the tick. B unticks, then A (not yet seeing that) records a quiz score.
      await b.setComplete('orm-basics', false);
      if (untickFirst) storage.deliver();
      await a.recordQuizScore('orm-basics', 4, 5);
      await settle();
      for (const store of [a, b]) {
        assert.deepEqual(store.quizBest('orm-basics'), { correct: 4, total: 5 }, 'the score survives');
        assert.equal(store.isComplete('orm-basics'), false, 'the untick (B) is not undone by A\'s later score');
      }
    }
  });

  it('a reset in one window is not undone by another window\'s older view; newer ticks survive it', async () => {
    summary.scenarios += 1;
    const { storage, stores: [a, b], settle } = windows(2);
    await a.setComplete('a', true);
    await a.recordQuizScore('b', 2, 5);
    storage.deliver();
    b.syncFromStorage();
    assert.equal(b.isComplete('a'), true);
    await b.reset();
    await a.setComplete('c', true); // after the reset, before A sees it
    await settle();
    for (const store of [a, b]) {
      assert.equal(store.isComplete('a'), false, 'the reset cleared the old tick');
      assert.equal(store.quizBest('b'), undefined, 'and the old score');
      assert.equal(store.isComplete('c'), true, 'the tick made after the reset survives');
    }
  });

  it('two windows that each make a learner seed settle on one', async () => {
    summary.scenarios += 1;
    const storage = new LateStorage();
    const a = new ProgressStore(storage.view(), KEY, { makeSeed: () => 'seed-from-window-a' });
    const b = new ProgressStore(storage.view(), KEY, { makeSeed: () => 'seed-from-window-b' });
    a.learnerSeed();
    b.learnerSeed();
    await flush();
    for (let i = 0; i < 3; i++) {
      storage.deliver();
      a.syncFromStorage();
      b.syncFromStorage();
      await flush();
    }
    assert.equal(a.learnerSeed(), b.learnerSeed());
  });

  it('random interleavings: every saved change survives unless a later change to the same skill replaced it', async () => {
    const SKILLS = ['s1', 's2', 's3'];
    const op = fc.oneof(
      fc.record({ kind: fc.constant('set' as const), window: fc.nat(2), skill: fc.constantFrom(...SKILLS), complete: fc.boolean() }),
      fc.record({ kind: fc.constant('deliver' as const) }),
      fc.record({ kind: fc.constant('sync' as const), window: fc.nat(2) }),
      fc.record({ kind: fc.constant('reset' as const), window: fc.nat(2) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 25 }), async (ops) => {
        summary.runs += 1;
        const { storage, stores, settle } = windows(3);
        // The expected state: per skill, the saved change with the latest stamp after the latest saved reset.
        const last = new Map<string, { at: number; complete: boolean }>();
        let resetAt = -1;
        let stamp = 0;
        for (const step of ops) {
          if (step.kind === 'deliver') storage.deliver();
          else if (step.kind === 'sync') stores[step.window].syncFromStorage();
          else if (step.kind === 'reset') {
            if ((await stores[step.window].reset()) === 'saved') resetAt = ++stamp;
          } else if ((await stores[step.window].setComplete(step.skill, step.complete)) === 'saved') {
            last.set(step.skill, { at: ++stamp, complete: step.complete });
            summary.ticksSaved += 1;
          }
          await flush();
        }
        await settle();
        for (const skill of SKILLS) {
          const expected = (last.get(skill)?.at ?? -1) > resetAt ? last.get(skill)!.complete : false;
          const seen = stores.map((store) => store.isComplete(skill));
          if (seen.some((value) => value !== expected)) summary.ticksLost += 1;
          assert.deepEqual(seen, [expected, expected, expected], `${skill} in every window`);
        }
        assert.ok(stores.every((store) => canonicalJson(store.snapshot()) === canonicalJson(stores[0].snapshot())), 'the windows converged');
      }),
      { numRuns: 60, seed: 13 },
    );
  });
});

/** Records as two windows could hold them: a few skills, a few moments, junk dates and unknown fields among them. */
const MOMENTS = ['2026-01-01T00:00:00.000Z', '2026-01-02T00:00:00.000Z', '2026-01-03T00:00:00.000Z', '2026-01-03T02:00:00+02:00', 'junk'];
const moment = fc.option(fc.constantFrom(...MOMENTS), { nil: undefined });
/** Per stack: a pass date, hint ids revealed (lists that agree, disagree, repeat or hold junk), unknown sub-fields and stacks. */
const hintIds = fc.array(fc.constantFrom('h-1', 'h-2', 'h-3', 'other', 7), { maxLength: 4 });
const stackArb = fc.oneof(
  fc.record({ passedAt: moment, hints: fc.option(fc.oneof(hintIds, fc.constant('junk')), { nil: undefined }), streak: fc.option(fc.nat(3), { nil: undefined }) }, { requiredKeys: [] }),
  fc.constant('junk'),
);
const exercisesArb = fc.oneof(
  fc.record({ php: stackArb, node: stackArb, go: fc.constantFrom(1, 2) }, { requiredKeys: [] }),
  fc.constant('junk'),
);
const entryArb: fc.Arbitrary<SkillEntry> = fc
  .record(
    {
      completed: fc.boolean(),
      completedAt: moment,
      markedAt: moment,
      updatedAt: moment,
      quizBest: fc.option(fc.record({ correct: fc.nat(5), total: fc.constantFrom(5, 6), at: moment }), { nil: undefined }),
      exercisePassedAt: moment,
      exercises: fc.option(exercisesArb, { nil: undefined }),
      note: fc.option(fc.constantFrom('x', 'y'), { nil: undefined }),
    },
    { requiredKeys: [] },
  )
  .map((entry) => JSON.parse(JSON.stringify(entry)) as SkillEntry);
const recordArb: fc.Arbitrary<ProgressRecord> = fc
  .record({
    skills: fc.dictionary(fc.constantFrom('a', 'b', 'c', '__proto__'), entryArb, { maxKeys: 4 }),
    quarantine: fc.array(fc.constantFrom('q1', 'q2', { q: 3 }), { maxLength: 3 }),
    resetAt: fc.option(fc.constantFrom(...MOMENTS.slice(0, 4)), { nil: undefined }),
    learnerSeed: fc.option(fc.constantFrom('seed-aaaaaaaa', 'seed-bbbbbbbb'), { nil: undefined }),
    theme: fc.option(fc.constantFrom('dark', 'light'), { nil: undefined }),
  })
  .map((raw) => parseProgressRecord({ version: 1, ...JSON.parse(JSON.stringify(raw)) }).record);

const text = (record: ProgressRecord) => canonicalJson(serializeProgressRecord(record));
const time = (value: unknown) => isoTime(value) ?? Number.NEGATIVE_INFINITY;

/** Enough to find the tie-break bugs these properties caught while the merge was written (a few hundred runs each). */
const RUNS = 200;

describe('robustness: merge properties (fast-check)', () => {
  const summary = { properties: 0, runs: 0 };
  after(() => console.log(`    robustness: merge properties — ${summary.properties} properties over ${summary.runs} generated record pairs`));
  const check = (property: fc.IProperty<any>) => {
    summary.properties += 1;
    fc.assert(property, { numRuns: RUNS, seed: 13 });
    summary.runs += RUNS;
  };

  it('is commutative: both windows end with the same record', () => {
    check(fc.property(recordArb, recordArb, (a, b) => text(mergeRecords(a, b)) === text(mergeRecords(b, a))));
  });

  it('is idempotent: merging what you have changes nothing', () => {
    check(fc.property(recordArb, (a) => sameRecord(mergeRecords(a, a), mergeRecords(mergeRecords(a, a), a)) && text(mergeRecords(a, a)) === text(mergeRecords(a, a))));
    check(fc.property(recordArb, recordArb, (a, b) => {
      const once = mergeRecords(a, b);
      return text(mergeRecords(once, b)) === text(once) && text(mergeRecords(once, a)) === text(once);
    }));
  });

  it('loses nothing: each side\'s entry changed since the last reset is there, with the later completion and the best score', () => {
    check(fc.property(recordArb, recordArb, (a, b) => {
      const merged = mergeRecords(a, b);
      const resetTime = Math.max(time(a.resetAt), time(b.resetAt));
      for (const side of [a, b]) {
        for (const [id, entry] of side.skills) {
          if (time(entry.updatedAt) < resetTime) continue; // cleared by the reset
          const out = merged.skills.get(id);
          assert.ok(out, `${id} is kept`);
          const other = (side === a ? b : a).skills.get(id);
          const marks = [entry, other].filter((candidate): candidate is SkillEntry => candidate !== undefined);
          const latest = Math.max(...marks.map((candidate) => time(candidate.markedAt)));
          if (time(out.markedAt) >= resetTime && entry.completed !== undefined) {
            assert.equal(time(out.markedAt), latest, `${id}: completion comes from the last mark`);
          }
          if (entry.quizBest !== undefined) assert.notEqual(out.quizBest, undefined, `${id}: a score is kept`);
          if (entry.exercisePassedAt !== undefined) assert.notEqual(out.exercisePassedAt, undefined, `${id}: a pass is kept`);
          for (const stack of ['php', 'node'] as const) {
            const hints = (entry.exercises as any)?.[stack]?.hints;
            const kept = (out.exercises as any)?.[stack]?.hints;
            if (Array.isArray(hints)) for (const hint of hints) assert.ok(Array.isArray(kept) && kept.includes(hint), `${id}: hint ${String(hint)} of ${stack} is kept`);
            if (isoTime((entry.exercises as any)?.[stack]?.passedAt) !== undefined) assert.ok(isoTime((out.exercises as any)?.[stack]?.passedAt) !== undefined, `${id}: the ${stack} pass is kept`);
          }
          if (entry.note !== undefined) assert.notEqual(out.note, undefined, `${id}: unknown fields are kept`);
        }
      }
      for (const item of [...a.quarantine, ...b.quarantine]) {
        const side = a.quarantine.includes(item) ? a : b;
        if (time(side.resetAt) === resetTime || (side.resetAt === undefined && resetTime === Number.NEGATIVE_INFINITY)) {
          assert.ok(merged.quarantine.some((kept) => canonicalJson(kept) === canonicalJson(item)), 'quarantine kept');
        }
      }
      return true;
    }));
  });
});
