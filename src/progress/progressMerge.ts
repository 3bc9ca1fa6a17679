/**
 * Merging two views of the same learner's progress, e.g. two windows whose writes reach each other
 * late. Per skill the entries are merged by their timestamps (`updatedAt` for any change, `markedAt`
 * for a tick or untick), so a tick in one window and a tick in another both survive and the later of a
 * tick and an untick wins; scores and pass dates only ever improve, revealed hints are never forgotten
 * (`exerciseProgress.ts`); a reset (`resetAt`) drops what was
 * changed before it. The merge is commutative and idempotent, so every window converges on the
 * same record whichever order the writes arrive in.
 */
import { exercisesTieText, mergeExercises } from './exerciseProgress';
import type { ProgressRecord, SkillEntry } from './progressRecord';
import { isPlainObject } from './progressRecord';
import { canonicalJson, isoTime, uniqueValues } from './progressValues';

/** A moment that orders: a valid ISO time, else -Infinity (never wins against a real date). */
function timeOf(value: unknown): number {
  return isoTime(value) ?? Number.NEGATIVE_INFINITY;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Orders two stamps by time, then (the same moment written two ways, e.g. with an offset) by text,
 * so the order is total and a merge gives the same result whichever side comes first.
 */
function compareStamps(a: unknown, b: unknown): number {
  const [ta, tb] = [timeOf(a), timeOf(b)];
  if (ta !== tb) return ta > tb ? 1 : -1;
  // A missing stamp ranks below any present one (even junk), so the merged entry keeps the winner's.
  if ((a === undefined) !== (b === undefined)) return a === undefined ? -1 : 1;
  return compareText(canonicalJson(a), canonicalJson(b));
}

/** The later of two entries by `key`; identical times fall back to their text, so the choice is symmetric. */
function later(a: SkillEntry, b: SkillEntry, key: 'updatedAt' | 'markedAt', text: (entry: SkillEntry) => string): [winner: SkillEntry, loser: SkillEntry] {
  const order = compareStamps(a[key], b[key]) || compareText(text(a), text(b));
  return order >= 0 ? [a, b] : [b, a];
}

const COMPLETION_FIELDS = ['completed', 'completedAt', 'markedAt'] as const;
const SEPARATELY_MERGED = new Set<string>([...COMPLETION_FIELDS, 'quizBest', 'exercisePassedAt', 'exercises']);
const completionText = (entry: SkillEntry) => canonicalJson(COMPLETION_FIELDS.map((field) => entry[field]));
/** The fields the last change decides; the tie-break looks only at them, or merging twice could differ. */
const otherFieldsText = (entry: SkillEntry) =>
  canonicalJson([Object.fromEntries(Object.entries(entry).filter(([key]) => !SEPARATELY_MERGED.has(key))), exercisesTieText(entry.exercises)]);

/** Orders quiz scores: a higher share wins, then more questions, then the earlier date, then the text. */
export function betterScore(a: unknown, b: unknown): unknown {
  const rank = (value: unknown): [number, number, number] => {
    if (!isPlainObject(value)) return [-1, -1, 0];
    const { correct, total } = value;
    if (typeof correct !== 'number' || typeof total !== 'number' || !(total > 0) || !Number.isFinite(correct / total)) return [-1, -1, 0];
    return [correct / total, total, -timeOf(value.at)];
  };
  if (a === undefined) return b;
  if (b === undefined) return a;
  const [ra, rb] = [rank(a), rank(b)];
  for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return ra[i] > rb[i] ? a : b;
  return canonicalJson(a) >= canonicalJson(b) ? a : b;
}

/** The earlier of two dates; a value that is not a date loses to one that is. */
export function earlierDate(a: unknown, b: unknown): unknown {
  if (a === undefined) return b;
  if (b === undefined) return a;
  const [aReal, bReal] = [isoTime(a) !== undefined, isoTime(b) !== undefined];
  if (aReal !== bReal) return aReal ? a : b;
  return compareStamps(a, b) <= 0 ? a : b;
}

/**
 * One skill's entries from two views. Completion is the one marked last (`markedAt`), so a quiz score
 * saved in a window that has not seen an untick does not bring the tick back; scores and pass dates
 * only improve; other fields come from the entry changed last (`updatedAt`).
 */
export function mergeEntries(a: SkillEntry, b: SkillEntry): SkillEntry {
  const [winner, loser] = later(a, b, 'updatedAt', otherFieldsText);
  const merged: Record<string, unknown> = { ...loser, ...winner };
  const [marked] = later(a, b, 'markedAt', completionText);
  for (const field of COMPLETION_FIELDS) merged[field] = marked[field];
  merged.quizBest = betterScore(a.quizBest, b.quizBest);
  merged.exercisePassedAt = earlierDate(a.exercisePassedAt, b.exercisePassedAt);
  merged.exercises = mergeExercises(winner.exercises, loser.exercises);
  for (const key of SEPARATELY_MERGED) if (merged[key] === undefined) delete merged[key];
  return merged;
}

/** What of an entry outlives a reset at `resetTime`: nothing if it was last changed before it, else not an older completion. */
function afterReset(entry: SkillEntry, resetTime: number): SkillEntry | undefined {
  if (timeOf(entry.updatedAt) < resetTime) return undefined;
  if (timeOf(entry.markedAt) >= resetTime || COMPLETION_FIELDS.every((field) => entry[field] === undefined)) return entry;
  const kept: Record<string, unknown> = { ...entry };
  for (const field of COMPLETION_FIELDS) delete kept[field];
  return kept;
}

/** The later reset (a missing one ranks below any other). */
function laterReset(a: string | undefined, b: string | undefined): string | undefined {
  return compareStamps(a, b) >= 0 ? a : b;
}

/** The seed both windows settle on when each made one before seeing the other's. */
function commonSeed(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return a <= b ? a : b;
}

export function mergeRecords(a: ProgressRecord, b: ProgressRecord): ProgressRecord {
  const resetAt = laterReset(a.resetAt, b.resetAt);
  const resetTime = resetAt === undefined ? Number.NEGATIVE_INFINITY : timeOf(resetAt);
  // Quarantine and unknown top-level fields have no dates: a side that has not seen the latest reset
  // still holds what the reset cleared, so only sides that have seen it contribute.
  const current = [a, b].filter((side) => side.resetAt === resetAt || timeOf(side.resetAt) === resetTime);

  const skills = new Map<string, SkillEntry>();
  for (const id of new Set([...a.skills.keys(), ...b.skills.keys()])) {
    const [ea, eb] = [a.skills.get(id), b.skills.get(id)];
    const merged = ea && eb ? mergeEntries(ea, eb) : (ea ?? eb)!;
    // Changed before the reset: the reset cleared it (entries without a date predate any reset).
    const entry = resetAt === undefined ? merged : afterReset(merged, resetTime);
    if (entry) skills.set(id, entry);
  }

  const extra = new Map<string, unknown>();
  for (const side of current) {
    for (const [key, value] of side.extra) {
      const existing = extra.get(key);
      if (!extra.has(key) || canonicalJson(value) > canonicalJson(existing)) extra.set(key, value);
    }
  }
  const learnerSeed = commonSeed(a.learnerSeed, b.learnerSeed);
  return {
    version: Math.max(a.version, b.version),
    skills: new Map([...skills].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))),
    quarantine: uniqueValues(current.flatMap((side) => side.quarantine)),
    extra,
    ...(learnerSeed === undefined ? {} : { learnerSeed }),
    ...(resetAt === undefined ? {} : { resetAt }),
  };
}
