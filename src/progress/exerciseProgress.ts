/**
 * A skill's progress per exercise stack, in its entry's `exercises` field:
 * `{ php?: { passedAt?, hints? }, node?: { ... } }`, where `hints` lists the ids of the hints the
 * learner revealed, in the order revealed. Stacks and sub-fields this version does not know are
 * carried along untouched; values it cannot read are never trusted (readers skip them, merges let a
 * readable value win) but never thrown away either.
 */
import { EXERCISE_STACKS, isExerciseStack, legacyStack } from '../curriculum/exerciseStacks';
import { isHintId } from '../curriculum/parseHints';
import type { ExerciseLanguage } from '../curriculum/types';
import type { SkillEntry } from './progressRecord';
import { isPlainObject } from './progressRecord';
import { canonicalJson, isoTime, preview, progressTime } from './progressValues';

export type ExerciseStack = ExerciseLanguage;

/** What one stack's exercise of a skill shows: its first pass and the hints revealed. */
export interface ExerciseProgress {
  readonly passedAt?: string;
  readonly hints: readonly string[];
}

/** Exercises have 2–4 hints; more than this in a record is not something this path produced. */
export const MAX_HINTS_PER_STACK = 8;

export { isHintId };

/** The readable part of one stack's progress in an entry; anything unreadable counts as absent. */
export function exerciseProgressOf(entry: SkillEntry | undefined, stack: ExerciseStack): ExerciseProgress {
  const exercises = entry?.exercises;
  const own = isPlainObject(exercises) && Object.hasOwn(exercises, stack) ? exercises[stack] : undefined;
  if (!isPlainObject(own)) return { hints: [] };
  const hints = Array.isArray(own.hints) ? [...new Set(own.hints.filter(isHintId))] : [];
  return isoTime(own.passedAt) === undefined ? { hints } : { passedAt: own.passedAt as string, hints };
}

/**
 * A stack's first pass, counting a record from before both stacks: while no stack has a pass of its
 * own, `exercisePassedAt` was the pass of the skill's one exercise then, in its legacy stack. (Every
 * later pass writes its stack's `passedAt` too.) The one rule the tree, the card and the dashboard use.
 */
export function stackPassedAt(skillId: string, entry: SkillEntry | undefined, stack: ExerciseStack): string | undefined {
  const own = exerciseProgressOf(entry, stack).passedAt;
  if (own !== undefined || entry === undefined || stack !== legacyStack(skillId)) return own;
  if (EXERCISE_STACKS.some((other) => exerciseProgressOf(entry, other).passedAt !== undefined)) return undefined;
  return isoTime(entry.exercisePassedAt) === undefined ? undefined : (entry.exercisePassedAt as string);
}

/** The entry's `exercises` with one stack's record changed; other stacks and sub-fields stay as they are. */
export function withStackProgress(entry: SkillEntry | undefined, stack: ExerciseStack, changes: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const exercises = isPlainObject(entry?.exercises) ? { ...entry.exercises } : {};
  const own = isPlainObject(exercises[stack]) ? exercises[stack] : {};
  Object.defineProperty(exercises, stack, { value: { ...own, ...changes }, enumerable: true, writable: true, configurable: true });
  return exercises;
}

/**
 * Two lists of revealed hint ids as one. Reveals happen in order, so one list is normally the start of
 * the other, and the longer wins. Lists that disagree (hints renamed between versions) give every id of
 * both, sorted, so the result is the same whichever side comes first and merging again changes nothing.
 * When the lists differ, a repeated id says nothing new: each keeps its first occurrence only.
 */
export function mergeHintLists(a: readonly unknown[], b: readonly unknown[]): unknown[] {
  // The same list (as on both sides after a write) stays exactly as stored, repeats and all.
  if (canonicalJson(a) === canonicalJson(b)) return [...a];
  const [ua, ub] = [uniqueInOrder(a), uniqueInOrder(b)];
  const [longer, shorter] = ua.length >= ub.length ? [ua, ub] : [ub, ua];
  if (shorter.every((value, i) => canonicalJson(value) === canonicalJson(longer[i]))) return longer;
  const byKey = new Map<string, unknown>();
  for (const value of [...ua, ...ub]) byKey.set(canonicalJson(value), value);
  return [...byKey.keys()].sort().map((text) => byKey.get(text));
}

function uniqueInOrder(values: readonly unknown[]): unknown[] {
  const byKey = new Map<string, unknown>();
  for (const value of values) if (!byKey.has(canonicalJson(value))) byKey.set(canonicalJson(value), value);
  return [...byKey.values()];
}

const MERGED_SUB_FIELDS = ['passedAt', 'hints'] as const;

/** The earlier of two pass dates; a value that is not a date loses to one that is. */
function earlierPass(a: unknown, b: unknown): unknown {
  if (a === undefined) return b;
  if (b === undefined) return a;
  const [ta, tb] = [isoTime(a), isoTime(b)];
  if ((ta === undefined) !== (tb === undefined)) return ta === undefined ? b : a;
  if (ta !== tb) return (ta ?? 0) < (tb ?? 0) ? a : b;
  return canonicalJson(a) <= canonicalJson(b) ? a : b;
}

/** One stack's records from two views: the earlier pass, every hint revealed, other sub-fields from `winner`. */
function mergeStack(winner: unknown, loser: unknown): unknown {
  if (!isPlainObject(winner) || !isPlainObject(loser)) return isPlainObject(winner) ? winner : isPlainObject(loser) ? loser : winner;
  const merged: Record<string, unknown> = { ...loser, ...winner };
  merged.passedAt = earlierPass(winner.passedAt, loser.passedAt);
  const [hw, hl] = [winner.hints, loser.hints];
  merged.hints = Array.isArray(hw) && Array.isArray(hl) ? mergeHintLists(hw, hl) : Array.isArray(hw) ? hw : Array.isArray(hl) ? hl : hw ?? hl;
  for (const field of MERGED_SUB_FIELDS) if (merged[field] === undefined) delete merged[field];
  return merged;
}

/**
 * Two entries' `exercises` as one (`winner` is the entry changed last; its unknown sub-fields win).
 * Pass dates only get earlier and revealed hints are never forgotten, so the merge never loses work.
 */
export function mergeExercises(winner: unknown, loser: unknown): unknown {
  if (winner === undefined) return loser;
  if (loser === undefined) return winner;
  if (!isPlainObject(winner) || !isPlainObject(loser)) return isPlainObject(winner) ? winner : isPlainObject(loser) ? loser : winner;
  const merged: Record<string, unknown> = {};
  for (const stack of new Set([...Object.keys(loser), ...Object.keys(winner)])) {
    const value = !Object.hasOwn(winner, stack) ? loser[stack] : !Object.hasOwn(loser, stack) ? winner[stack] : mergeStack(winner[stack], loser[stack]);
    Object.defineProperty(merged, stack, { value, enumerable: true, writable: true, configurable: true });
  }
  return merged;
}

/**
 * The part of `exercises` the merge does not decide by itself (unknown stacks' and sub-fields'
 * values), for the tie-break between two entries changed at the same moment.
 */
export function exercisesTieText(exercises: unknown): string {
  if (!isPlainObject(exercises)) return canonicalJson(exercises);
  const rest: Record<string, unknown> = {};
  for (const [stack, value] of Object.entries(exercises)) {
    // passedAt is always decided by date; hints only when one side holds a list.
    const decided = (key: string, item: unknown) => key === 'passedAt' || (key === 'hints' && Array.isArray(item));
    const kept = isPlainObject(value) ? Object.fromEntries(Object.entries(value).filter(([key, item]) => !decided(key, item))) : value;
    Object.defineProperty(rest, stack, { value: kept, enumerable: true, writable: true, configurable: true });
  }
  return canonicalJson(rest);
}

/**
 * An imported `exercises` value, cleaned: known stacks only, each with a real pass date and at most
 * `MAX_HINTS_PER_STACK` well-formed hint ids. What is dropped is listed in `ignored`.
 */
export function cleanImportedExercises(where: string, value: unknown, now: Date, ignored: string[]): Record<string, unknown> | undefined {
  if (!isPlainObject(value)) {
    ignored.push(`${where}: exercises ${preview(value)}: not a record of stacks`);
    return undefined;
  }
  const clean: Record<string, unknown> = {};
  for (const [stack, record] of Object.entries(value)) {
    if (!isExerciseStack(stack)) {
      ignored.push(`${where}: exercises: unknown stack ${preview(stack)} (known: ${EXERCISE_STACKS.join(', ')})`);
      continue;
    }
    if (!isPlainObject(record)) {
      ignored.push(`${where}: exercises.${stack} ${preview(record)}: not a record`);
      continue;
    }
    const stackClean: Record<string, unknown> = {};
    for (const [field, item] of Object.entries(record)) {
      if (field === 'passedAt') {
        if (progressTime(item, now) !== undefined) stackClean.passedAt = item;
        else ignored.push(`${where}: exercises.${stack}.passedAt ${preview(item)}: not an ISO 8601 date between 2020 and now`);
      } else if (field === 'hints') {
        const hints = cleanHints(`${where}: exercises.${stack}.hints`, item, ignored);
        if (hints.length > 0) stackClean.hints = hints;
      } else {
        ignored.push(`${where}: exercises.${stack}: unknown field ${preview(field)}`);
      }
    }
    if (Object.keys(stackClean).length > 0) clean[stack] = stackClean;
  }
  return Object.keys(clean).length > 0 ? clean : undefined;
}

function cleanHints(where: string, value: unknown, ignored: string[]): string[] {
  if (!Array.isArray(value)) {
    ignored.push(`${where} ${preview(value)}: not a list of hint ids`);
    return [];
  }
  const hints: string[] = [];
  for (const id of value) {
    if (!isHintId(id)) ignored.push(`${where}: ${preview(id)}: not a hint id (lowercase kebab-case, at most 64 characters)`);
    else if (hints.includes(id)) continue;
    else if (hints.length >= MAX_HINTS_PER_STACK) ignored.push(`${where}: ${preview(id)}: more than ${MAX_HINTS_PER_STACK} hints`);
    else hints.push(id);
  }
  return hints;
}

/**
 * Imported (clean) `exercises` merged into the stored ones: per known stack the earlier real pass
 * date and every hint revealed in either. Stored stacks and sub-fields the file lacks stay.
 */
export function mergeImportedExercises(ours: unknown, theirs: Readonly<Record<string, unknown>>, now: Date): Record<string, unknown> {
  // A stored value that is not a record of stacks holds nothing readable: the file's real one replaces it.
  const merged: Record<string, unknown> = isPlainObject(ours) ? { ...ours } : {};
  for (const stack of EXERCISE_STACKS) {
    const incoming = theirs[stack];
    if (!isPlainObject(incoming)) continue;
    const own = isPlainObject(merged[stack]) ? merged[stack] : {};
    const next: Record<string, unknown> = { ...own };
    const ownPass = progressTime(own.passedAt, now) === undefined ? undefined : own.passedAt;
    const pass = earlierPass(ownPass, incoming.passedAt);
    if (pass !== undefined) next.passedAt = pass;
    if (Array.isArray(incoming.hints)) next.hints = Array.isArray(own.hints) ? mergeHintLists(own.hints, incoming.hints) : [...incoming.hints];
    merged[stack] = next;
  }
  return merged;
}

/** The earliest real pass date among the imported stacks, for the entry's `exercisePassedAt`. */
export function firstImportedPass(theirs: Readonly<Record<string, unknown>>): unknown {
  let first: unknown;
  for (const stack of EXERCISE_STACKS) {
    const record = theirs[stack];
    if (isPlainObject(record) && record.passedAt !== undefined) first = earlierPass(first, record.passedAt);
  }
  return first;
}
