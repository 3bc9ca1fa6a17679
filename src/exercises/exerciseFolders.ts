// Where each stack's exercise of a skill lives in the learner's workspace, relative to
// backend-path-exercises/. Pure: the edge (startedExercises.ts) supplies the entries it found.
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

/** One exercise folder found right under backend-path-exercises/. */
export interface FoundExerciseFolder {
  readonly skillId: string;
  readonly stack: ExerciseLanguage;
  readonly folderName: string;
}

/**
 * The exercise folders among the entries of backend-path-exercises/: folders only, named `NN-id-php`,
 * `NN-id-node`, or a legacy `NN-id` (its skill's legacy stack: the only stack it could have been
 * started in, see exerciseFolderNameFor). The one rule the tree, the card, the commands and the
 * Testing view all use. Sorted by path position, then PHP before Node.js.
 */
export function exerciseFoldersIn(
  entries: readonly { readonly name: string; readonly isFolder: boolean }[],
  skills: readonly { readonly id: string; readonly folder: string }[],
): FoundExerciseFolder[] {
  const position = new Map(skills.map((skill, index) => [skill.id, index]));
  const found: FoundExerciseFolder[] = [];
  for (const entry of entries) {
    const parsed = entry.isFolder ? parseExerciseFolderName(entry.name, skills) : undefined;
    if (parsed) found.push({ skillId: parsed.skillId, stack: parsed.stack, folderName: entry.name });
  }
  return found.sort((a, b) => (position.get(a.skillId) ?? 0) - (position.get(b.skillId) ?? 0) || stackOrder(a.stack) - stackOrder(b.stack) || a.folderName.localeCompare(b.folderName));
}

const stackOrder = (stack: ExerciseLanguage) => (stack === 'php' ? 0 : 1);

/** Skill id → the stacks started in the workspace (each once), from the exercise folders found. */
export function startedStacks(folders: readonly FoundExerciseFolder[]): ReadonlyMap<string, readonly ExerciseLanguage[]> {
  const started = new Map<string, ExerciseLanguage[]>();
  for (const folder of folders) {
    const stacks = started.get(folder.skillId) ?? [];
    if (!stacks.includes(folder.stack)) stacks.push(folder.stack);
    started.set(folder.skillId, stacks);
  }
  for (const stacks of started.values()) stacks.sort((a, b) => stackOrder(a) - stackOrder(b));
  return started;
}
