// Where each stack's exercise of a skill lives in the learner's workspace, relative to
// backend-path-exercises/. Pure: the edge (startedExercises.ts) supplies the folder names it found.
import { exerciseFolderName, legacyStack, parseExerciseFolderName } from '../curriculum/exerciseStacks';
import type { ExerciseLanguage, Skill } from '../curriculum/types';

/**
 * The folder of one stack's exercise: `NN-id-php` / `NN-id-node`, except that a learner's legacy
 * `NN-id` folder (started before both stacks existed) stays their exercise in that skill's legacy
 * stack, so starting again neither duplicates nor loses their work.
 */
export function exerciseFolderNameFor(skill: Pick<Skill, 'id' | 'folder'>, stack: ExerciseLanguage, legacyFolderExists: boolean): string {
  return legacyFolderExists && stack === legacyStack(skill.id) ? skill.folder : exerciseFolderName(skill.folder, stack);
}

/** Skill id → the stacks started in the workspace, from the names of the folders under backend-path-exercises/. */
export function startedStacks(
  folderNames: readonly string[],
  skills: readonly { readonly id: string; readonly folder: string }[],
): ReadonlyMap<string, readonly ExerciseLanguage[]> {
  const started = new Map<string, ExerciseLanguage[]>();
  for (const name of folderNames) {
    const parsed = parseExerciseFolderName(name, skills);
    if (!parsed) continue;
    const stacks = started.get(parsed.skillId) ?? [];
    if (!stacks.includes(parsed.stack)) stacks.push(parsed.stack);
    started.set(parsed.skillId, stacks);
  }
  for (const stacks of started.values()) stacks.sort((a, b) => (a === b ? 0 : a === 'php' ? -1 : 1));
  return started;
}
