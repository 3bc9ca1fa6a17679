import { Emitter, type MementoLike } from '../progress/mementoLike';
import type { ReviewCard } from './reviewCard';
import {
  EMPTY_REVIEW_RECORD,
  mergeReviewRecords,
  parseReviewRecord,
  serialiseReviewRecord,
  withCard,
  type ReviewRecord,
} from './reviewRecord';

/**
 * The review schedule in globalState (synced by Settings Sync like skill progress). Every write
 * builds on the latest stored record merged card by card, so two windows never drop each other's
 * reviews; a failed write rolls the memory back and reports; a record from a newer version is read
 * but never written.
 */
export class ReviewStore {
  private record: ReviewRecord | undefined;
  private readOnly = false;
  private readonly changes = new Emitter<void>();
  readonly onDidChange = this.changes.event;

  constructor(
    private readonly state: MementoLike,
    private readonly key: string,
    private readonly log: { warn(message: string): void },
  ) {}

  private current(): ReviewRecord {
    if (!this.record) {
      const parsed = parseReviewRecord(this.state.get(this.key));
      for (const repair of parsed.repairs) this.log.warn(`Review schedule repaired: ${repair}`);
      if (parsed.readOnly) this.log.warn('The review schedule was written by a newer version of Backend Path; it is shown but not changed.');
      this.readOnly = parsed.readOnly;
      this.record = parsed.record;
    }
    return this.record;
  }

  cards(): ReviewCard[] {
    return Object.values(this.current().cards);
  }

  card(key: string): ReviewCard | undefined {
    return this.current().cards[key];
  }

  /** The record as exported: cards and quarantine, with the schema version. */
  exportable(): Record<string, unknown> {
    return serialiseReviewRecord(this.current());
  }

  async save(card: ReviewCard): Promise<void> {
    await this.write((latest) => withCard(latest, card));
  }

  /** Merges an imported record card by card (later review wins). */
  async merge(incoming: ReviewRecord): Promise<void> {
    await this.write((latest) => mergeReviewRecords(latest, incoming));
  }

  /** Clears the schedule (Reset Progress, after the learner confirmed). */
  async reset(): Promise<void> {
    await this.write(() => EMPTY_REVIEW_RECORD);
  }

  /** Picks up reviews another window stored. */
  syncFromStorage(): void {
    const stored = parseReviewRecord(this.state.get(this.key)).record;
    this.record = mergeReviewRecords(this.current(), stored);
    this.changes.fire();
  }

  private async write(change: (latest: ReviewRecord) => ReviewRecord): Promise<void> {
    const before = this.current(); // reading first also tells whether the record is read-only
    if (this.readOnly) {
      throw new Error('The review schedule was written by a newer version of Backend Path and is read-only here.');
    }
    // Build on what is stored now, not on this window's copy, so another window's reviews survive.
    const latest = mergeReviewRecords(before, parseReviewRecord(this.state.get(this.key)).record);
    const next = change(latest);
    this.record = next;
    try {
      await this.state.update(this.key, serialiseReviewRecord(next));
    } catch (error) {
      this.record = before;
      throw error;
    } finally {
      this.changes.fire();
    }
  }

  dispose(): void {
    this.changes.dispose();
  }
}
