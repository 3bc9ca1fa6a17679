// The one place that reads and writes exercise passes per stack for the tree, the card's commands
// and the dashboard. The record's schema is the progress store's (exerciseProgress.ts).
import { EXERCISE_STACKS, legacyStack } from '../curriculum/exerciseStacks';
import type { ExerciseLanguage } from '../curriculum/types';
import { exerciseProgressOf } from '../progress/exerciseProgress';
import { isoTime } from '../progress/progressValues';

export interface PassStore {
  recordExercisePass(skillId: string, stack?: ExerciseLanguage): Promise<unknown>;
}

/** Records a passing check of one stack's exercise (either stack's pass lets the skill be ticked). */
export async function recordStackPass(progress: PassStore, skillId: string, stack: ExerciseLanguage): Promise<void> {
  await progress.recordExercisePass(skillId, stack);
}

/**
 * The stacks whose exercise passed, from a skill's progress entry: `exercises.<stack>.passedAt`.
 * A record from before both stacks has only `exercisePassedAt`, which was the legacy stack's pass.
 */
export function passedStacks(skillId: string, entry: Readonly<Record<string, unknown>> | undefined): ExerciseLanguage[] {
  if (!entry) return [];
  const passed = EXERCISE_STACKS.filter((stack) => exerciseProgressOf(entry, stack).passedAt !== undefined);
  if (passed.length > 0) return passed;
  return isoTime(entry.exercisePassedAt) === undefined ? [] : [legacyStack(skillId)];
}
