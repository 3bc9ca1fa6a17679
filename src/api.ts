import type * as vscode from 'vscode';
import type { Catalog } from './curriculum/types';
import type { Prompts } from './ui/prompts';
import type { PathNode } from './tree/skillTreeProvider';
import type { RunRecord } from './testing/runRecorder';

/**
 * What activate() returns. The integration tests use it to look inside the running extension;
 * nothing here lets a caller bypass the checks the UI goes through.
 */
export interface BackendPathApi {
  catalog(): Promise<Catalog>;
  /** The stored progress record, exactly as written to globalState. */
  storedProgress(): unknown;
  treeChildren(node?: PathNode): Promise<PathNode[]>;
  treeItem(node: PathNode): vscode.TreeItem;
  /** The tree's own resolveTreeItem (adds the tooltip). */
  resolveTreeItem(item: vscode.TreeItem, node: PathNode): vscode.TreeItem;
  /** The tree's getParent, which TreeView.reveal relies on. */
  treeParent(node: PathNode): Promise<PathNode | undefined>;
  /** The rows selected in the Learning Path view. */
  treeSelection(): readonly PathNode[];
  /** Applies a checkbox change as the tree view would deliver it. */
  applyCheckbox(skillId: string, checked: boolean): Promise<void>;
  /** Drops the in-memory progress so the next read comes from globalState, as after a restart. */
  reloadProgress(): void;
  lessonPanel: {
    readonly skillId: string | undefined;
    readonly title: string | undefined;
    readonly html: string | undefined;
    /** The render number of the page shown; the page sends it with block and quiz actions. */
    readonly render: number;
    /** Delivers a message as if the page had posted it. Only in ExtensionMode.Test. */
    receive?(message: unknown): Promise<void>;
    whenReady(): Promise<void>;
  };
  /** Replaces the dialogs (and the external opener) for tests; returns the previous ones. Only in ExtensionMode.Test. */
  setPrompts?(prompts: Prompts): Prompts;
  /** The Testing view's controller from the inside. Only in ExtensionMode.Test. */
  testing?: {
    readonly controller: vscode.TestController;
    /** Lists the started exercises' tests again (and waits for it). */
    refresh(): Promise<void>;
    /** Runs these items (all when undefined) through the run profile's handler. */
    run(include: readonly vscode.TestItem[] | undefined, token?: vscode.CancellationToken): Promise<void>;
    /** The latest runs (at most 10) with each test's recorded result, oldest first. */
    runs(): readonly RunRecord[];
  };
  /** Spaced review from the inside. Only in ExtensionMode.Test. */
  review?: {
    /** Moves the review clock: `offsetMs` is added to the real time. */
    setClockOffset(offsetMs: number): void;
    dueCount(): Promise<number>;
    /** The status bar text while questions are due, else undefined. */
    statusText(): string | undefined;
    /** The review schedule exactly as stored in globalState. */
    storedReviews(): unknown;
    reviewHtml(): string | undefined;
    dashboardHtml(): string | undefined;
    /** Delivers a message as if the review page had posted it. */
    receiveReview(message: unknown): Promise<void>;
    receiveDashboard(message: unknown): Promise<void>;
  };
}
