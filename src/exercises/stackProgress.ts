// The one place that reads and writes exercise passes per stack for the tree, the card's commands
// and the dashboard. The record's schema is the progress store's (exerciseProgress.ts).
import { EXERCISE_STACKS } from '../curriculum/exerciseStacks';
import type { ExerciseLanguage } from '../curriculum/types';
import { stackPassedAt } from '../progress/exerciseProgress';

export interface PassStore {
  recordExercisePass(skillId: string, stack?: ExerciseLanguage): Promise<unknown>;
}

/** Records a passing check of one stack's exercise (either stack's pass lets the skill be ticked). */
export async function recordStackPass(progress: PassStore, skillId: string, stack: ExerciseLanguage): Promise<void> {
  await progress.recordExercisePass(skillId, stack);
}

/** The stacks whose exercise passed, from a skill's progress entry (a record from before both stacks included). */
export function passedStacks(skillId: string, entry: Readonly<Record<string, unknown>> | undefined): ExerciseLanguage[] {
  return EXERCISE_STACKS.filter((stack) => stackPassedAt(skillId, entry, stack) !== undefined);
}
