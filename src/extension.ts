import * as vscode from 'vscode';
import type { BackendPathApi } from './api';
import { registerExerciseCommands } from './commands/exerciseCommands';
import { registerHintCommands } from './commands/hintCommands';
import { registerLessonCommands } from './commands/lessonCommands';
import { registerProgressCommands } from './commands/progressCommands';
import { registerScaffoldCommand } from './commands/scaffoldCommand';
import type { Services } from './commands/services';
import { describeToolProblem, toolSettings } from './commands/toolchainMessages';
import { Commands, ContextKeys, LESSON_VIEW_TYPE, PROGRESS_STORAGE_KEY, REVIEW_STORAGE_KEY, Settings } from './constants';
import { createExtensionContentReader } from './curriculum/extensionContentReader';
import { LessonLibrary } from './curriculum/lessonLibrary';
import { renderHintsInWorker, renderInWorker } from './lessons/renderInWorker';
import { ExerciseResults } from './exercises/exerciseResults';
import { StartedExercises } from './exercises/startedExercises';
import { decideStack, parseStackSetting } from './exercises/stackChoice';
import { createLessonPanel } from './lessonPanel/createLessonPanel';
import { createSyncedProgressStore, firstTimeSeen } from './progress/syncedProgress';
import { reviewFacts, startedAt } from './review/progressFacts';
import { registerReview } from './review/registerReview';
import { registerStatusBar } from './statusBar';
import { SkillTreeProvider } from './tree/skillTreeProvider';
import { decideWelcome, pulseWhileVisible, registerTree } from './tree/registerTree';
import { registerExerciseTesting } from './testing/exerciseTestController';
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
  for (const repair of repairs) log.warn(`Progress repaired in memory (saved with the next change): ${repair}`);
  const newer = progress.readOnlyVersion;
  if (newer !== undefined) log.warn(`Progress was saved by a newer version of Backend Path (record version ${newer}); it is shown read-only.`);
  // Warn once per distinct finding, not on every activation: the record is only rewritten on a real change.
  if (firstTimeSeen(context.globalState, newer === undefined ? repairs : [...repairs, `newer version ${newer}`])) {
    if (newer !== undefined) {
      void vscode.window.showWarningMessage(
        vscode.l10n.t('Your Backend Path progress was saved by a newer version of the extension. It is shown but cannot be changed until you update.'),
      );
    } else if (repairs.length > 0) {
      void vscode.window.showWarningMessage(
        vscode.l10n.t('Backend Path found damaged values in its stored progress and set them aside; nothing was discarded. See the "Backend Path" output for details.'),
      );
    }
  }
  context.subscriptions.push(
    progress.onDidFailToSave((problem) => {
      log.error(`Progress not saved (${problem.kind}): ${problem.message}`);
      void vscode.window.showErrorMessage(
        problem.kind === 'readOnly'
          ? vscode.l10n.t('Your Backend Path progress was saved by a newer version of the extension; update it to change your progress.')
          : problem.kind === 'tooLarge'
            ? vscode.l10n.t('Backend Path did not save this change: the synced progress would grow too large.')
            : vscode.l10n.t('Backend Path could not save your progress; the change was undone. {0}', problem.message),
      );
    }),
  );

  // Lessons are rendered at build time; the worker renders only a lesson that has no built HTML.
  const renderWorker = vscode.Uri.joinPath(context.extensionUri, 'dist', 'renderWorker.js').fsPath;
  const library = new LessonLibrary(createExtensionContentReader(context.extensionUri), {
    renderMarkdown: (markdown, catalog) => renderInWorker(renderWorker, markdown, catalog),
  });
  let lastTextEditor = vscode.window.activeTextEditor;
  context.subscriptions.push(
    vscode.window.onDidChangeActiveTextEditor((editor) => {
      if (editor) lastTextEditor = editor;
    }),
  );

  const startedExercises = new StartedExercises(() => library.catalog());
  context.subscriptions.push(startedExercises);

  // A holder, so tests can swap the dialogs after everything has been built.
  const prompts = { current: createVsCodePrompts() };
  const panel = createLessonPanel({
    extensionUri: context.extensionUri,
    library,
    progress,
    log,
    prompts: () => prompts.current,
    lastTextEditor: () => lastTextEditor,
    // The card acts on the learner's stack, else the one they started; unchosen, Start asks.
    exerciseStack: async (skill, stacks) => {
      const decision = decideStack({
        available: stacks,
        setting: parseStackSetting(vscode.workspace.getConfiguration(Settings.section).get<unknown>(Settings.stack)),
        started: await startedExercises.stacks(skill.id).catch(() => []),
      });
      return decision.kind === 'stack' ? decision.stack : undefined;
    },
    // Bound late: spaced review is built below, and answers only arrive once a lesson is open.
    onQuizAnswer: (skillId, questionId, correct, elapsedMs) => void reviews.recordQuizAnswer(skillId, questionId, correct, elapsedMs),
    renderHints: (markdowns, catalog) => renderHintsInWorker(renderWorker, markdowns, catalog),
  });
  context.subscriptions.push(panel);
  const exerciseResults = new ExerciseResults();
  context.subscriptions.push(exerciseResults);

  const setContext = (key: string, value: unknown) => void vscode.commands.executeCommand('setContext', key, value);
  let loadErrorShown = false;
  const tree = new SkillTreeProvider(library, progress, exerciseResults, startedExercises, (state, error) => {
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

  // Spaced review of answered quiz questions and the path dashboard; its schedule syncs like progress.
  context.globalState.setKeysForSync([PROGRESS_STORAGE_KEY, REVIEW_STORAGE_KEY]);
  const reviews = registerReview({
    extensionUri: context.extensionUri,
    globalState: context.globalState,
    library,
    progress,
    log,
    facts: (skill) => reviewFacts(progress, exerciseResults, library, skill, startedExercises),
    startedAt: () => startedAt(progress),
    openLesson: (skillId, anchor) => vscode.commands.executeCommand(Commands.openLesson, skillId, anchor),
    tree,
    developmentMode: context.extensionMode !== vscode.ExtensionMode.Production,
  });
  context.subscriptions.push(
    reviews,
    // The tree follows the open lesson, and the dashboard learns the lesson was read.
    panel.onDidShowLesson((skillId) => {
      void skillTree.revealSkill(skillId);
      void progress.markRead(skillId);
    }),
  );

  // The Testing view: started exercises' tests, listed on first use and run like Check Exercise.
  const testing = registerExerciseTesting({ library, started: startedExercises, extensionUri: context.extensionUri, log, toolSettings, describeProblem: describeToolProblem });
  context.subscriptions.push(testing);

  const services: Services = {
    extensionUri: context.extensionUri,
    library,
    progress,
    log,
    panel,
    exerciseResults,
    testing,
    startedExercises,
    reviews: reviews.store,
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
    registerHintCommands(services),
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
    // The exercise card shows the learner's stack first; a new choice redraws it.
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(`${Settings.section}.${Settings.stack}`)) void panel.refresh();
    }),
  );

  const api: BackendPathApi = {
    catalog: () => library.catalog(),
    storedProgress: () => context.globalState.get(PROGRESS_STORAGE_KEY),
    treeChildren: (node) => tree.getChildren(node),
    treeItem: (node) => tree.getTreeItem(node),
    resolveTreeItem: (item, node) => tree.resolveTreeItem(item, node),
    treeParent: (node) => tree.getParent(node),
    treeSelection: () => skillTree.view.selection,
    applyCheckbox: async (skillId, checked) => void (await progress.setComplete(skillId, checked)),
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
    testing: {
      controller: testing.controller,
      refresh: () => testing.refresh(),
      run: (include, token) => testing.run(include, token),
      runs: () => testing.runs,
    },
    review: {
      setClockOffset: (offsetMs) => reviews.setClockOffset(offsetMs),
      dueCount: () => reviews.service.dueCount(),
      statusText: () => reviews.statusText(),
      storedReviews: () => context.globalState.get(REVIEW_STORAGE_KEY),
      reviewHtml: () => reviews.reviewPage.panel.currentHtml,
      dashboardHtml: () => reviews.dashboardPage.panel.currentHtml,
      receiveReview: (message) => reviews.reviewPage.controller.handleMessage(message),
      receiveDashboard: (message) => reviews.dashboardPage.controller.handleMessage(message),
    },
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
