import type { MementoLike } from './mementoLike';
import { Emitter } from './mementoLike';
import type { ProgressRecord, SkillEntry } from './progressRecord';
import { emptyProgress, isEntryComplete, parseProgressRecord, quizBestOf, serializeProgressRecord } from './progressRecord';
import { exportProgress, mergeProgress, readProgressExport } from './progressTransfer';

export interface ProgressChange {
  /** The skills whose state changed; empty after a reset or an import. */
  readonly skillIds: readonly string[];
}

/**
 * Progress over a Memento-shaped store (globalState in the extension). The record is read on first
 * use, repaired if needed, and every change is written back at once.
 */
export class ProgressStore {
  private record: ProgressRecord | undefined;
  private readonly changes = new Emitter<ProgressChange>();
  readonly onDidChange = this.changes.event;
  /** Repairs made when the record was read, for the caller to report once. */
  repairs: readonly string[] = [];

  constructor(
    private readonly memento: MementoLike,
    private readonly storageKey: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private current(): ProgressRecord {
    if (!this.record) {
      const parsed = parseProgressRecord(this.memento.get<unknown>(this.storageKey));
      this.record = parsed.record;
      this.repairs = parsed.repairs;
      // Persist the repair so the damaged shape is not re-read (the original stays in quarantine).
      if (parsed.repairs.length > 0) void this.memento.update(this.storageKey, serializeProgressRecord(parsed.record));
    }
    return this.record;
  }

  /** Forces the stored record to be read now, so repairs can be reported. */
  load(): readonly string[] {
    this.current();
    return this.repairs;
  }

  /** Forgets the in-memory copy; the next read goes back to the Memento. */
  reload(): void {
    this.record = undefined;
  }

  /** Re-reads the stored record, which another window may have changed, and tells listeners if it did. */
  syncFromStorage(): void {
    const before = JSON.stringify(this.snapshot());
    this.reload();
    if (JSON.stringify(this.snapshot()) !== before) this.changes.fire({ skillIds: [] });
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

  async setComplete(skillId: string, complete: boolean): Promise<void> {
    this.reload(); // another window may have written since we last read; build on its record
    if (this.isComplete(skillId) === complete) return;
    const changes: Record<string, unknown> = { completed: complete };
    changes.completedAt = complete ? this.now().toISOString() : undefined;
    await this.updateEntry(skillId, changes);
  }

  /** Keeps the best score ever reached on the skill's quiz. */
  async recordQuizScore(skillId: string, correct: number, total: number): Promise<boolean> {
    this.reload();
    const best = this.quizBest(skillId);
    if (best && best.total === total && best.correct >= correct) return false;
    await this.updateEntry(skillId, { quizBest: { correct, total, at: this.now().toISOString() } });
    return true;
  }

  async recordExercisePass(skillId: string): Promise<void> {
    this.reload();
    await this.updateEntry(skillId, { exercisePassedAt: this.now().toISOString() });
  }

  async reset(): Promise<void> {
    this.reload();
    const previous = this.current();
    // Quarantined values are not progress; keep them so a reset never destroys recovered data.
    this.record = { ...emptyProgress(), quarantine: previous.quarantine, extra: previous.extra };
    await this.persist([]);
  }

  exportJson(): string {
    return exportProgress(this.current(), this.now());
  }

  /** Validates, then merges; throws ImportError and changes nothing when the file is not valid. */
  async importJson(text: string): Promise<readonly string[]> {
    const incoming = readProgressExport(text);
    this.reload();
    const merged = mergeProgress(this.current(), incoming);
    this.record = merged.record;
    await this.persist([]);
    return merged.newlyCompleted;
  }

  private async updateEntry(skillId: string, changes: Record<string, unknown>): Promise<void> {
    const record = this.current();
    const entry: Record<string, unknown> = { ...(record.skills.get(skillId) ?? {}), ...changes };
    for (const [key, value] of Object.entries(changes)) if (value === undefined) delete entry[key];
    const skills = new Map(record.skills);
    skills.set(skillId, entry);
    this.record = { ...record, skills };
    await this.persist([skillId]);
  }

  private async persist(skillIds: readonly string[]): Promise<void> {
    await this.memento.update(this.storageKey, serializeProgressRecord(this.current()));
    this.changes.fire({ skillIds });
  }

  dispose(): void {
    this.changes.dispose();
  }
}
