// Copies a bundled folder (a starter template or an exercise's starter) into the learner's folder.
// Pure: the source, the target and the question are passed in, so tests drive this exact flow.
import type { ScaffoldReport } from './applyScaffold';
import { applyScaffold } from './applyScaffold';
import type { ScaffoldPlan } from './scaffoldPlan';
import { planScaffold } from './scaffoldPlan';
import type { TargetFileSystem } from './targetFs';
import { LinkRefusedError, NotAFolderError } from './targetFs';

export interface CopySource {
  /** Every file of the source, as forward-slash relative paths. */
  list(): Promise<readonly string[]>;
  read(relativePath: string): Promise<Uint8Array>;
}

export type ConflictAnswer = 'keep' | 'overwrite';

export interface CopyTreeOptions {
  readonly source: CopySource;
  readonly target: TargetFileSystem;
  /** Files of the source to leave out. */
  readonly exclude?: (relativePath: string) => boolean;
  /**
   * Asked only when existing files differ from the source; undefined (dismissed) writes nothing.
   * Without it, existing files are always kept.
   */
  readonly askAboutConflicts?: (conflicts: readonly string[]) => Promise<ConflictAnswer | undefined>;
}

export type CopyOutcome = ScaffoldReport & {
  readonly cancelled: boolean;
  /** Existing files that already had the source's exact content. */
  readonly unchanged: readonly string[];
  /** The copy was refused before writing anything, with the reason (a link, a file for a folder). */
  readonly refused?: string;
};

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Errors that mean "this target is not safe to write", reported as a refusal rather than a crash. */
function refusal(error: unknown): string | undefined {
  return error instanceof LinkRefusedError || error instanceof NotAFolderError ? error.message : undefined;
}

/** Looks at every target path (lstat semantics) and compares existing files with the source. */
export async function planCopy(files: readonly string[], source: CopySource, target: TargetFileSystem): Promise<ScaffoldPlan> {
  // Refuses unsafe template paths before touching the target at all.
  planScaffold(files, new Set());
  const existing = new Set<string>();
  const identical = new Set<string>();
  for (const path of files) {
    const kind = await target.inspect(path);
    if (kind === 'missing') continue;
    existing.add(path);
    if (kind === 'file' && sameBytes(await target.read(path), await source.read(path))) identical.add(path);
  }
  return planScaffold(files, existing, identical);
}

/**
 * Never replaces a learner's file without an explicit "overwrite", never writes through a link,
 * and re-checks each path right before writing it.
 */
export async function copyTree(options: CopyTreeOptions): Promise<CopyOutcome> {
  const files = (await options.source.list()).filter((path) => !options.exclude?.(path));
  let plan: ScaffoldPlan;
  try {
    plan = await planCopy(files, options.source, options.target);
  } catch (error) {
    const refused = refusal(error);
    if (refused === undefined) throw error;
    return { written: [], kept: [], unchanged: [], cancelled: false, refused };
  }
  let overwrite = false;
  if (plan.conflicts.length > 0 && options.askAboutConflicts) {
    const answer = await options.askAboutConflicts(plan.conflicts);
    if (answer === undefined) return { written: [], kept: [...plan.conflicts], unchanged: [...plan.unchanged], cancelled: true };
    overwrite = answer === 'overwrite';
  }
  const report = await applyScaffold(
    plan,
    {
      readSource: (path) => options.source.read(path),
      create: (path, content) => options.target.create(path, content),
      replace: (path, content) => options.target.replace(path, content),
    },
    overwrite,
  );
  return { ...report, unchanged: [...plan.unchanged], cancelled: false };
}

export interface ResetOutcome extends CopyOutcome {
  /** The learner's changed files, copied here before the starter replaced them. */
  readonly backedUp: readonly string[];
}

/**
 * Puts the starter back: the learner's files that differ from it are first copied to `backup`, then
 * replaced. Nothing is replaced unless its backup was written.
 */
export async function resetToStarter(source: CopySource, target: TargetFileSystem, backup: TargetFileSystem): Promise<ResetOutcome> {
  const files = await source.list();
  let plan: ScaffoldPlan;
  try {
    plan = await planCopy(files, source, target);
  } catch (error) {
    const refused = refusal(error);
    if (refused === undefined) throw error;
    return { written: [], kept: [], unchanged: [], backedUp: [], cancelled: false, refused };
  }
  const backedUp: string[] = [];
  for (const path of plan.conflicts) {
    try {
      if ((await backup.create(path, await target.read(path))) !== 'written') throw new Error(`${backup.display(path)} already exists`);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { written: [], kept: [...plan.conflicts], unchanged: [...plan.unchanged], backedUp, cancelled: false, failed: { path, message } };
    }
    backedUp.push(path);
  }
  const report = await applyScaffold(
    plan,
    { readSource: (path) => source.read(path), create: (path, content) => target.create(path, content), replace: (path, content) => target.replace(path, content) },
    true,
  );
  return { ...report, unchanged: [...plan.unchanged], backedUp, cancelled: false };
}
