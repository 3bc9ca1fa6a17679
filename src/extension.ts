import * as vscode from 'vscode';
import type { BackendPathApi } from './api';
import { registerExerciseCommands } from './commands/exerciseCommands';
import { registerLessonCommands } from './commands/lessonCommands';
import { registerProgressCommands } from './commands/progressCommands';
import { registerScaffoldCommand } from './commands/scaffoldCommand';
import type { Services } from './commands/services';
import { LESSON_VIEW_TYPE, PROGRESS_STORAGE_KEY } from './constants';
import { createExtensionContentReader } from './curriculum/extensionContentReader';
import { LessonLibrary } from './curriculum/lessonLibrary';
import { ExerciseResults } from './exercises/exerciseResults';
import { createLessonPanel } from './lessonPanel/createLessonPanel';
import { createSyncedProgressStore } from './progress/syncedProgress';
import { registerStatusBar } from './statusBar';
import { SkillTreeProvider } from './tree/skillTreeProvider';
import { registerTree, trackWelcomeContext } from './tree/registerTree';
import { createLog } from './ui/log';
import { createVsCodePrompts } from './ui/prompts';

/**
 * Builds every object and registers every disposable. Nothing here reads a file or renders: the
 * catalog and lessons load on first use.
 */
export function activate(context: vscode.ExtensionContext): BackendPathApi {
  const log = createLog();
  context.subscriptions.push(log);

  // Progress follows the learner to other machines through Settings Sync.
  const progress = createSyncedProgressStore(context.globalState);
  context.subscriptions.push(progress);
  const repairs = progress.load();
  if (repairs.length > 0) {
    for (const repair of repairs) log.warn(`Progress repaired: ${repair}`);
    void vscode.window.showWarningMessage(
      vscode.l10n.t('Backend Path repaired its stored progress; nothing was discarded. See the "Backend Path" output for details.'),
    );
  }

  const library = new LessonLibrary(createExtensionContentReader(context.extensionUri));
  let lastTextEditor = vscode.window.activeTextEditor;
  context.subscriptions.push(
    vscode.window.onDidChangeActiveTextEditor((editor) => {
      if (editor) lastTextEditor = editor;
    }),
  );

  // A holder, so tests can swap the dialogs after everything has been built.
  const prompts = { current: createVsCodePrompts() };
  const panel = createLessonPanel({
    extensionUri: context.extensionUri,
    library,
    progress,
    log,
    prompts: () => prompts.current,
    lastTextEditor: () => lastTextEditor,
  });
  context.subscriptions.push(panel);
  const exerciseResults = new ExerciseResults();
  context.subscriptions.push(exerciseResults);
  const services: Services = {
    extensionUri: context.extensionUri,
    library,
    progress,
    log,
    panel,
    exerciseResults,
    get prompts() {
      return prompts.current;
    },
  };

  const tree = new SkillTreeProvider(library, progress, exerciseResults, (error) => {
    log.error(String(error));
    void vscode.window.showErrorMessage(vscode.l10n.t('Backend Path could not load its lessons: {0}', String(error)));
  });
  let skillIds: readonly string[] | undefined;
  void library.whenLoaded().then((catalog) => (skillIds = catalog.skills.map((skill) => skill.id)));

  context.subscriptions.push(
    registerTree(tree, progress, log),
    vscode.window.registerTreeDataProvider('backendPath.welcome', { getChildren: () => [], getTreeItem: (item: vscode.TreeItem) => item }),
    trackWelcomeContext(progress, () => skillIds),
    registerStatusBar(library, progress),
    registerLessonCommands(services),
    registerProgressCommands(services),
    registerScaffoldCommand(services),
    registerExerciseCommands(services),
    vscode.window.registerWebviewPanelSerializer(LESSON_VIEW_TYPE, {
      deserializeWebviewPanel: (webviewPanel, state) => panel.restore(webviewPanel, state),
    }),
    // globalState is shared by all windows; pick up ticks made elsewhere when this one regains focus.
    vscode.window.onDidChangeWindowState((state) => {
      if (state.focused) progress.syncFromStorage();
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      tree.refresh();
      void panel.refresh();
    }),
  );

  const api: BackendPathApi = {
    catalog: () => library.catalog(),
    storedProgress: () => context.globalState.get(PROGRESS_STORAGE_KEY),
    treeChildren: (node) => tree.getChildren(node),
    treeItem: (node) => tree.getTreeItem(node),
    applyCheckbox: (skillId, checked) => progress.setComplete(skillId, checked),
    reloadProgress: () => {
      progress.reload();
      tree.refresh();
    },
    lessonPanel: {
      get skillId() {
        return panel.currentSkillId;
      },
      get title() {
        return panel.title;
      },
      get html() {
        return panel.currentHtml;
      },
      get render() {
        return panel.session.render;
      },
      whenReady: () => panel.whenReady(),
    },
  };
  // Hooks that swap dialogs or inject page messages exist only when VS Code runs the extension's tests.
  if (context.extensionMode !== vscode.ExtensionMode.Test) return api;
  return {
    ...api,
    lessonPanel: Object.defineProperties(
      { receive: (message: unknown) => panel.session.handleMessage(message), whenReady: () => panel.whenReady() },
      Object.getOwnPropertyDescriptors(api.lessonPanel),
    ) as BackendPathApi['lessonPanel'],
    setPrompts: (replacement) => {
      const previous = prompts.current;
      prompts.current = replacement;
      return previous;
    },
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
