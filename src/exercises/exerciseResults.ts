import { Emitter } from '../progress/mementoLike';

export type ExerciseResult = 'passed' | 'failed';

/**
 * The last Check Exercise result per skill in this session, so the tree can show it next to the
 * skill. A pass is also stored in progress (exercisePassedAt); a failure is only worth showing now.
 */
export class ExerciseResults {
  private readonly results = new Map<string, ExerciseResult>();
  private readonly changes = new Emitter<string>();
  readonly onDidChange = this.changes.event;

  get(skillId: string): ExerciseResult | undefined {
    return this.results.get(skillId);
  }

  set(skillId: string, result: ExerciseResult): void {
    this.results.set(skillId, result);
    this.changes.fire(skillId);
  }

  /** Forgets one skill's result, e.g. after its exercise was reset to the starter. */
  forget(skillId: string): void {
    if (this.results.delete(skillId)) this.changes.fire(skillId);
  }

  /** Forgets every result, e.g. when the learner resets their progress. */
  clear(): void {
    const skillIds = [...this.results.keys()];
    this.results.clear();
    for (const skillId of skillIds) this.changes.fire(skillId);
  }

  dispose(): void {
    this.changes.dispose();
  }
}
