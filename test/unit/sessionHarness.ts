// A lesson session wired to the real actions, with a recording stand-in for everything vscode
// would do (webview, dialogs, terminal, clipboard, Node). Shared by the session tests and the
// message fuzzing, so both drive exactly the code the extension runs.
import type { LessonContent } from '../../src/curriculum/lessonLibrary';
import { parseCatalog } from '../../src/curriculum/parseCatalog';
import type { Catalog, ExerciseLanguage, QuizQuestion, Skill } from '../../src/curriculum/types';
import { catalogLinkOptions } from '../../src/lessons/prerenderLessons';
import type { CodeBlock } from '../../src/lessons/renderLesson';
import { renderLesson } from '../../src/lessons/renderLesson';
import { ENGLISH_PAGE_LABELS } from '../../src/lessonPanel/englishLabels';
import type { ActionHost, Refusal, RunResult } from '../../src/lessonPanel/lessonActions';
import { createLessonActions } from '../../src/lessonPanel/lessonActions';
import type { LessonBody, LessonView, SessionProgress } from '../../src/lessonPanel/lessonSession';
import { LessonSession } from '../../src/lessonPanel/lessonSession';
import type { ExtensionMessage } from '../../src/lessonPanel/protocol';
import { readRootFile } from './robustness/support';

export interface Deferred<T> {
  readonly promise: Promise<T>;
  resolve(value: T): void;
}

export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}

/** Everything the stand-in saw, in order. */
export interface Recorded {
  html: string[];
  titles: string[];
  posted: ExtensionMessage[];
  refused: Refusal[];
  confirmed: string[];
  terminal: string[];
  opened: string[];
  copied: string[];
  inserted: string[];
  ran: string[];
  /** [command, skill id] and the stack when the page named one. */
  commands: [string, string, string?][];
  warnings: string[];
  errors: string[];
  completions: [string, boolean][];
  scores: [string, number, number][];
  /** Hints stored as revealed: skill, stack, hint id. */
  hints: [string, string, string][];
  hintRenders: number;
}

export const CATALOG: Catalog = parseCatalog(readRootFile('lessons/curriculum.json'));

export function block(index: number, code: string, run?: 'terminal' | 'node'): CodeBlock {
  return { index, language: run === 'node' ? 'javascript' : 'bash', code, ...(run ? { run } : { example: true }) };
}

export const QUIZ: readonly QuizQuestion[] = [
  { id: 'status-405', objectives: [1], question: 'Which status?', choices: ['404', '405', '400'], answer: 1, explanation: '405 with Allow.', feedback: ['404 says the resource is missing; it exists.', null, '400 blames the request body.'] },
  { id: 'vary', objectives: [2], question: 'Which header?', choices: ['Vary: Accept', 'Accept'], answer: 0, explanation: 'Vary keys the cache.', feedback: [null, 'Accept is a request header.'] },
];

export interface HarnessOptions {
  trusted?: boolean;
  /** Answer of the run confirmation dialog. */
  confirm?: boolean;
  /** Per skill id: content to serve, or a promise the test resolves later. */
  content?: Record<string, LessonContent | Promise<LessonContent>>;
  blocks?: readonly CodeBlock[];
  /** The stack the card acts on (the learner's choice); undefined: not chosen yet. Absent: no chooser. */
  chosenStack?: { readonly stack: ExerciseLanguage | undefined };
}

export class Harness {
  readonly record: Recorded = { html: [], titles: [], posted: [], refused: [], confirmed: [], terminal: [], opened: [], copied: [], inserted: [], ran: [], commands: [], warnings: [], errors: [], completions: [], scores: [], hints: [], hintRenders: 0 };
  trusted: boolean;
  confirm: boolean;
  /** Runs while the confirmation dialog is open (e.g. withdraw trust). */
  duringConfirm: (() => void) | undefined;
  readonly session: LessonSession;
  readonly complete = new Set<string>();
  readonly best = new Map<string, { correct: number; total: number }>();
  /** Revealed hint ids per `skillId/stack`, and the stacks passed. */
  readonly hints = new Map<string, string[]>();
  readonly passed = new Set<string>();
  private readonly listeners = new Set<(change: { skillIds: readonly string[] }) => void>();
  readonly view: LessonView;

  constructor(private readonly options: HarnessOptions = {}) {
    this.trusted = options.trusted ?? true;
    this.confirm = options.confirm ?? true;
    const record = this.record;
    const host: ActionHost = {
      isTrusted: () => this.trusted,
      refused: (reason) => void record.refused.push(reason),
      confirmRun: async (command) => {
        record.confirmed.push(command);
        this.duringConfirm?.();
        return this.confirm;
      },
      openExternal: async (url) => void record.opened.push(url),
      copy: async (text) => void record.copied.push(text),
      insert: async (code) => void record.inserted.push(code),
      sendToTerminal: (command) => void record.terminal.push(command),
      runNode: async (code): Promise<RunResult> => {
        record.ran.push(code);
        return { status: 'done', output: `ran ${code.length}` };
      },
      executeCommand: async (command, argument) =>
        void record.commands.push(argument.stack === undefined ? [command, argument.skillId] : [command, argument.skillId, argument.stack]),
      warn: (message) => void record.warnings.push(message),
    };
    const progress: SessionProgress = {
      isComplete: (skillId) => this.complete.has(skillId),
      quizBest: (skillId) => this.best.get(skillId),
      setComplete: async (skillId, complete) => {
        record.completions.push([skillId, complete]);
        if (complete) this.complete.add(skillId);
        else this.complete.delete(skillId);
        this.fireProgress([skillId]);
      },
      recordQuizScore: async (skillId, correct, total) => {
        record.scores.push([skillId, correct, total]);
        const old = this.best.get(skillId);
        if (!old || correct > old.correct) this.best.set(skillId, { correct, total });
        this.fireProgress([skillId]);
      },
      revealHint: async (skillId, stack, hintId) => {
        const key = `${skillId}/${stack}`;
        const revealed = this.hints.get(key) ?? [];
        if (revealed.includes(hintId)) return;
        this.hints.set(key, [...revealed, hintId]);
        record.hints.push([skillId, stack, hintId]);
        this.fireProgress([skillId]);
      },
      exerciseProgress: (skillId, stack) => {
        const key = `${skillId}/${stack}`;
        return { hints: this.hints.get(key) ?? [], ...(this.passed.has(key) ? { passedAt: '2026-11-27T10:00:00.000Z' } : {}) };
      },
      onDidChange: (listener) => {
        this.listeners.add(listener);
        return { dispose: () => this.listeners.delete(listener) };
      },
    };
    this.session = new LessonSession({
      library: {
        catalog: async () => CATALOG,
        content: (skill: Skill) =>
          Promise.resolve(this.options.content?.[skill.id] ?? { rendered: { html: '', codeBlocks: [], headings: [], text: '' } as never, quiz: QUIZ, exercises: new Map(), exercise: undefined, problems: [] }),
      },
      progress,
      actions: createLessonActions(host, { start: 'cmd.start', check: 'cmd.check', showSolution: 'cmd.solution' }),
      log: { warn: (message) => void record.warnings.push(message), error: (message) => void record.errors.push(message) },
      lessonBody: (_catalog, skill, content): LessonBody | undefined =>
        content.rendered === undefined ? undefined : { html: `<h1 id="h-title">${skill.title}</h1>`, codeBlocks: this.options.blocks ?? [] },
      isTrusted: () => this.trusted,
      labels: () => ENGLISH_PAGE_LABELS,
      learnerSeed: () => 'learner-seed',
      nonce: () => 'nonce',
      showError: (message) => void record.errors.push(message),
      unknownSkill: (skillId) => `There is no skill with the id "${skillId}".`,
      // The real renderer, as the extension's worker runs it.
      ...(this.options.chosenStack ? { exerciseStack: async () => this.options.chosenStack?.stack } : {}),
      renderHints: async (markdowns, catalog) => {
        record.hintRenders += 1;
        return markdowns.map((markdown) => renderLesson(markdown, catalogLinkOptions(catalog)).html);
      },
    });
    this.view = {
      setHtml: (html) => void record.html.push(html),
      setTitle: (title) => void record.titles.push(title),
      post: async (message) => void record.posted.push(message),
      resources: { cspSource: 'vscode-webview://test', asWebviewUri: (path) => `vscode-webview://test/${path}` },
    };
    this.session.attach(this.view);
  }

  fireProgress(skillIds: readonly string[]): void {
    for (const listener of [...this.listeners]) listener({ skillIds });
  }

  /** Shows a lesson and lets its page report ready, as the webview would. */
  async open(skillId: string, anchor?: string): Promise<number> {
    await this.session.show(skillId, { anchor });
    await this.session.handleMessage({ type: 'ready', render: this.session.render });
    return this.session.render;
  }

  get skills(): readonly Skill[] {
    return CATALOG.skills;
  }
}
