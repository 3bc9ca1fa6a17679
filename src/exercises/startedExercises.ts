import * as vscode from 'vscode';
import { EXERCISES_FOLDER } from '../constants';
import { legacyStack } from '../curriculum/exerciseStacks';
import type { Catalog, ExerciseLanguage, Skill } from '../curriculum/types';
import { uriExists } from '../ui/uriExists';
import { exerciseFolderNameFor, startedStacks } from './exerciseFolders';

/**
 * Which stacks of which skills the learner has started in this workspace, from one listing of
 * backend-path-exercises/. Cached: the tree asks on every refresh, and the listing changes only when
 * an exercise is started or reset, a folder right under backend-path-exercises/ appears or goes,
 * or the workspace folders change.
 */
export class StartedExercises implements vscode.Disposable {
  private cache: Promise<ReadonlyMap<string, readonly ExerciseLanguage[]>> | undefined;
  private readonly changes = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changes.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly catalog: () => Promise<Catalog>) {
    // Only folders right under backend-path-exercises/ (and that folder itself) matter: the learner
    // may delete or rename an exercise folder by hand. Edits inside an exercise are not watched.
    const watchers = [`**/${EXERCISES_FOLDER}`, `**/${EXERCISES_FOLDER}/*`].map((glob) => vscode.workspace.createFileSystemWatcher(glob, false, true, false));
    this.subscription = vscode.Disposable.from(
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.refresh()),
      ...watchers,
      ...watchers.flatMap((watcher) => [watcher.onDidCreate(() => this.refresh()), watcher.onDidDelete(() => this.refresh())]),
    );
  }

  /** Reads the folder again on next use (after Start, Reset or Check touched it). */
  refresh(): void {
    this.cache = undefined;
    this.changes.fire();
  }

  async stacks(skillId: string): Promise<readonly ExerciseLanguage[]> {
    return (await this.all()).get(skillId) ?? [];
  }

  all(): Promise<ReadonlyMap<string, readonly ExerciseLanguage[]>> {
    if (!this.cache) {
      this.cache = this.list();
      this.cache.catch(() => (this.cache = undefined));
    }
    return this.cache;
  }

  private async list(): Promise<ReadonlyMap<string, readonly ExerciseLanguage[]>> {
    const root = vscode.workspace.workspaceFolders?.[0];
    if (!root) return new Map();
    const folder = vscode.Uri.joinPath(root.uri, EXERCISES_FOLDER);
    // Checked first: reading a missing folder works but makes VS Code log an error each time.
    if (!(await uriExists(folder))) return new Map(); // no exercise started yet
    let entries: [string, vscode.FileType][];
    try {
      entries = await vscode.workspace.fs.readDirectory(folder);
    } catch {
      return new Map(); // removed in between, or not a folder
    }
    return startedStacks(entries.map(([name]) => name), (await this.catalog()).skills);
  }

  dispose(): void {
    this.subscription.dispose();
    this.changes.dispose();
  }
}

/**
 * The folder of one stack's exercise in the workspace, looked up now (not from the cache): a legacy
 * `NN-id` folder is the learner's exercise in that skill's legacy stack, else `NN-id-<stack>`.
 */
export async function exerciseFolderUri(workspaceFolder: vscode.Uri, skill: Skill, stack: ExerciseLanguage): Promise<vscode.Uri> {
  const base = vscode.Uri.joinPath(workspaceFolder, EXERCISES_FOLDER);
  const legacyExists = stack === legacyStack(skill.id) && (await uriExists(vscode.Uri.joinPath(base, skill.folder)));
  return vscode.Uri.joinPath(base, exerciseFolderNameFor(skill, stack, legacyExists));
}
