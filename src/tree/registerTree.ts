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
  return {
    view,
    async revealSkill(skillId) {
      if (!view.visible) return false;
      const node = await provider.nodeForSkill(skillId);
      if (!node) return false;
      await view.reveal(node, { select: true, focus: false, expand: true });
      return true;
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
