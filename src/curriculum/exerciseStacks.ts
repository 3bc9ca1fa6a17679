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

/**
 * Before both stacks existed, each skill had one exercise, started into `backend-path-exercises/NN-id/`.
 * A learner's folder of that shape is still their work in that stack: it is found, never replaced.
 */
const LEGACY_NODE_SKILLS: ReadonlySet<string> = new Set([
  'http-fundamentals',
  'request-response-cycle',
  'nodejs-fundamentals',
  'rest-api-design',
  'json-input-validation',
  'caching-strategies',
  'logging-observability',
  'environment-configuration',
  'rate-limiting',
  'api-versioning',
]);

export function legacyStack(skillId: string): ExerciseLanguage {
  return LEGACY_NODE_SKILLS.has(skillId) ? 'node' : 'php';
}

/** `01-http-fundamentals` + `php` → `01-http-fundamentals-php`: both stacks of a skill side by side. */
export function exerciseFolderName(skillFolder: string, stack: ExerciseLanguage): string {
  return `${skillFolder}-${stack}`;
}

/**
 * Which skill folder and stack a folder under backend-path-exercises/ holds: `NN-id-php`, `NN-id-node`,
 * or a legacy `NN-id` (the stack that skill's exercise had then). Undefined for any other name.
 */
export function parseExerciseFolderName(
  name: string,
  skills: readonly { readonly id: string; readonly folder: string }[],
): { readonly skillId: string; readonly skillFolder: string; readonly stack: ExerciseLanguage; readonly legacy: boolean } | undefined {
  for (const skill of skills) {
    if (name === skill.folder) return { skillId: skill.id, skillFolder: skill.folder, stack: legacyStack(skill.id), legacy: true };
    for (const stack of EXERCISE_STACKS) {
      if (name === exerciseFolderName(skill.folder, stack)) return { skillId: skill.id, skillFolder: skill.folder, stack, legacy: false };
    }
  }
  return undefined;
}
