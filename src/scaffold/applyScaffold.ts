import type { ScaffoldPlan } from './scaffoldPlan';

/** The file operations the writer needs: the bundled source, and the learner's side (see targetFs.ts). */
export interface ScaffoldFileSystem {
  readSource(relativePath: string): Promise<Uint8Array>;
  /** Creates a new file; 'exists' when something is at the path by the time of the write. */
  create(relativePath: string, content: Uint8Array): Promise<'written' | 'exists'>;
  /** Replaces a file the learner agreed to overwrite. */
  replace(relativePath: string, content: Uint8Array): Promise<void>;
}

export interface ScaffoldReport {
  readonly written: readonly string[];
  /** Existing files left exactly as they were (including files that appeared while the learner was asked). */
  readonly kept: readonly string[];
  /** The file whose write failed; nothing after it was attempted. */
  readonly failed?: { readonly path: string; readonly message: string };
}

/**
 * Writes the plan's new files, and the conflicting ones only when `overwrite` is true. Each write
 * re-checks the target: a new file never replaces something that appeared after the plan was made.
 * It stops at the first failure and reports exactly what had been written.
 */
export async function applyScaffold(plan: ScaffoldPlan, fs: ScaffoldFileSystem, overwrite: boolean): Promise<ScaffoldReport> {
  const replace = new Set(overwrite ? plan.conflicts : []);
  const toWrite = [...plan.create, ...replace].sort();
  const kept: string[] = overwrite ? [] : [...plan.conflicts];
  const written: string[] = [];
  for (const path of toWrite) {
    try {
      const content = await fs.readSource(path);
      if (replace.has(path)) {
        await fs.replace(path, content);
      } else if ((await fs.create(path, content)) === 'exists') {
        kept.push(path);
        continue;
      }
    } catch (error) {
      return { written, kept: kept.sort(), failed: { path, message: error instanceof Error ? error.message : String(error) } };
    }
    written.push(path);
  }
  return { written, kept: kept.sort() };
}
