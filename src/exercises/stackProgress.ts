// The one place that reads and writes exercise passes per stack in the progress record. The
// record's schema is the progress store's (ProgressStore.recordExercisePass / exerciseProgress);
// this adapter only answers "which stacks of this skill passed" for the tree, the card and the dashboard.
import { EXERCISE_STACKS, legacyStack } from '../curriculum/exerciseStacks';
import type { ExerciseLanguage } from '../curriculum/types';

export interface PassStore {
  recordExercisePass(skillId: string): Promise<unknown>;
  entry(skillId: string): Readonly<Record<string, unknown>> | undefined;
}

/** Records a passing check of one stack's exercise (either stack's pass lets the skill be ticked). */
export async function recordStackPass(progress: PassStore, skillId: string, _stack: ExerciseLanguage): Promise<void> {
  await progress.recordExercisePass(skillId);
}

/**
 * The stacks whose exercise passed, from a skill's progress entry: `exercises.<stack>.passedAt`;
 * a record from before both stacks has only `exercisePassedAt`, which was the legacy stack's pass.
 */
export function passedStacks(skillId: string, entry: Readonly<Record<string, unknown>> | undefined): ExerciseLanguage[] {
  if (!entry) return [];
  const perStack = entry.exercises;
  const passed = EXERCISE_STACKS.filter((stack) => {
    if (typeof perStack !== 'object' || perStack === null || !Object.hasOwn(perStack, stack)) return false;
    const stackEntry = (perStack as Record<string, unknown>)[stack];
    return typeof stackEntry === 'object' && stackEntry !== null && typeof (stackEntry as Record<string, unknown>).passedAt === 'string';
  });
  if (passed.length > 0) return passed;
  return typeof entry.exercisePassedAt === 'string' ? [legacyStack(skillId)] : [];
}
