import * as vscode from 'vscode';
import { ContextKeys, SKILLS_VIEW_ID } from '../constants';
import type { ProgressStore } from '../progress/progressStore';
import type { PathNode, SkillTreeProvider } from './skillTreeProvider';
import { SkillNode } from './skillNode';

/** Creates the tree view, saves checkbox ticks at once and keeps the welcome context key current. */
export function registerTree(provider: SkillTreeProvider, progress: ProgressStore, log: vscode.LogOutputChannel): vscode.Disposable {
  const view = vscode.window.createTreeView<PathNode>(SKILLS_VIEW_ID, {
    treeDataProvider: provider,
    showCollapseAll: true,
    manageCheckboxStateManually: true,
  });
  return vscode.Disposable.from(
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
}

/** Shows the welcome view only while nothing is complete. */
export function trackWelcomeContext(progress: ProgressStore, skillIds: () => readonly string[] | undefined): vscode.Disposable {
  const update = () => {
    const ids = skillIds();
    const snapshot = progress.snapshot().skills as Record<string, { completed?: unknown }>;
    const hasProgress = ids
      ? ids.some((id) => progress.isComplete(id))
      : Object.values(snapshot).some((entry) => entry?.completed === true);
    void vscode.commands.executeCommand('setContext', ContextKeys.hasProgress, hasProgress);
  };
  update();
  return progress.onDidChange(update);
}
