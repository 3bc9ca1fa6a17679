import * as vscode from 'vscode';
import { EXERCISES_FOLDER } from '../constants';
import { legacyStack } from '../curriculum/exerciseStacks';
import type { Catalog, ExerciseLanguage, Skill } from '../curriculum/types';
import { uriExists } from '../ui/uriExists';
import { exerciseFolderNameFor, exerciseFoldersIn, startedStacks } from './exerciseFolders';

/** An exercise folder the learner started in this workspace. */
export interface StartedExercise {
  readonly skill: Skill;
  readonly stack: ExerciseLanguage;
  readonly folderName: string;
  readonly uri: vscode.Uri;
}

interface Listing {
  readonly folders: readonly StartedExercise[];
  readonly stacks: ReadonlyMap<string, readonly ExerciseLanguage[]>;
}

/**
 * The exercises the learner has started in this workspace, from one listing of
 * backend-path-exercises/ that the tree, the card, the commands and the Testing view share. Cached:
 * the tree asks on every refresh, and the listing changes only when an exercise is started or reset,
 * a folder right under backend-path-exercises/ appears or goes, or the workspace folders change.
 */
export class StartedExercises implements vscode.Disposable {
  private cache: Promise<Listing> | undefined;
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

  /** Skill id → the stacks started, each once. */
  async all(): Promise<ReadonlyMap<string, readonly ExerciseLanguage[]>> {
    return (await this.listing()).stacks;
  }

  /** Every started exercise folder, by path position then stack. */
  async folders(): Promise<readonly StartedExercise[]> {
    return (await this.listing()).folders;
  }

  /** The folders and, derived once from them, the stacks per skill (the tree asks per skill). */
  private listing(): Promise<Listing> {
    if (!this.cache) {
      const listing = this.list().then((folders) => ({ folders, stacks: startedStacks(folders.map((folder) => ({ skillId: folder.skill.id, stack: folder.stack, folderName: folder.folderName }))) }));
      this.cache = listing;
      listing.catch(() => {
        if (this.cache === listing) this.cache = undefined;
      });
    }
    return this.cache;
  }

  private async list(): Promise<readonly StartedExercise[]> {
    const root = vscode.workspace.workspaceFolders?.[0];
    if (!root) return [];
    const base = vscode.Uri.joinPath(root.uri, EXERCISES_FOLDER);
    // Checked first: reading a missing folder works but makes VS Code log an error each time.
    if (!(await uriExists(base))) return []; // no exercise started yet
    let entries: [string, vscode.FileType][];
    try {
      entries = await vscode.workspace.fs.readDirectory(base);
    } catch {
      return []; // removed in between, or not a folder
    }
    const { skills } = await this.catalog();
    const byId = new Map(skills.map((skill) => [skill.id, skill]));
    const found = exerciseFoldersIn(entries.map(([name, type]) => ({ name, isFolder: (type & vscode.FileType.Directory) !== 0 })), skills);
    return found.flatMap((folder) => {
      const skill = byId.get(folder.skillId);
      return skill ? [{ skill, stack: folder.stack, folderName: folder.folderName, uri: vscode.Uri.joinPath(base, folder.folderName) }] : [];
    });
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
