import type { ExerciseLanguage } from '../curriculum/types';
import { Emitter } from '../progress/mementoLike';

export type ExerciseResult = 'passed' | 'failed';

/**
 * The last Check Exercise result per skill and stack in this session, so the tree can show it next
 * to the skill. A pass is also stored in progress; a failure is only worth showing now.
 */
export class ExerciseResults {
  private readonly results = new Map<string, ExerciseResult>();
  private readonly changes = new Emitter<string>();
  /** Fires with the skill id whose result changed. */
  readonly onDidChange = this.changes.event;

  get(skillId: string, stack: ExerciseLanguage): ExerciseResult | undefined {
    return this.results.get(key(skillId, stack));
  }

  set(skillId: string, stack: ExerciseLanguage, result: ExerciseResult): void {
    this.results.set(key(skillId, stack), result);
    this.changes.fire(skillId);
  }

  /** Forgets one stack's result, e.g. after its exercise was reset to the starter. */
  forget(skillId: string, stack: ExerciseLanguage): void {
    if (this.results.delete(key(skillId, stack))) this.changes.fire(skillId);
  }

  /** Forgets every result, e.g. when the learner resets their progress. */
  clear(): void {
    const skillIds = new Set([...this.results.keys()].map((entry) => entry.slice(0, entry.lastIndexOf(':'))));
    this.results.clear();
    for (const skillId of skillIds) this.changes.fire(skillId);
  }

  dispose(): void {
    this.changes.dispose();
  }
}

function key(skillId: string, stack: ExerciseLanguage): string {
  return `${skillId}:${stack}`;
}
