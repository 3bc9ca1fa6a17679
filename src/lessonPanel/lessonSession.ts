import type { LessonContent } from '../curriculum/lessonLibrary';
import type { Catalog, ExerciseLanguage, Skill } from '../curriculum/types';
import { findSkill, skillLabel, stageOf } from '../curriculum/types';
import { stackName } from '../exercises/stackChoice';
import type { CodeBlock } from '../lessons/renderLesson';
import { choiceOrder } from './choiceOrder';
import type { HintCardModel } from './hintCard';
import { cardHintHtml, hintStatus } from './hintCard';
import type { LessonActions } from './lessonActions';
import { runKind } from './lessonActions';
import type { PageLabels, PageModel, WebviewResources } from './pageHtml';
import { buildPageHtml } from './pageHtml';
import type { ExtensionMessage, HintStack, HistoryDirection, WebviewMessage } from './protocol';
import { parseWebviewMessage } from './protocol';
import { QuizSession } from './quizSession';

/** What the session needs from a webview panel. The panel adapter implements it over vscode. */
export interface LessonView {
  setHtml(html: string): void;
  setTitle(title: string): void;
  post(message: ExtensionMessage): PromiseLike<unknown>;
  readonly resources: WebviewResources;
}

/** The lesson body: rendered (at build time or by the runtime renderer) HTML and its code blocks. */
export interface LessonBody {
  readonly html: string;
  readonly codeBlocks: readonly CodeBlock[];
}

/** The parts of the progress store the page uses. */
export interface SessionProgress {
  isComplete(skillId: string): boolean;
  quizBest(skillId: string): { correct: number; total: number } | undefined;
  setComplete(skillId: string, complete: boolean): Promise<unknown>;
  recordQuizScore(skillId: string, correct: number, total: number): Promise<unknown>;
  /** Stores that a hint of the skill's exercise in this stack was revealed (ProgressStore.revealHint). */
  revealHint(skillId: string, stack: HintStack, hintId: string): Promise<unknown>;
  exerciseProgress(skillId: string, stack: HintStack): { readonly passedAt?: string; readonly hints: readonly string[] };
  onDidChange(listener: (change: { readonly skillIds: readonly string[] }) => void): { dispose(): void };
}

export interface SessionLog {
  warn(message: string): void;
  error(message: string): void;
}

export interface LessonSessionDeps {
  readonly library: { catalog(): Promise<Catalog>; content(skill: Skill): Promise<LessonContent> };
  readonly progress: SessionProgress;
  readonly actions: LessonActions;
  readonly log: SessionLog;
  /** Turns a lesson's content into its HTML body; undefined while the lesson is in preparation. */
  lessonBody(catalog: Catalog, skill: Skill, content: LessonContent): Promise<LessonBody | undefined> | LessonBody | undefined;
  isTrusted(): boolean;
  labels(): PageLabels;
  /** The learner's stable seed for the choice order (ProgressStore.learnerSeed). */
  learnerSeed(): string;
  nonce(): string;
  /** Tells the learner something failed (an action threw). */
  showError(message: string): void;
  /** Localised "There is no skill with the id …" error text. */
  unknownSkill(skillId: string): string;
  /**
   * The stack the exercise card's buttons act on (the learner's setting, the one stack started…),
   * or undefined when the learner has not chosen yet. Without it, a skill's only stack.
   */
  exerciseStack?(skill: Skill, stacks: readonly ExerciseLanguage[]): Promise<ExerciseLanguage | undefined> | ExerciseLanguage | undefined;
  /**
   * Renders hint Markdown with the lesson renderer (in a worker in the extension), one HTML string
   * per text. Without it the card offers no hints.
   */
  renderHints?(markdowns: readonly string[], catalog: Catalog): Promise<readonly string[]>;
  /** A new answer to a lesson quiz question (spaced review turns it into a card). */
  onQuizAnswer?(skillId: string, questionId: string, correct: boolean, elapsedMs: number | undefined): void;
}

/** What is on the page now. Every field is replaced together when a new render commits. */
interface Shown {
  readonly render: number;
  readonly skill: Skill;
  readonly codeBlocks: readonly CodeBlock[];
  readonly quiz: QuizSession;
  /** The card's hints: the exercise's stack and its hint ids in order. */
  readonly hints?: { readonly stack: HintStack; readonly ids: readonly string[] };
}

export interface ShowOptions {
  readonly anchor?: string;
  /** 'push' (a new lesson from a link, the tree or a command) records history; 'none' (Back/Forward, refresh) does not. */
  readonly history?: 'push' | 'none';
  /** Render again even if this lesson is already shown (trust changed, restore). */
  readonly force?: boolean;
}

interface History {
  readonly back: readonly string[];
  readonly forward: readonly string[];
}

const MAX_HISTORY = 50;

/**
 * The lesson page's logic without vscode: which lesson is shown, the page model, the message
 * dispatch, the quiz flow and the navigation history. A render sequence number makes the newest
 * request win: every await is followed by a check, so a slow render that finishes late never
 * overwrites a newer lesson, and nothing happens after the view is gone.
 */
export class LessonSession {
  private view: LessonView | undefined;
  private shown: Shown | undefined;
  private sequence = 0;
  private disposed = false;
  private pageReady = false;
  private queue: ExtensionMessage[] = [];
  private readyWaiters: (() => void)[] = [];
  private history: History = { back: [], forward: [] };
  private html: string | undefined;
  private readonly showListeners = new Set<(skillId: string) => void>();
  /** Rendered hint HTML per skill and stack: hints render once per session. */
  private readonly hintHtml = new Map<string, Promise<readonly string[]>>();
  private readonly progressSubscription: { dispose(): void };

  constructor(private readonly deps: LessonSessionDeps) {
    this.progressSubscription = deps.progress.onDidChange((change) => this.progressChanged(change.skillIds));
  }

  get skillId(): string | undefined {
    return this.shown?.skill.id;
  }

  /** The render number of the page now shown (0 before the first). */
  get render(): number {
    return this.shown?.render ?? 0;
  }

  get currentHtml(): string | undefined {
    return this.html;
  }

  get canGoBack(): boolean {
    return this.history.back.length > 0;
  }

  get canGoForward(): boolean {
    return this.history.forward.length > 0;
  }

  /** Fires with the skill id each time a lesson is shown (the tree follows it). */
  onDidShowLesson(listener: (skillId: string) => void): { dispose(): void } {
    this.showListeners.add(listener);
    return { dispose: () => this.showListeners.delete(listener) };
  }

  /** Resolves when the page of the next (or current, not yet ready) render reports `ready`. */
  whenReady(): Promise<void> {
    return new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  attach(view: LessonView): void {
    this.view = view;
    this.shown = undefined;
    this.html = undefined;
    this.pageReady = false;
    this.queue = [];
  }

  /** The panel was closed: forget the page; later renders and posts do nothing until a new attach. */
  detach(): void {
    this.view = undefined;
    this.shown = undefined;
    this.html = undefined;
    this.pageReady = false;
    this.queue = [];
    this.history = { back: [], forward: [] };
    this.sequence++;
  }

  get attached(): boolean {
    return this.view !== undefined;
  }

  async show(skillId: string, options: ShowOptions = {}): Promise<void> {
    await this.showWith(skillId, options, undefined);
  }

  /** `history`: the history after this render, when the caller (Back/Forward) decided it. */
  private async showWith(skillId: string, options: ShowOptions, history: History | undefined): Promise<void> {
    const sequence = ++this.sequence;
    const catalog = await this.deps.library.catalog();
    if (this.stale(sequence)) return;
    const skill = findSkill(catalog, skillId);
    if (!skill) throw new Error(this.deps.unknownSkill(skillId));
    const current = this.shown;
    if (current && current.skill.id === skill.id && options.anchor && !options.force) {
      // A link into the lesson already shown: keep the page (its answers), only jump to the anchor.
      await this.post({ type: 'scrollTo', anchor: options.anchor });
      return;
    }
    const content = await this.deps.library.content(skill);
    if (this.stale(sequence)) return;
    for (const problem of content.problems) this.deps.log.warn(problem);
    const body = await this.deps.lessonBody(catalog, skill, content);
    if (this.stale(sequence)) return;
    const stacks = [...content.exercises.keys()];
    const cardStack = stacks.length === 0 ? undefined : this.deps.exerciseStack ? await this.deps.exerciseStack(skill, stacks) : stacks.length === 1 ? stacks[0] : undefined;
    if (this.stale(sequence)) return;
    const hints = await this.hintCard(catalog, skill, content, cardStack);
    if (this.stale(sequence)) return;
    const view = this.view as LessonView;

    let nextHistory = history ?? this.history;
    if (!history && (options.history ?? 'push') === 'push' && current && current.skill.id !== skill.id) {
      nextHistory = { back: [...this.history.back, current.skill.id].slice(-MAX_HISTORY), forward: [] };
    }
    const shown: Shown = {
      render: sequence,
      skill,
      codeBlocks: body?.codeBlocks ?? [],
      quiz: new QuizSession(skill.id, content.quiz),
      ...(hints ? { hints: { stack: hints.stack, ids: hints.hints.map((hint) => hint.id) } } : {}),
    };
    this.html = this.pageHtml(catalog, skill, content, cardStack, body, view.resources, sequence, options.anchor, nextHistory, hints);
    this.history = nextHistory;
    this.shown = shown;
    this.pageReady = false;
    this.queue = [];
    view.setTitle(skillLabel(skill));
    view.setHtml(this.html);
    for (const listener of [...this.showListeners]) listener(skill.id);
  }

  /** Renders the shown lesson again (after the workspace became trusted, say). */
  async refresh(): Promise<void> {
    if (this.shown) await this.show(this.shown.skill.id, { history: 'none', force: true });
  }

  async goBack(): Promise<void> {
    await this.travel('back');
  }

  async goForward(): Promise<void> {
    await this.travel('forward');
  }

  private async travel(direction: HistoryDirection): Promise<void> {
    const { back, forward } = this.history;
    const current = this.shown?.skill.id;
    const target = (direction === 'back' ? back : forward).at(-1);
    if (!target || !current) return;
    const next: History =
      direction === 'back'
        ? { back: back.slice(0, -1), forward: [...forward, current] }
        : { back: [...back, current], forward: forward.slice(0, -1) };
    await this.showWith(target, { history: 'none' }, next);
  }

  private stale(sequence: number): boolean {
    return this.disposed || !this.view || sequence !== this.sequence;
  }

  private pageHtml(
    catalog: Catalog,
    skill: Skill,
    content: LessonContent,
    cardStack: ExerciseLanguage | undefined,
    body: LessonBody | undefined,
    resources: WebviewResources,
    render: number,
    anchor: string | undefined,
    history: History,
    hints: HintCardModel | undefined,
  ): string {
    const index = catalog.skills.indexOf(skill);
    const seed = this.deps.learnerSeed();
    return buildPageHtml(
      {
        skill,
        stageTitle: stageOf(catalog, skill).title,
        position: skill.position ?? index + 1,
        total: catalog.skills.length,
        complete: this.deps.progress.isComplete(skill.id),
        previous: catalog.skills[index - 1],
        next: catalog.skills[index + 1],
        lessonHtml: body?.html,
        quiz: content.quiz,
        choiceOrders: content.quiz.map((question) => choiceOrder(seed, skill.id, question.id, question.choices.length)),
        quizBest: this.deps.progress.quizBest(skill.id),
        exercise: cardExercise(content, cardStack),
        workspaceTrusted: this.deps.isTrusted(),
        labels: this.deps.labels(),
        render,
        anchor,
        history: { back: history.back.length > 0, forward: history.forward.length > 0 },
        runnableCode: (body?.codeBlocks ?? []).filter((codeBlock) => runKind(codeBlock) === 'node').map((codeBlock) => codeBlock.index),
        ...(hints ? { hints } : {}),
      },
      resources,
      this.deps.nonce(),
    );
  }

  /**
   * The hints part of the exercise card: the exercise's hints rendered (once per session), with the
   * lesson heading the concept hint links to, and what progress says is revealed and passed.
   */
  private async hintCard(catalog: Catalog, skill: Skill, content: LessonContent, cardStack: ExerciseLanguage | undefined): Promise<HintCardModel | undefined> {
    // The card's stack; before the learner has chosen one, the stack whose title the card shows (the first).
    const exercise = (cardStack && content.exercises.get(cardStack)) ?? content.exercise;
    const render = this.deps.renderHints;
    if (!exercise || exercise.hints.length === 0 || !render) return undefined;
    const stack = exercise.language;
    const key = `${skill.id}/${stack}`;
    let rendered = this.hintHtml.get(key);
    if (!rendered) {
      rendered = render(exercise.hints.map((hint) => hint.text), catalog);
      this.hintHtml.set(key, rendered);
      rendered.catch(() => this.hintHtml.delete(key));
    }
    let html: readonly string[];
    try {
      html = await rendered;
    } catch (error) {
      // The lesson still opens; only its hints are missing, and the log says why.
      this.deps.log.warn(`The hints of ${skill.id} (${stack}) could not be rendered: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
    const headings = content.rendered?.headings ?? [];
    const hints = exercise.hints.map((hint, index) => {
      const heading = hint.section === undefined ? undefined : headings.find((candidate) => candidate.id === `h-${hint.section}`);
      return { id: hint.id, html: cardHintHtml(html[index] ?? ''), ...(heading ? { section: { id: heading.id, title: heading.text } } : {}) };
    });
    const progress = this.deps.progress.exerciseProgress(skill.id, stack);
    const unsettled = cardStack === undefined && content.exercises.size > 1;
    return { skillId: skill.id, stack, hints, revealed: progress.hints, passed: progress.passedAt !== undefined, ...(unsettled ? { unsettledStackName: stackName(stack) } : {}) };
  }

  /** What the card's hints show now, from progress. */
  private hintState(shown: Shown): ExtensionMessage | undefined {
    if (!shown.hints) return undefined;
    const { stack, ids } = shown.hints;
    const progress = this.deps.progress.exerciseProgress(shown.skill.id, stack);
    const revealed = ids.filter((id) => progress.hints.includes(id));
    const status = hintStatus(this.deps.labels(), progress.passedAt !== undefined, revealed.length);
    return { type: 'hintState', skillId: shown.skill.id, stack, revealed, status };
  }

  /** Reveals a hint of the card and every hint before it (hints come in order), then tells the page. */
  private async revealHint(shown: Shown | undefined, message: Extract<WebviewMessage, { type: 'revealHint' }>): Promise<void> {
    const index = shown && shown.skill.id === message.skillId && shown.hints?.stack === message.stack ? shown.hints.ids.indexOf(message.hintId) : -1;
    if (!shown?.hints || index === -1) {
      this.deps.log.warn(`Ignored a hint the exercise card does not offer: ${message.skillId} (${message.stack}) "${message.hintId}"`);
      return;
    }
    for (const id of shown.hints.ids.slice(0, index + 1)) await this.deps.progress.revealHint(shown.skill.id, shown.hints.stack, id);
    const state = this.hintState(shown);
    if (state && this.shown === shown) await this.post(state);
  }

  /** Sends a message to the page, holding it until the page of the current render is ready. */
  async post(message: ExtensionMessage): Promise<void> {
    const view = this.view;
    if (this.disposed || !view || !this.shown) return;
    if (!this.pageReady) {
      this.queue.push(message);
      return;
    }
    await view.post(message);
  }

  private async pageIsReady(): Promise<void> {
    this.pageReady = true;
    const view = this.view;
    const queued = this.queue.splice(0);
    for (const resolve of this.readyWaiters.splice(0)) resolve();
    if (view) for (const message of queued) await view.post(message);
  }

  private progressChanged(skillIds: readonly string[]): void {
    const shown = this.shown;
    if (!shown || this.disposed) return;
    const id = shown.skill.id;
    const everything = skillIds.length === 0; // a reset or an import
    if (!everything && !skillIds.includes(id)) return;
    void this.post({ type: 'completion', skillId: id, complete: this.deps.progress.isComplete(id) });
    if (everything) shown.quiz.reset();
    void this.post({ type: 'quizState', skillId: id, best: this.deps.progress.quizBest(id) ?? null, clearAnswers: everything });
    const hints = this.hintState(shown);
    if (hints) void this.post(hints);
  }

  /** Every message from the page passes through here; anything invalid or stale is logged and ignored. */
  async handleMessage(raw: unknown): Promise<void> {
    if (this.disposed || !this.view) return;
    const message = parseWebviewMessage(raw);
    if (!message) {
      this.deps.log.warn(`Ignored an invalid message from the lesson page: ${describe(raw)}`);
      return;
    }
    const shown = this.shown;
    if ('render' in message && message.render !== shown?.render) {
      this.deps.log.warn(`Ignored a message from a page that has been replaced (render ${message.render}, now ${shown?.render ?? 'none'}): ${describe(raw)}`);
      return;
    }
    // A page can only name skills that exist: ids it makes up never reach the (synced) progress.
    if ('skillId' in message && !findSkill(await this.deps.library.catalog(), message.skillId)) {
      this.deps.log.warn(`Ignored a message naming an unknown skill: ${describe(raw)}`);
      return;
    }
    try {
      await this.dispatch(message, shown);
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      this.deps.log.error(`Handling "${message.type}" failed: ${text}`);
      this.deps.showError(text);
    }
  }

  private async dispatch(message: WebviewMessage, shown: Shown | undefined): Promise<void> {
    const { actions } = this.deps;
    switch (message.type) {
      case 'ready':
        await this.pageIsReady();
        return;
      case 'setComplete':
        await this.deps.progress.setComplete(message.skillId, message.complete);
        return;
      case 'navigate':
        await this.show(message.skillId, { anchor: message.anchor });
        return;
      case 'history':
        await this.travel(message.direction);
        return;
      case 'openExternal':
        await actions.openExternal(message.href);
        return;
      case 'copyCode':
      case 'insertCode':
      case 'runInTerminal':
      case 'runCode': {
        const block = shown?.codeBlocks[message.block];
        if (!shown || !block) {
          this.deps.log.warn(`Ignored "${message.type}" for a code block the lesson does not have (${message.block})`);
          return;
        }
        if (message.type === 'copyCode') await actions.copyCode(block);
        else if (message.type === 'insertCode') await actions.insertCode(block);
        else if (message.type === 'runInTerminal') await actions.runInTerminal(block);
        else await this.runCode(shown, block);
        return;
      }
      case 'answerQuiz':
        if (shown && shown.skill.id === message.skillId) await this.answerQuiz(shown, message.questionId, message.choice, message);
        return;
      case 'resetQuiz':
        if (shown && shown.skill.id === message.skillId) shown.quiz.reset();
        return;
      case 'exercise':
        await actions.exercise(message.skillId, message.action, message.stack);
        return;
      case 'revealHint':
        await this.revealHint(shown, message);
        return;
    }
  }

  private async runCode(shown: Shown, block: CodeBlock): Promise<void> {
    if (runKind(block) !== 'node') {
      this.deps.log.warn(`Ignored Run for block ${block.index}: it is not a runnable JavaScript block`);
      return;
    }
    await this.post({ type: 'runOutput', block: block.index, status: 'running', output: '' });
    const result = await this.deps.actions.runCode(block);
    if (this.shown !== shown) return; // the learner moved on; the output belongs to a page that is gone
    await this.post({ type: 'runOutput', block: block.index, status: result.status, output: result.output });
  }

  private async answerQuiz(shown: Shown, questionId: string, choice: number, how: { elapsedMs?: number; replay?: boolean }): Promise<void> {
    const evaluation = shown.quiz.answer(questionId, choice);
    if (!evaluation) {
      this.deps.log.warn(`Ignored a quiz answer out of range: question ${questionId}, choice ${choice}`);
      return;
    }
    if (evaluation.first && how.replay !== true) this.deps.onQuizAnswer?.(shown.skill.id, questionId, evaluation.correct, how.elapsedMs);
    let score: { correct: number; total: number; best: number } | undefined;
    const skillId = shown.skill.id;
    if (evaluation.finished) {
      await this.deps.progress.recordQuizScore(skillId, evaluation.finished.correct, evaluation.finished.total);
      const best = this.deps.progress.quizBest(skillId);
      score = { ...evaluation.finished, best: best?.correct ?? evaluation.finished.correct };
    }
    if (this.shown !== shown) return;
    await this.post({
      type: 'quizResult',
      skillId,
      questionId,
      choice: evaluation.choice,
      correct: evaluation.correct,
      answer: evaluation.answer,
      explanation: evaluation.explanation,
      feedback: evaluation.feedback,
      score,
    });
  }

  dispose(): void {
    this.disposed = true;
    this.progressSubscription.dispose();
    this.showListeners.clear();
    this.detach();
  }
}

/** The card's exercise: the chosen stack's title, else the first stack's (the learner is asked on Start). */
function cardExercise(content: LessonContent, stack: ExerciseLanguage | undefined): PageModel['exercise'] {
  const stacks = [...content.exercises.keys()];
  const shown = (stack && content.exercises.get(stack)) ?? content.exercises.get(stacks[0]);
  if (!shown) return undefined;
  return stack && content.exercises.has(stack) ? { title: shown.title, stack, stacks } : { title: shown.title, stacks };
}

function describe(raw: unknown): string {
  try {
    const text = JSON.stringify(raw) ?? String(raw);
    return text.length > 200 ? `${text.slice(0, 200)}…` : text;
  } catch {
    return typeof raw;
  }
}
