import * as vscode from 'vscode';
import type { BackendPathApi } from './api';
import { registerExerciseCommands } from './commands/exerciseCommands';
import { registerLessonCommands } from './commands/lessonCommands';
import { registerProgressCommands } from './commands/progressCommands';
import { registerScaffoldCommand } from './commands/scaffoldCommand';
import type { Services } from './commands/services';
import { Commands, ContextKeys, LESSON_VIEW_TYPE, PROGRESS_STORAGE_KEY } from './constants';
import { createExtensionContentReader } from './curriculum/extensionContentReader';
import { LessonLibrary } from './curriculum/lessonLibrary';
import { ExerciseResults } from './exercises/exerciseResults';
import { createLessonActions } from './lessonPanel/lessonActions';
import { LessonPanel } from './lessonPanel/lessonPanel';
import { createSyncedProgressStore } from './progress/syncedProgress';
import { registerStatusBar } from './statusBar';
import { SkillTreeProvider } from './tree/skillTreeProvider';
import { decideWelcome, pulseWhileVisible, registerTree } from './tree/registerTree';
import { registerSolutionDocuments } from './ui/solutionDocuments';
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
  const panel = new LessonPanel(
    context.extensionUri,
    library,
    progress,
    createLessonActions({ log, prompts: () => prompts.current, lastTextEditor: () => lastTextEditor }),
    log,
  );
  context.subscriptions.push(panel);
  const exerciseResults = new ExerciseResults();
  context.subscriptions.push(exerciseResults);

  const setContext = (key: string, value: unknown) => void vscode.commands.executeCommand('setContext', key, value);
  let loadErrorShown = false;
  const tree = new SkillTreeProvider(library, progress, exerciseResults, (state, error) => {
    // The view's welcome text follows this key: "Loading…" until loaded, the error only after a failure.
    setContext(ContextKeys.lessonsState, state);
    if (state !== 'failed' || loadErrorShown) return;
    loadErrorShown = true;
    log.error(`The lessons could not be loaded: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    const show = vscode.l10n.t('Show Output');
    void vscode.window
      .showErrorMessage(vscode.l10n.t('Backend Path could not load its lessons: {0}', error instanceof Error ? error.message : String(error)), show)
      .then((choice) => choice === show && log.show());
  });
  const skillTree = registerTree(tree, progress, log);
  decideWelcome(progress);
  const walkthroughTick = pulseWhileVisible(skillTree.view, (value) => setContext(ContextKeys.pathViewVisible, value));

  const services: Services = {
    extensionUri: context.extensionUri,
    library,
    progress,
    log,
    panel,
    exerciseResults,
    revealSkill: (skillId) => skillTree.revealSkill(skillId),
    get prompts() {
      return prompts.current;
    },
  };

  context.subscriptions.push(
    skillTree,
    walkthroughTick,
    vscode.window.registerTreeDataProvider('backendPath.welcome', { getChildren: () => [], getTreeItem: (item: vscode.TreeItem) => item }),
    registerSolutionDocuments(context.extensionUri, library),
    vscode.commands.registerCommand(Commands.showLog, () => log.show()),
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

  return {
    catalog: () => library.catalog(),
    storedProgress: () => context.globalState.get(PROGRESS_STORAGE_KEY),
    treeChildren: (node) => tree.getChildren(node),
    treeItem: (node) => tree.getTreeItem(node),
    resolveTreeItem: (item, node) => tree.resolveTreeItem(item, node),
    treeParent: (node) => tree.getParent(node),
    treeSelection: () => skillTree.view.selection,
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
      receive: (message) => panel.handleMessage(message),
      whenReady: () => panel.whenReady(),
    },
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
