import { isSafeRelativePath } from '../curriculum/parseExercise';

export interface ScaffoldPlan {
  /** Files that do not exist yet in the target. */
  readonly create: readonly string[];
  /** Files that exist and differ from the template: written only with the learner's consent. */
  readonly conflicts: readonly string[];
  /** Files that exist with exactly the template's content: nothing to ask, nothing to write. */
  readonly unchanged: readonly string[];
}

export class UnsafeTemplatePathError extends Error {
  override name = 'UnsafeTemplatePathError';
  constructor(readonly paths: readonly string[]) {
    super(`Template paths must stay inside the target folder; refused: ${paths.join(', ')}`);
  }
}

/**
 * Splits a template's files into new files, conflicts and files already identical. A path that is
 * absolute or climbs with `..` is refused outright, before anything is written.
 */
export function planScaffold(
  templateFiles: readonly string[],
  existing: ReadonlySet<string>,
  identical: ReadonlySet<string> = new Set(),
): ScaffoldPlan {
  const unsafe = templateFiles.filter((path) => !isSafeRelativePath(path));
  if (unsafe.length > 0) throw new UnsafeTemplatePathError(unsafe);
  const sorted = [...new Set(templateFiles)].sort();
  return {
    create: sorted.filter((path) => !existing.has(path)),
    conflicts: sorted.filter((path) => existing.has(path) && !identical.has(path)),
    unchanged: sorted.filter((path) => existing.has(path) && identical.has(path)),
  };
}
