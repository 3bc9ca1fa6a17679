/**
 * Merging two views of the same learner's progress, e.g. two windows whose writes reach each other
 * late. Per skill the entry changed last wins (its `updatedAt`), so a tick in one window and a tick
 * in another both survive; scores and pass dates only ever improve; a reset (`resetAt`) drops what
 * was changed before it. The merge is commutative and idempotent, so every window converges on the
 * same record whichever order the writes arrive in.
 */
import type { ProgressRecord, SkillEntry } from './progressRecord';
import { isPlainObject } from './progressRecord';
import { canonicalJson, isoTime, uniqueValues } from './progressValues';

/** A moment that orders: a valid ISO time, else -Infinity (never wins against a real date). */
function timeOf(value: unknown): number {
  return isoTime(value) ?? Number.NEGATIVE_INFINITY;
}

/** The later of two entries; identical times fall back to their text, so the choice is symmetric. */
function laterEntry(a: SkillEntry, b: SkillEntry): [winner: SkillEntry, loser: SkillEntry] {
  const ta = timeOf(a.updatedAt);
  const tb = timeOf(b.updatedAt);
  if (ta !== tb) return ta > tb ? [a, b] : [b, a];
  return canonicalJson(a) >= canonicalJson(b) ? [a, b] : [b, a];
}

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
  const [ta, tb] = [timeOf(a), timeOf(b)];
  if (ta !== tb) return ta < tb ? a : b;
  return canonicalJson(a) <= canonicalJson(b) ? a : b;
}

export function mergeEntries(a: SkillEntry, b: SkillEntry): SkillEntry {
  const [winner, loser] = laterEntry(a, b);
  const merged: Record<string, unknown> = { ...loser, ...winner };
  merged.quizBest = betterScore(a.quizBest, b.quizBest);
  merged.exercisePassedAt = earlierDate(a.exercisePassedAt, b.exercisePassedAt);
  for (const key of ['quizBest', 'exercisePassedAt']) if (merged[key] === undefined) delete merged[key];
  return merged;
}

function laterReset(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return timeOf(a) >= timeOf(b) ? a : b;
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
    const entry = ea && eb ? mergeEntries(ea, eb) : (ea ?? eb)!;
    // Changed before the reset: the reset cleared it (entries without a date predate any reset).
    if (resetAt !== undefined && timeOf(entry.updatedAt) < resetTime) continue;
    skills.set(id, entry);
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
    extra: new Map([...extra].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))),
    ...(learnerSeed === undefined ? {} : { learnerSeed }),
    ...(resetAt === undefined ? {} : { resetAt }),
  };
}
