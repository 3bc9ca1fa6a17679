import * as vscode from 'vscode';
import { Commands } from './constants';
import type { LessonLibrary } from './curriculum/lessonLibrary';
import { skillLabel } from './curriculum/types';
import type { ProgressStore } from './progress/progressStore';

/** "$(mortar-board) done/22" in the status bar; a click continues where the learner left off. */
export function registerStatusBar(library: LessonLibrary, progress: ProgressStore): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('backendPath.progress', vscode.StatusBarAlignment.Left, 10);
  item.name = vscode.l10n.t('Backend Path Progress');
  item.command = Commands.continueLearning;
  const update = async () => {
    const catalog = await library.whenLoaded();
    const ids = catalog.skills.map((skill) => skill.id);
    const done = progress.completedCount(ids);
    item.text = `$(mortar-board) ${done}/${ids.length}`;
    const next = catalog.skills.find((skill) => !progress.isComplete(skill.id));
    item.tooltip = next
      ? vscode.l10n.t('Backend Path: {0} of {1} skills complete. Click to continue with {2}.', done, ids.length, skillLabel(next))
      : vscode.l10n.t('Backend Path: all {0} skills complete.', ids.length);
    item.accessibilityInformation = { label: vscode.l10n.t('Backend Path, {0} of {1} skills complete', done, ids.length) };
    item.show();
  };
  // Shown once the tree (or a command) has loaded the catalog, so activation itself reads no files.
  void update().catch(() => item.hide());
  const subscription = progress.onDidChange(() => void update().catch(() => item.hide()));
  return vscode.Disposable.from(item, subscription);
}
