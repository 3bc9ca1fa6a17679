import type { ScaffoldPlan } from './scaffoldPlan';

/** The file operations the writer needs; the extension backs it with workspace.fs, tests with a temp folder. */
export interface ScaffoldFileSystem {
  readSource(relativePath: string): Promise<Uint8Array>;
  writeTarget(relativePath: string, content: Uint8Array): Promise<void>;
}

export interface ScaffoldReport {
  readonly written: readonly string[];
  /** Existing files left exactly as they were. */
  readonly kept: readonly string[];
  /** The file whose write failed; nothing after it was attempted. */
  readonly failed?: { readonly path: string; readonly message: string };
}

/**
 * Writes the plan's new files, and the conflicting ones only when `overwrite` is true. It stops at
 * the first failure and reports exactly what had been written, so the learner knows the state.
 */
export async function applyScaffold(plan: ScaffoldPlan, fs: ScaffoldFileSystem, overwrite: boolean): Promise<ScaffoldReport> {
  const toWrite = overwrite ? [...plan.create, ...plan.conflicts].sort() : [...plan.create];
  const kept = overwrite ? [] : [...plan.conflicts];
  const written: string[] = [];
  for (const path of toWrite) {
    try {
      await fs.writeTarget(path, await fs.readSource(path));
    } catch (error) {
      return { written, kept, failed: { path, message: error instanceof Error ? error.message : String(error) } };
    }
    written.push(path);
  }
  return { written, kept };
}
