import { isExerciseStack } from '../curriculum/exerciseStacks';
import { isHintId } from '../curriculum/parseHints';
import type { ExerciseLanguage } from '../curriculum/types';

/**
 * Messages between the lesson page and the extension. Both sides import these types; the
 * extension validates every incoming message with `parseWebviewMessage` and ignores the rest.
 *
 * Messages that act on something only the page shown now can name (a code block by index, a quiz
 * question) carry the `render` number the page was built with: a page that was replaced (a click
 * still in flight when the next lesson opened) cannot act on the new lesson.
 */

/** Page → extension. */
export type WebviewMessage =
  | { readonly type: 'ready'; readonly render: number }
  | { readonly type: 'setComplete'; readonly skillId: string; readonly complete: boolean }
  | { readonly type: 'navigate'; readonly skillId: string; readonly anchor?: string }
  | { readonly type: 'history'; readonly direction: HistoryDirection }
  | { readonly type: 'openExternal'; readonly href: string }
  | { readonly type: CodeAction; readonly render: number; readonly block: number }
  | {
      readonly type: 'answerQuiz';
      readonly render: number;
      readonly skillId: string;
      readonly questionId: string;
      readonly choice: number;
      /** How long the learner took to answer (spaced review grades hesitation). */
      readonly elapsedMs?: number;
      /** True when the page replays an answer it restored after a reload: not a new answer. */
      readonly replay?: boolean;
    }
  | { readonly type: 'resetQuiz'; readonly render: number; readonly skillId: string }
  /** `stack` names the version (PHP or Node.js) the button is for; without it the command decides (it may ask). */
  | { readonly type: 'exercise'; readonly skillId: string; readonly action: ExerciseAction; readonly stack?: ExerciseLanguage }
  /** Reveal this hint of the card's exercise (and any before it): stored in progress, answered with `hintState`. */
  | { readonly type: 'revealHint'; readonly skillId: string; readonly stack: HintStack; readonly hintId: string };

/** The stack of an exercise whose hints a message names. */
export type HintStack = ExerciseLanguage;

export type CodeAction = 'copyCode' | 'insertCode' | 'runInTerminal' | 'runCode';
export type ExerciseAction = 'start' | 'check' | 'showSolution';
export type HistoryDirection = 'back' | 'forward';

/** Extension → page. */
export type ExtensionMessage =
  | { readonly type: 'completion'; readonly skillId: string; readonly complete: boolean }
  | {
      readonly type: 'quizResult';
      readonly skillId: string;
      readonly questionId: string;
      /** File indices (the page shows choices shuffled, but names them by their index in quiz.json). */
      readonly choice: number;
      readonly correct: boolean;
      readonly answer: number;
      /** Why the correct choice is right. */
      readonly explanation: string;
      /** The misconception behind the chosen wrong choice; null when the choice was right. */
      readonly feedback: string | null;
      /** Present once every question of the attempt has an answer. */
      readonly score?: { readonly correct: number; readonly total: number; readonly best: number };
    }
  | {
      /** The stored quiz state changed elsewhere (Reset, Import): show this best score, and clear the attempt if asked. */
      readonly type: 'quizState';
      readonly skillId: string;
      readonly best: { readonly correct: number; readonly total: number } | null;
      readonly clearAnswers: boolean;
    }
  | { readonly type: 'exerciseStatus'; readonly skillId: string; readonly status: ExerciseStatus; readonly detail: string }
  /** The hints revealed for the card's exercise, in order, and the status beside it ("passed with 1 hint"). */
  | { readonly type: 'hintState'; readonly skillId: string; readonly stack: HintStack; readonly revealed: readonly string[]; readonly status: string }
  | { readonly type: 'scrollTo'; readonly anchor: string }
  | {
      readonly type: 'runOutput';
      readonly block: number;
      readonly status: 'running' | 'done' | 'failed' | 'timedOut' | 'refused';
      readonly output: string;
    };

export type ExerciseStatus = 'running' | 'passed' | 'failed' | 'error';

/** The page's own state, saved with `setState` so it survives hiding the panel. */
export interface PageState {
  readonly skillId: string;
  readonly scrollY: number;
  /** question id → chosen choice (index in quiz.json), for the current attempt. */
  readonly quizAnswers: Readonly<Record<string, number>>;
}

const MAX_ID_LENGTH = 100;
const MAX_HREF_LENGTH = 2048;
const MAX_INDEX = 10_000;
const MAX_RENDER = 2 ** 31 - 1;
const SKILL_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const QUESTION_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ANCHOR = /^[\w-]{1,200}$/;
export function isAnchor(value: unknown): value is string {
  return typeof value === 'string' && ANCHOR.test(value);
}

const EXERCISE_ACTIONS: readonly ExerciseAction[] = ['start', 'check', 'showSolution'];
const HISTORY_DIRECTIONS: readonly HistoryDirection[] = ['back', 'forward'];

function isIndex(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_INDEX;
}

function isRender(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX_RENDER;
}

export function isSkillId(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_ID_LENGTH && SKILL_ID.test(value);
}

export function isQuestionId(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_ID_LENGTH && QUESTION_ID.test(value);
}

/** Reads only own properties, so a `__proto__` key (data after JSON.parse) is never followed. */
export function own(message: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(message, key) ? message[key] : undefined;
}

/**
 * Returns a clean copy of a valid message, or undefined. Only known fields are copied, so nothing a
 * page adds (including `__proto__`) reaches the handlers.
 */
export function parseWebviewMessage(value: unknown): WebviewMessage | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const message = value as Record<string, unknown>;
  const type = own(message, 'type');
  const render = own(message, 'render');
  const skillId = own(message, 'skillId');
  switch (type) {
    case 'ready':
      return isRender(render) ? { type, render } : undefined;
    case 'setComplete': {
      const complete = own(message, 'complete');
      return isSkillId(skillId) && typeof complete === 'boolean' ? { type, skillId, complete } : undefined;
    }
    case 'navigate': {
      if (!isSkillId(skillId)) return undefined;
      const anchor = own(message, 'anchor');
      if (anchor === undefined) return { type, skillId };
      return isAnchor(anchor) ? { type, skillId, anchor } : undefined;
    }
    case 'history': {
      const direction = own(message, 'direction');
      return HISTORY_DIRECTIONS.includes(direction as HistoryDirection) ? { type, direction: direction as HistoryDirection } : undefined;
    }
    case 'openExternal': {
      const href = own(message, 'href');
      return typeof href === 'string' && href.length <= MAX_HREF_LENGTH ? { type, href } : undefined;
    }
    case 'copyCode':
    case 'insertCode':
    case 'runInTerminal':
    case 'runCode': {
      const block = own(message, 'block');
      return isRender(render) && isIndex(block) ? { type, render, block } : undefined;
    }
    case 'answerQuiz': {
      const questionId = own(message, 'questionId');
      const choice = own(message, 'choice');
      if (!(isRender(render) && isSkillId(skillId) && isQuestionId(questionId) && isIndex(choice))) return undefined;
      const elapsedMs = own(message, 'elapsedMs');
      // A page clock can be wrong: a time outside 0 ms–1 day is dropped rather than trusted.
      const elapsed = typeof elapsedMs === 'number' && Number.isFinite(elapsedMs) && elapsedMs >= 0 && elapsedMs <= 86_400_000 ? { elapsedMs } : {};
      return { type, render, skillId, questionId, choice, ...elapsed, ...(own(message, 'replay') === true ? { replay: true } : {}) };
    }
    case 'resetQuiz':
      return isRender(render) && isSkillId(skillId) ? { type, render, skillId } : undefined;
    case 'exercise': {
      const action = own(message, 'action');
      const stack = own(message, 'stack');
      if (!isSkillId(skillId) || !EXERCISE_ACTIONS.includes(action as ExerciseAction)) return undefined;
      if (stack === undefined) return { type, skillId, action: action as ExerciseAction };
      return isExerciseStack(stack) ? { type, skillId, action: action as ExerciseAction, stack } : undefined;
    }
    case 'revealHint': {
      const stack = own(message, 'stack');
      const hintId = own(message, 'hintId');
      return isSkillId(skillId) && isExerciseStack(stack) && isHintId(hintId) ? { type, skillId, stack, hintId } : undefined;
    }
    default:
      return undefined;
  }
}
