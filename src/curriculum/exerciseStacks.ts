import type { ExerciseLanguage } from './types';

/** Both reference stacks, in the order the path presents them. */
export const EXERCISE_STACKS: readonly ExerciseLanguage[] = ['php', 'node'];

/**
 * Skills about one stack have an exercise in that stack only; every other skill has one in each
 * (exercise/php/ and exercise/node/), practising the same objectives.
 */
const SINGLE_STACK_SKILLS: Readonly<Record<string, ExerciseLanguage>> = {
  'php-fundamentals': 'php',
  'php-testing': 'php',
  'nodejs-fundamentals': 'node',
};

export function expectedStacks(skillId: string): readonly ExerciseLanguage[] {
  const only = Object.hasOwn(SINGLE_STACK_SKILLS, skillId) ? SINGLE_STACK_SKILLS[skillId] : undefined;
  return only ? [only] : EXERCISE_STACKS;
}

export function isExerciseStack(value: unknown): value is ExerciseLanguage {
  return value === 'php' || value === 'node';
}
