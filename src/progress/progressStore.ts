import { randomBytes } from 'node:crypto';
import type { MementoLike } from './mementoLike';
import { Emitter } from './mementoLike';
import { isExerciseStack } from '../curriculum/exerciseStacks';
import type { ExerciseProgress, ExerciseStack } from './exerciseProgress';
import { MAX_HINTS_PER_STACK, exerciseProgressOf, isHintId, stackPassedAt, withStackProgress } from './exerciseProgress';
import { mergeRecords } from './progressMerge';
import type { ParsedProgress, ProgressRecord, SkillEntry } from './progressRecord';
import {
  MAX_RECORD_BYTES,
  emptyProgress,
  isEntryComplete,
  isPlainObject,
  parseProgressRecord,
  quizBestOf,
  recordBytes,
  sameRecord,
  serializeProgressRecord,
} from './progressRecord';
import type { ProgressCatalog } from './progressTransfer';
import { ImportError, checkImportSize, exportProgress, mergeImport, readProgressExport } from './progressTransfer';
import { canonicalJson, isValidScore, isoTime } from './progressValues';

/**
 * A record already over the cap (from an older version's imports) must still take a tick: one
 * entry's growth is allowed, so the learner is never locked out, but nothing can grow it far.
 */
const ENTRY_SLACK_BYTES = 1024;

export type ChangeReason = 'edit' | 'reset' | 'import' | 'sync' | 'rollback' | 'seed';

export interface ProgressChange {
  /** The skills whose state changed; empty when the whole record may have changed. */
  readonly skillIds: readonly string[];
  /**
   * Why: `reset` and `import` replace what an open page shows (quiz scores included); `rollback`
   * undoes a change a view may already show (a failed or refused write); `sync` is another window's.
   */
  readonly reason: ChangeReason;
}

/** A change that did not reach storage, for the learner to be told. */
export interface ProgressWriteProblem {
  readonly kind: 'storage' | 'readOnly' | 'tooLarge';
  readonly message: string;
}

/** What became of a write. Writes never reject for storage problems: they roll back and report. */
export type WriteOutcome = 'saved' | 'unchanged' | 'failed' | 'readOnly' | 'tooLarge';

export interface ImportOutcome {
  readonly newlyCompleted: readonly string[];
  /** What the file held that was dropped (unknown skills, invalid dates or scores). */
  readonly ignored: readonly string[];
  readonly outcome: WriteOutcome;
}

/** A file to import, stat-able before it is read. */
export interface ImportSource {
  size(): PromiseLike<number>;
  read(): PromiseLike<Uint8Array>;
}

export interface ProgressStoreOptions {
  readonly now?: () => Date;
  /** Makes a fresh learner seed; tests pass a fixed one. */
  readonly makeSeed?: () => string;
}

/**
 * Progress over a Memento-shaped store (globalState in the extension). The record is read on first
 * use and repaired in memory; storage is written only on a real change, and each write first merges
 * what storage holds now (another window may have written) with this window's view, skill by skill.
 * A record written by a newer version of the extension is read but never written.
 */
export class ProgressStore {
  private record: ProgressRecord | undefined;
  private newerVersion: number | undefined;
  /** The value of a write that failed: globalState keeps it in memory, so reads must not trust it. */
  private failedWrite: { text: string; previous: unknown } | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private pendingSeed: string | undefined;
  private readonly changes = new Emitter<ProgressChange>();
  private readonly writeProblems = new Emitter<ProgressWriteProblem>();
  readonly onDidChange = this.changes.event;
  /** Fires when a change could not be saved (it was rolled back); the extension tells the learner. */
  readonly onDidFailToSave = this.writeProblems.event;
  /** Repairs made when the record was read, for the caller to report once. */
  repairs: readonly string[] = [];
  private readonly now: () => Date;
  private readonly makeSeed: () => string;

  constructor(
    private readonly memento: MementoLike,
    private readonly storageKey: string,
    options: ProgressStoreOptions | (() => Date) = {},
  ) {
    const resolved = typeof options === 'function' ? { now: options } : options;
    this.now = resolved.now ?? (() => new Date());
    this.makeSeed = resolved.makeSeed ?? (() => randomBytes(16).toString('base64url'));
  }

  private readStored(): ParsedProgress {
    let raw = this.memento.get<unknown>(this.storageKey);
    if (this.failedWrite && canonicalJson(raw) === this.failedWrite.text) raw = this.failedWrite.previous;
    const parsed = parseProgressRecord(raw);
    this.newerVersion = parsed.newerVersion;
    this.repairs = parsed.repairs;
    return parsed;
  }

  /** Storage merged with this window's view (unless storage is a newer version's: then storage as it is). */
  private refresh(): { stored: ProgressRecord; merged: ProgressRecord } {
    const stored = this.readStored().record;
    const merged = this.record && this.newerVersion === undefined ? mergeRecords(stored, this.record) : stored;
    this.record = merged;
    return { stored, merged };
  }

  private current(): ProgressRecord {
    return this.record ?? this.refresh().merged;
  }

  /** Forces the stored record to be read now, so repairs can be reported. Never writes. */
  load(): readonly string[] {
    this.current();
    return this.repairs;
  }

  /** Set when the stored record comes from a newer version: progress is shown but cannot change. */
  get readOnlyVersion(): number | undefined {
    this.current();
    return this.newerVersion;
  }

  /** Forgets the in-memory copy; the next read goes back to the Memento, as after a restart. */
  reload(): void {
    // A failed write stays remembered: globalState still holds its value in memory.
    this.record = undefined;
  }

  /**
   * Re-reads the stored record, which another window may have changed, and tells listeners if it
   * did. When storage lacks a change of this window's (another window's write replaced it), the
   * merged record is written back so the change is not lost.
   */
  syncFromStorage(): void {
    const before = this.record;
    const { stored, merged } = this.refresh();
    if (before && !sameRecord(before, merged)) this.changes.fire({ skillIds: [], reason: 'sync' });
    if (this.newerVersion === undefined && before && !sameRecord(stored, merged)) void this.write('sync', [], () => undefined);
  }

  isComplete(skillId: string): boolean {
    return isEntryComplete(this.current().skills.get(skillId));
  }

  completedCount(skillIds: readonly string[]): number {
    return skillIds.filter((skillId) => this.isComplete(skillId)).length;
  }

  quizBest(skillId: string): { correct: number; total: number } | undefined {
    return quizBestOf(this.current().skills.get(skillId));
  }

  entry(skillId: string): SkillEntry | undefined {
    return this.current().skills.get(skillId);
  }

  snapshot(): Record<string, unknown> {
    return serializeProgressRecord(this.current());
  }

  /**
   * The learner's random seed (orders quiz choices): made on first use and stored in the synced
   * record, so it is the same on every machine; Reset and Import keep it.
   */
  learnerSeed(): string {
    const stored = this.current().learnerSeed;
    if (stored !== undefined) return stored;
    const seed = this.makeSeed();
    if (this.newerVersion !== undefined) {
      // Read-only: keep a seed for this session without writing a record we do not understand.
      this.pendingSeed ??= seed;
      return this.pendingSeed;
    }
    this.record = { ...this.current(), learnerSeed: seed };
    // The write merges this window's view, which now holds the seed, into storage.
    void this.write('seed', [], () => undefined);
    return seed;
  }

  setComplete(skillId: string, complete: boolean): Promise<WriteOutcome> {
    return this.write('edit', [skillId], (record) => {
      if (isEntryComplete(record.skills.get(skillId)) === complete) return undefined;
      const stamp = this.stamp();
      return withEntry(record, skillId, { completed: complete, completedAt: complete ? stamp : undefined, markedAt: stamp }, stamp);
    });
  }

  /** Keeps the best score ever reached on the skill's quiz; true when this one is now the best. */
  async recordQuizScore(skillId: string, correct: number, total: number): Promise<boolean> {
    if (!isValidScore(correct, total)) return false;
    let improved = false;
    const outcome = await this.write('edit', [skillId], (record) => {
      const best = quizBestOf(record.skills.get(skillId));
      if (best && best.total === total && best.correct >= correct) return undefined;
      improved = true;
      const stamp = this.stamp();
      return withEntry(record, skillId, { quizBest: { correct, total, at: stamp } }, stamp);
    });
    return improved && outcome === 'saved';
  }

  /** Notes the first time the learner opened a lesson: the path dashboard's "lesson read". */
  markRead(skillId: string): Promise<WriteOutcome> {
    return this.write('edit', [skillId], (record) => {
      if (record.skills.get(skillId)?.readAt !== undefined) return undefined;
      const stamp = this.stamp();
      return withEntry(record, skillId, { readAt: stamp }, stamp);
    });
  }

  /**
   * Notes a passing check: the skill's first pass of any stack (`exercisePassedAt`, which the tree
   * and the dashboard read) and, given the stack, that stack's first pass. Later passes change nothing.
   */
  recordExercisePass(skillId: string, stack?: ExerciseStack): Promise<WriteOutcome> {
    return this.write('edit', [skillId], (record) => {
      const entry = record.skills.get(skillId);
      const changes: Record<string, unknown> = {};
      const stamp = this.stamp();
      if (isoTime(entry?.exercisePassedAt) === undefined) changes.exercisePassedAt = stamp;
      if (stack !== undefined && isExerciseStack(stack) && exerciseProgressOf(entry, stack).passedAt === undefined) {
        changes.exercises = withStackProgress(entry, stack, { passedAt: stamp });
      }
      return Object.keys(changes).length === 0 ? undefined : withEntry(record, skillId, changes, stamp);
    });
  }

  /**
   * Remembers that the learner revealed a hint of a skill's exercise in one stack: its id is added
   * once, after the ones revealed before. Ids that are not hint ids, and more than
   * MAX_HINTS_PER_STACK hints, are refused ('unchanged'): the synced record stays small.
   */
  revealHint(skillId: string, stack: ExerciseStack, hintId: string): Promise<WriteOutcome> {
    return this.write('edit', [skillId], (record) => {
      if (!isExerciseStack(stack) || !isHintId(hintId)) return undefined;
      const entry = record.skills.get(skillId);
      const { hints } = exerciseProgressOf(entry, stack);
      if (hints.includes(hintId) || hints.length >= MAX_HINTS_PER_STACK) return undefined;
      const stamp = this.stamp();
      const own = entry?.exercises;
      const stored = isPlainObject(own) && isPlainObject(own[stack]) && Array.isArray(own[stack].hints) ? own[stack].hints : [];
      return withEntry(record, skillId, { exercises: withStackProgress(entry, stack, { hints: [...stored, hintId] }) }, stamp);
    });
  }

  /** One stack's exercise progress of a skill: its first pass and the hint ids revealed, in order. */
  exerciseProgress(skillId: string, stack: ExerciseStack): ExerciseProgress {
    const entry = this.current().skills.get(skillId);
    const passedAt = stackPassedAt(skillId, entry, stack);
    const { hints } = exerciseProgressOf(entry, stack);
    return passedAt === undefined ? { hints } : { passedAt, hints };
  }

  /** Clears everything (progress, quarantine, unknown fields) but the learner seed. Ask first. */
  reset(): Promise<WriteOutcome> {
    // Never reached for a newer version's record (read-only), so the version is this one's.
    return this.write('reset', [], (record) => ({
      ...emptyProgress(),
      resetAt: this.stamp(),
      ...(record.learnerSeed === undefined ? {} : { learnerSeed: record.learnerSeed }),
    }));
  }

  exportJson(): string {
    return exportProgress(this.current(), this.now());
  }

  /** Checks the file's size before reading it, then imports it like importJson. */
  async importFrom(source: ImportSource, catalog: ProgressCatalog): Promise<ImportOutcome> {
    checkImportSize(await source.size());
    const bytes = await source.read();
    checkImportSize(bytes.byteLength); // the file may have grown since
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new ImportError('The file is not UTF-8 text.');
    }
    return this.importJson(text, catalog);
  }

  /**
   * Validates, then merges; throws ImportError and changes nothing when the file is not valid.
   * Unknown skills and invalid values are dropped and listed in `ignored`.
   */
  async importJson(text: string, catalog: ProgressCatalog): Promise<ImportOutcome> {
    const incoming = readProgressExport(text, catalog, this.now());
    if (this.readOnlyVersion !== undefined) {
      throw new ImportError(`Your progress was saved by a newer version of Backend Path (record version ${this.newerVersion}); update the extension to import.`);
    }
    let newlyCompleted: readonly string[] = [];
    const outcome = await this.write('import', [], (record) => {
      const merged = mergeImport(record, incoming.record, this.now());
      newlyCompleted = merged.newlyCompleted;
      return merged.record;
    });
    return { newlyCompleted: outcome === 'saved' ? newlyCompleted : [], ignored: incoming.ignored, outcome };
  }

  /**
   * Now, but never before the last reset this window knows of: a clock set back after a reset must
   * not make a new tick look older than the reset (the merge would drop it).
   */
  private stamp(): string {
    const now = this.now();
    const resetTime = isoTime(this.record?.resetAt);
    return resetTime !== undefined && resetTime > now.getTime() ? new Date(resetTime).toISOString() : now.toISOString();
  }

  /**
   * Every change goes through here, one at a time: merge storage into this window's view, apply the
   * change, write only if the result differs from storage, and on failure restore the view.
   */
  private write(reason: ChangeReason, skillIds: readonly string[], change: (record: ProgressRecord) => ProgressRecord | undefined): Promise<WriteOutcome> {
    const run = async (): Promise<WriteOutcome> => {
      const { stored, merged } = this.refresh();
      if (this.newerVersion !== undefined) {
        this.report('readOnly', `Your progress was saved by a newer version of Backend Path (record version ${this.newerVersion}); this version shows it but cannot change it. Update the extension.`, skillIds);
        return 'readOnly';
      }
      const next = change(merged) ?? merged;
      if (sameRecord(next, stored)) return 'unchanged';
      // An edit adds at most one entry; an import could add anything, so it gets no slack.
      const bytes = recordBytes(next);
      const slack = reason === 'import' ? 0 : ENTRY_SLACK_BYTES;
      if (bytes > MAX_RECORD_BYTES && bytes > recordBytes(stored) + slack) {
        this.report('tooLarge', `The change would make the synced progress ${bytes} bytes, more than the ${MAX_RECORD_BYTES} allowed.`, skillIds);
        return 'tooLarge';
      }
      const value = serializeProgressRecord(next);
      const previousRaw = this.memento.get<unknown>(this.storageKey);
      this.record = next;
      try {
        await this.memento.update(this.storageKey, value);
      } catch (error) {
        // globalState keeps the failed value in memory; remember it so it is not read back as saved.
        this.failedWrite = { text: canonicalJson(value), previous: this.failedWrite?.previous ?? previousRaw };
        this.record = merged;
        const detail = error instanceof Error ? error.message : String(error);
        this.report('storage', `Backend Path could not save your progress (${detail}); the change was undone.`, skillIds);
        return 'failed';
      }
      this.failedWrite = undefined;
      this.changes.fire({ skillIds, reason });
      return 'saved';
    };
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined);
    return result;
  }

  private report(kind: ProgressWriteProblem['kind'], message: string, skillIds: readonly string[]): void {
    // Views may already show the change (a ticked checkbox): tell them to show the stored state again.
    this.changes.fire({ skillIds, reason: 'rollback' });
    this.writeProblems.fire({ kind, message });
  }

  dispose(): void {
    this.changes.dispose();
    this.writeProblems.dispose();
  }
}

/** The record with one skill's entry changed (`undefined` values remove fields), stamped `updatedAt`. */
function withEntry(record: ProgressRecord, skillId: string, changes: Record<string, unknown>, stamp: string): ProgressRecord {
  const entry: Record<string, unknown> = { ...(record.skills.get(skillId) ?? {}), ...changes, updatedAt: stamp };
  for (const [key, value] of Object.entries(changes)) if (value === undefined) delete entry[key];
  const skills = new Map(record.skills);
  skills.set(skillId, entry);
  return { ...record, skills };
}
