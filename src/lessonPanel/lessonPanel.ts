import * as vscode from 'vscode';
import { LESSON_VIEW_TYPE } from '../constants';
import type { LessonLibrary } from '../curriculum/lessonLibrary';
import type { Catalog, Skill } from '../curriculum/types';
import { findSkill, stageOf } from '../curriculum/types';
import type { CodeBlock } from '../lessons/renderLesson';
import { localiseLessonHtml } from '../lessons/localiseLessonHtml';
import type { ProgressStore } from '../progress/progressStore';
import type { Log } from '../ui/log';
import { pageLabels, codeLabels } from './labels';
import type { PageState, ExtensionMessage, ExerciseAction } from './protocol';
import { parseWebviewMessage } from './protocol';
import type { WebviewResources } from './pageHtml';
import { buildPageHtml, createNonce } from './pageHtml';
import { QuizSession } from './quizSession';

/** What the panel asks the rest of the extension to do; wired in activate(). */
export interface LessonActions {
  openExternal(href: string): Promise<void>;
  copyCode(block: CodeBlock): Promise<void>;
  insertCode(block: CodeBlock): Promise<void>;
  runInTerminal(block: CodeBlock): Promise<void>;
  exercise(skillId: string, action: ExerciseAction): Promise<void>;
}

/**
 * The single lesson panel, reused for every lesson like the Markdown preview. Only this class
 * touches the WebviewPanel; rendering and page building are pure functions it calls.
 */
export class LessonPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private panelDisposables: vscode.Disposable[] = [];
  private skill: Skill | undefined;
  private codeBlocks: readonly CodeBlock[] = [];
  private quiz: QuizSession | undefined;
  private html: string | undefined;
  private readonly progressSubscription: { dispose(): void };
  private readyResolvers: (() => void)[] = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly library: LessonLibrary,
    private readonly progress: ProgressStore,
    private readonly actions: LessonActions,
    private readonly log: Log,
  ) {
    this.progressSubscription = progress.onDidChange(() => {
      if (this.skill) void this.post({ type: 'completion', skillId: this.skill.id, complete: progress.isComplete(this.skill.id) });
    });
  }

  get currentSkillId(): string | undefined {
    return this.skill?.id;
  }

  /** The HTML last given to the webview (for tests and diagnostics). */
  get currentHtml(): string | undefined {
    return this.html;
  }

  get title(): string | undefined {
    return this.panel?.title;
  }

  /** Resolves when the page reports `ready` for the lesson now shown. */
  whenReady(): Promise<void> {
    return new Promise((resolve) => this.readyResolvers.push(resolve));
  }

  async show(skillId: string, anchor?: string): Promise<void> {
    const catalog = await this.library.catalog();
    const skill = findSkill(catalog, skillId);
    if (!skill) throw new Error(vscode.l10n.t('There is no skill with the id "{0}".', skillId));
    if (!this.panel) this.attach(this.createPanel());
    else this.panel.reveal(undefined, false);
    await this.render(catalog, skill);
    if (anchor) await this.post({ type: 'scrollTo', anchor });
  }

  /** Renders the current lesson again, e.g. after the workspace became trusted. */
  async refresh(): Promise<void> {
    if (this.panel && this.skill) await this.render(await this.library.catalog(), this.skill);
  }

  /** Called by the WebviewPanelSerializer after a window reload. */
  async restore(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    this.panel?.dispose();
    this.attach(panel);
    const catalog = await this.library.catalog();
    const skillId = (state as Partial<PageState> | undefined)?.skillId;
    const skill = (typeof skillId === 'string' && findSkill(catalog, skillId)) || catalog.skills[0];
    await this.render(catalog, skill);
  }

  private createPanel(): vscode.WebviewPanel {
    return vscode.window.createWebviewPanel(LESSON_VIEW_TYPE, 'Backend Path', vscode.ViewColumn.Active, this.webviewOptions());
  }

  private webviewOptions(): vscode.WebviewOptions & vscode.WebviewPanelOptions {
    return {
      enableScripts: true,
      enableFindWidget: true,
      // The page loads only its stylesheet and script bundle.
      localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'media'), vscode.Uri.joinPath(this.extensionUri, 'dist')],
    };
  }

  private attach(panel: vscode.WebviewPanel): void {
    this.panel = panel;
    panel.webview.options = this.webviewOptions();
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'icon.svg');
    this.panelDisposables = [
      panel.webview.onDidReceiveMessage((message: unknown) => this.handleMessage(message)),
      panel.onDidDispose(() => this.detach()),
    ];
  }

  private detach(): void {
    for (const disposable of this.panelDisposables) disposable.dispose();
    this.panelDisposables = [];
    this.panel = undefined;
    this.skill = undefined;
    this.html = undefined;
  }

  private async render(catalog: Catalog, skill: Skill): Promise<void> {
    const panel = this.panel;
    if (!panel) return;
    const content = await this.library.content(skill);
    for (const problem of content.problems) this.log.warn(problem);
    // Rendered at build time; only the labels and the trust-gated Run buttons are filled in here.
    const rendered = content.rendered;
    const lessonHtml = rendered && localiseLessonHtml(rendered.html, codeLabels(), { trusted: vscode.workspace.isTrusted });
    const index = catalog.skills.indexOf(skill);
    const resources: WebviewResources = {
      cspSource: panel.webview.cspSource,
      asWebviewUri: (relativePath) =>
        panel.webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, ...relativePath.split('/'))).toString(),
    };
    this.skill = skill;
    this.codeBlocks = rendered?.codeBlocks ?? [];
    this.quiz = new QuizSession(skill.id, content.quiz);
    this.html = buildPageHtml(
      {
        skill,
        stageTitle: stageOf(catalog, skill).title,
        position: index + 1,
        total: catalog.skills.length,
        complete: this.progress.isComplete(skill.id),
        previous: catalog.skills[index - 1],
        next: catalog.skills[index + 1],
        lessonHtml,
        quiz: content.quiz,
        quizBest: this.progress.quizBest(skill.id),
        exercise: content.exercise ? { title: content.exercise.title, language: content.exercise.language } : undefined,
        workspaceTrusted: vscode.workspace.isTrusted,
        labels: pageLabels(),
      },
      resources,
      createNonce(),
    );
    panel.title = `${skill.number} · ${skill.title}`;
    panel.webview.html = this.html;
  }

  /** Every message from the page passes through here; anything invalid is logged and ignored. */
  async handleMessage(raw: unknown): Promise<void> {
    const message = parseWebviewMessage(raw);
    if (!message) {
      this.log.warn(`Ignored an invalid message from the lesson page: ${describe(raw)}`);
      return;
    }
    const skill = this.skill;
    // A page can only name skills that exist: ids it makes up never reach the (synced) progress.
    if ('skillId' in message && !findSkill(await this.library.catalog(), message.skillId)) {
      this.log.warn(`Ignored a message naming an unknown skill: ${describe(raw)}`);
      return;
    }
    try {
      switch (message.type) {
        case 'ready':
          for (const resolve of this.readyResolvers.splice(0)) resolve();
          return;
        case 'setComplete':
          await this.progress.setComplete(message.skillId, message.complete);
          return;
        case 'navigate':
          await this.show(message.skillId, message.anchor);
          return;
        case 'openExternal':
          await this.actions.openExternal(message.href);
          return;
        case 'copyCode':
        case 'insertCode':
        case 'runInTerminal': {
          const block = this.codeBlocks[message.block];
          if (!block) break;
          if (message.type === 'copyCode') await this.actions.copyCode(block);
          else if (message.type === 'insertCode') await this.actions.insertCode(block);
          else if (block.run === 'terminal' && vscode.workspace.isTrusted) await this.actions.runInTerminal(block);
          return;
        }
        case 'answerQuiz':
          await this.answerQuiz(message.skillId, message.question, message.choice);
          return;
        case 'resetQuiz':
          if (this.quiz?.skillId === message.skillId) this.quiz.reset();
          return;
        case 'exercise':
          await this.actions.exercise(message.skillId, message.action);
          return;
      }
      this.log.warn(`Ignored a message that does not match the lesson shown (${skill?.id ?? 'none'}): ${describe(raw)}`);
    } catch (error) {
      this.log.error(`Handling "${message.type}" failed: ${error instanceof Error ? error.message : String(error)}`);
      void vscode.window.showErrorMessage(error instanceof Error ? error.message : String(error));
    }
  }

  private async answerQuiz(skillId: string, question: number, choice: number): Promise<void> {
    if (!this.quiz || this.quiz.skillId !== skillId) return;
    const evaluation = this.quiz.answer(question, choice);
    if (!evaluation) {
      this.log.warn(`Ignored a quiz answer out of range: question ${question}, choice ${choice}`);
      return;
    }
    let score: { correct: number; total: number; best: number } | undefined;
    if (evaluation.finished) {
      await this.progress.recordQuizScore(skillId, evaluation.finished.correct, evaluation.finished.total);
      const best = this.progress.quizBest(skillId);
      score = { ...evaluation.finished, best: best?.correct ?? evaluation.finished.correct };
    }
    await this.post({
      type: 'quizResult',
      skillId,
      question,
      choice: this.quiz.chosen(question) ?? choice,
      correct: evaluation.correct,
      answer: evaluation.answer,
      explanation: evaluation.explanation,
      score,
    });
  }

  async post(message: ExtensionMessage): Promise<void> {
    await this.panel?.webview.postMessage(message);
  }

  dispose(): void {
    this.progressSubscription.dispose();
    this.panel?.dispose();
    this.detach();
  }
}

function describe(raw: unknown): string {
  try {
    const text = JSON.stringify(raw) ?? String(raw);
    return text.length > 200 ? `${text.slice(0, 200)}…` : text;
  } catch {
    return typeof raw;
  }
}
