import * as vscode from 'vscode';
import { Commands, ContextKeys, DASHBOARD_VIEW_TYPE, REVIEW_STORAGE_KEY, REVIEW_VIEW_TYPE, Settings } from '../constants';
import type { Skill } from '../curriculum/types';
import type { LessonLibrary } from '../curriculum/lessonLibrary';
import { choiceOrder } from '../lessonPanel/choiceOrder';
import { createNonce } from '../lessonPanel/pageHtml';
import type { MementoLike } from '../progress/mementoLike';
import type { SkillFacts } from './dashboardModel';
import { createSchedulerLoader } from './loadScheduler';
import { DashboardController, ReviewPageController } from './pageControllers';
import { PagePanel } from './pagePanel';
import { dashboardLabels, reviewLabels } from './reviewLabels';
import { ReviewService, type ReviewSettings } from './reviewService';
import { ReviewStore } from './reviewStore';

const ReviewCommands = { reviewDue: Commands.reviewDue, showMyPath: Commands.showMyPath } as const;
const ReviewSettingNames = { enabled: Settings.reviewsEnabled, dailyCap: Settings.reviewsDailyCap, hoursPerWeek: Settings.paceHoursPerWeek } as const;

export interface ReviewWiringDeps {
  readonly extensionUri: vscode.Uri;
  readonly globalState: MementoLike;
  readonly library: LessonLibrary;
  readonly progress: {
    isComplete(skillId: string): boolean;
    learnerSeed(): string;
    onDidChange(listener: () => void): { dispose(): void };
  };
  readonly log: vscode.LogOutputChannel;
  facts(skill: Skill): SkillFacts | Promise<SkillFacts>;
  startedAt(): Date | undefined;
  openLesson(skillId: string, anchor?: string): PromiseLike<unknown>;
  /** The tree shows a "Reviews due" node while questions are due. */
  readonly tree: { setReviewsDue(count: number): void };
  /** Development and test runs register a command that moves the review clock (e2e tests use it). */
  readonly developmentMode: boolean;
}

/** What the rest of the extension (and, in test mode, the tests) can ask of spaced review. */
export interface ReviewHandle extends vscode.Disposable {
  readonly service: ReviewService;
  readonly store: ReviewStore;
  /** The review page's controller and panel, for the test API. */
  readonly reviewPage: { readonly controller: ReviewPageController; readonly panel: PagePanel };
  readonly dashboardPage: { readonly controller: DashboardController; readonly panel: PagePanel };
  /** Moves the review clock (test mode only): `offsetMs` is added to the real time. */
  setClockOffset(offsetMs: number): void;
  /** A lesson quiz answer becomes a review card; a failed save is reported, never thrown. */
  recordQuizAnswer(skillId: string, questionId: string, correct: boolean, elapsedMs: number | undefined): Promise<void>;
  /** The status bar text while questions are due (for tests), else undefined. */
  statusText(): string | undefined;
}

function readSettings(): ReviewSettings {
  const config = vscode.workspace.getConfiguration('backendPath');
  const cap = config.get<number>(ReviewSettingNames.dailyCap, 20);
  const hours = config.get<number>(ReviewSettingNames.hoursPerWeek, 0);
  return {
    enabled: config.get<boolean>(ReviewSettingNames.enabled, true),
    dailyCap: Number.isInteger(cap) && cap > 0 ? Math.min(cap, 500) : 20,
    ...(typeof hours === 'number' && hours > 0 ? { hoursPerWeek: Math.min(hours, 168) } : {}),
  };
}

/** Builds spaced review and the path dashboard: store, service, pages, commands, status bar. */
export function registerReview(deps: ReviewWiringDeps): ReviewHandle {
  let clockOffset = 0;
  const store = new ReviewStore(deps.globalState, REVIEW_STORAGE_KEY, deps.log);
  const service = new ReviewService({
    library: deps.library,
    progress: deps.progress,
    store,
    loadScheduler: createSchedulerLoader(),
    settings: readSettings,
    now: () => new Date(Date.now() + clockOffset),
    choiceOrder,
    facts: (skill) => deps.facts(skill),
    startedAt: () => deps.startedAt(),
  });
  const dateFormat = new Intl.DateTimeFormat(vscode.env.language, { dateStyle: 'medium' });
  const commands = {
    openLesson: (skillId: string, anchor?: string) => deps.openLesson(skillId, anchor),
    showPath: () => vscode.commands.executeCommand(ReviewCommands.showMyPath),
    startReview: () => vscode.commands.executeCommand(ReviewCommands.reviewDue),
    openPaceSetting: () => vscode.commands.executeCommand('workbench.action.openSettings', `backendPath.${ReviewSettingNames.hoursPerWeek}`),
  };
  const pageDeps = { service, commands, log: deps.log, nonce: createNonce, formatDate: (date: Date) => dateFormat.format(date) };
  const reviewController = new ReviewPageController(pageDeps, reviewLabels);
  const dashboardController = new DashboardController(pageDeps, dashboardLabels);
  const reviewPanel = new PagePanel(REVIEW_VIEW_TYPE, () => vscode.l10n.t('Backend Path: Review'), deps.extensionUri, reviewController, deps.log);
  const dashboardPanel = new PagePanel(DASHBOARD_VIEW_TYPE, () => vscode.l10n.t('My Backend Path'), deps.extensionUri, dashboardController, deps.log);

  const statusItem = vscode.window.createStatusBarItem('backendPath.reviews', vscode.StatusBarAlignment.Left, 9);
  statusItem.name = vscode.l10n.t('Backend Path Reviews');
  statusItem.command = ReviewCommands.reviewDue;
  let updating = Promise.resolve();
  let statusShown = false;
  const update = () => {
    updating = updating.then(async () => {
      await deps.library.whenLoaded();
      const due = await service.dueCount();
      if (due > 0) {
        statusItem.text = `$(history) ${vscode.l10n.t('{0} due', due)}`;
        statusItem.tooltip = vscode.l10n.t('Backend Path: {0} review questions are due. Click to review.', due);
        statusItem.accessibilityInformation = { label: vscode.l10n.t('Backend Path, {0} review questions due', due) };
        statusItem.show();
      } else statusItem.hide();
      statusShown = due > 0;
      deps.tree.setReviewsDue(due);
      if (dashboardPanel.open) await dashboardController.render();
    }).catch((error: unknown) => deps.log.warn(`Could not count due reviews: ${String(error)}`));
  };
  // What is due changes with time too: look again every half hour.
  const timer = setInterval(update, 30 * 60 * 1000);
  void update();

  const disposables = [
    store,
    service,
    reviewPanel,
    dashboardPanel,
    statusItem,
    new vscode.Disposable(() => clearInterval(timer)),
    service.onDidChange(update),
    deps.progress.onDidChange(update),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('backendPath')) update();
    }),
    vscode.window.onDidChangeWindowState((state) => {
      if (state.focused) store.syncFromStorage();
    }),
    vscode.commands.registerCommand(ReviewCommands.reviewDue, async () => {
      if (!readSettings().enabled) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Reviews are turned off. Turn them on with the setting backendPath.reviews.enabled.'));
        return 0;
      }
      reviewPanel.reveal();
      await reviewController.start();
      // The number of questions in the round, so callers (and tests) know what was served.
      return reviewController.current?.view().total ?? 0;
    }),
    vscode.commands.registerCommand(ReviewCommands.showMyPath, async () => {
      dashboardPanel.reveal();
      await dashboardController.render();
    }),
  ];
  if (deps.developmentMode) {
    void vscode.commands.executeCommand('setContext', ContextKeys.developmentMode, true);
    disposables.push(
      vscode.commands.registerCommand(Commands.advanceReviewClock, () => {
        clockOffset += 2 * 24 * 60 * 60 * 1000;
        service.refresh();
        return clockOffset;
      }),
    );
  }

  return {
    service,
    store,
    reviewPage: { controller: reviewController, panel: reviewPanel },
    dashboardPage: { controller: dashboardController, panel: dashboardPanel },
    setClockOffset: (offsetMs: number) => {
      clockOffset = offsetMs;
      service.refresh();
    },
    recordQuizAnswer: async (skillId, questionId, correct, elapsedMs) => {
      try {
        await service.recordQuizAnswer(skillId, questionId, correct, elapsedMs);
      } catch (error) {
        deps.log.error(`Could not save the review card for ${skillId}/${questionId}: ${String(error)}`);
        void vscode.window.showWarningMessage(vscode.l10n.t('Backend Path could not save this answer for later review: {0}', String(error)));
      }
    },
    statusText: () => (statusShown ? statusItem.text : undefined),
    dispose: () => {
      for (const disposable of disposables) disposable.dispose();
    },
  };
}
