import * as vscode from 'vscode';
import { ContextKeys, SKILLS_VIEW_ID } from '../constants';
import type { ProgressStore } from '../progress/progressStore';
import type { PathNode, SkillTreeProvider } from './skillTreeProvider';
import { SkillNode } from './skillNode';

export interface SkillTree extends vscode.Disposable {
  /**
   * Selects a skill's row so the highlight follows the open lesson. Only while the view is visible:
   * revealing would otherwise open the view over whatever the learner has in the side bar.
   */
  revealSkill(skillId: string): Promise<boolean>;
  readonly view: vscode.TreeView<PathNode>;
}

/** Creates the tree view and saves checkbox ticks at once. */
export function registerTree(provider: SkillTreeProvider, progress: ProgressStore, log: vscode.LogOutputChannel): SkillTree {
  const view = vscode.window.createTreeView<PathNode>(SKILLS_VIEW_ID, {
    treeDataProvider: provider,
    showCollapseAll: true,
    manageCheckboxStateManually: true,
  });
  const disposable = vscode.Disposable.from(
    view,
    provider,
    view.onDidChangeCheckboxState(async (event) => {
      for (const [node, state] of event.items) {
        if (node instanceof SkillNode) {
          await progress.setComplete(node.skill.id, state === vscode.TreeItemCheckboxState.Checked);
          log.info(`${node.skill.id} marked ${state === vscode.TreeItemCheckboxState.Checked ? 'complete' : 'incomplete'} from the tree`);
        }
      }
    }),
  );
  // Reveals run one after another: two overlapping reveals (or a reveal racing a refresh) make VS Code
  // fetch a stage's children twice and reject with "Element with id … is already registered".
  let revealing: Promise<unknown> = Promise.resolve();
  const reveal = async (skillId: string): Promise<boolean> => {
    if (!view.visible) return false;
    const node = await provider.nodeForSkill(skillId);
    if (!node) return false;
    try {
      await view.reveal(node, { select: true, focus: false, expand: true });
      return true;
    } catch (error) {
      // Only the highlight is lost; the lesson still opens.
      log.warn(`Could not select ${skillId} in the tree: ${String(error)}`);
      return false;
    }
  };
  return {
    view,
    revealSkill(skillId) {
      const next = revealing.then(() => reveal(skillId));
      revealing = next.catch(() => undefined);
      return next;
    },
    dispose: () => disposable.dispose(),
  };
}

/**
 * Decides once per window whether the Welcome view shows: only for a learner with no progress yet.
 * It is never hidden mid-session, so the first tick does not make the tree jump under the cursor.
 */
export function decideWelcome(progress: ProgressStore): void {
  const snapshot = progress.snapshot().skills as Record<string, { completed?: unknown }>;
  const hasProgress = Object.values(snapshot).some((entry) => entry?.completed === true);
  void vscode.commands.executeCommand('setContext', ContextKeys.showWelcome, !hasProgress);
}

/**
 * Ticks the walkthrough step "Open the Learning Path" (completion event `onContext:` of this key)
 * even when the view was already open. VS Code 1.100 registers a walkthrough's steps when it is
 * first shown, and an `onContext` step whose key already matched then is never ticked; only a
 * change from false to true after that ticks it. So the key is raised briefly whenever the view
 * shows and whenever an editor without a text/webview input (the walkthrough page) opens.
 */
export function pulseWhileVisible(view: vscode.TreeView<unknown>, set: (value: boolean) => void): vscode.Disposable {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const pulse = () => {
    if (!view.visible) return;
    clearTimeout(timer);
    set(true);
    timer = setTimeout(() => set(false), 1500);
  };
  set(false);
  pulse();
  return vscode.Disposable.from(
    view.onDidChangeVisibility((event) => event.visible && pulse()),
    vscode.window.tabGroups.onDidChangeTabs((event) => {
      if (event.opened.some((tab) => tab.input === undefined)) setTimeout(pulse, 500);
    }),
    { dispose: () => clearTimeout(timer) },
  );
}
