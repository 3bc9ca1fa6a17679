/**
 * Messages between the lesson page and the extension. Both sides import these types; the
 * extension validates every incoming message with `parseWebviewMessage` and ignores the rest.
 */

/** Page → extension. */
export type WebviewMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'setComplete'; readonly skillId: string; readonly complete: boolean }
  | { readonly type: 'navigate'; readonly skillId: string; readonly anchor?: string }
  | { readonly type: 'openExternal'; readonly href: string }
  | { readonly type: 'copyCode'; readonly block: number }
  | { readonly type: 'insertCode'; readonly block: number }
  | { readonly type: 'runInTerminal'; readonly block: number }
  | { readonly type: 'answerQuiz'; readonly skillId: string; readonly question: number; readonly choice: number }
  | { readonly type: 'resetQuiz'; readonly skillId: string }
  | { readonly type: 'exercise'; readonly skillId: string; readonly action: ExerciseAction };

export type ExerciseAction = 'start' | 'check' | 'showSolution';

/** Extension → page. */
export type ExtensionMessage =
  | { readonly type: 'completion'; readonly skillId: string; readonly complete: boolean }
  | {
      readonly type: 'quizResult';
      readonly skillId: string;
      readonly question: number;
      readonly choice: number;
      readonly correct: boolean;
      readonly answer: number;
      readonly explanation: string;
      /** Present once every question of the attempt has an answer. */
      readonly score?: { readonly correct: number; readonly total: number; readonly best: number };
    }
  | { readonly type: 'exerciseStatus'; readonly skillId: string; readonly status: ExerciseStatus; readonly detail: string }
  | { readonly type: 'scrollTo'; readonly anchor: string };

export type ExerciseStatus = 'running' | 'passed' | 'failed' | 'error';

/** The page's own state, saved with `setState` so it survives hiding the panel. */
export interface PageState {
  readonly skillId: string;
  readonly scrollY: number;
  /** question index → chosen choice index, for the current attempt. */
  readonly quizAnswers: Readonly<Record<string, number>>;
}

const MAX_ID_LENGTH = 100;
const MAX_HREF_LENGTH = 2048;
const MAX_INDEX = 10_000;
const SKILL_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ANCHOR = /^[\w-]{1,200}$/;
const EXERCISE_ACTIONS: readonly ExerciseAction[] = ['start', 'check', 'showSolution'];

function isIndex(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_INDEX;
}

function isSkillId(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_ID_LENGTH && SKILL_ID.test(value);
}

/**
 * Returns a clean copy of a valid message, or undefined. Only known fields are copied, so nothing a
 * page adds (including `__proto__`) reaches the handlers.
 */
export function parseWebviewMessage(value: unknown): WebviewMessage | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const message = value as Record<string, unknown>;
  switch (message.type) {
    case 'ready':
      return { type: 'ready' };
    case 'setComplete':
      return isSkillId(message.skillId) && typeof message.complete === 'boolean'
        ? { type: 'setComplete', skillId: message.skillId, complete: message.complete }
        : undefined;
    case 'navigate':
      if (!isSkillId(message.skillId)) return undefined;
      if (message.anchor === undefined) return { type: 'navigate', skillId: message.skillId };
      return typeof message.anchor === 'string' && ANCHOR.test(message.anchor)
        ? { type: 'navigate', skillId: message.skillId, anchor: message.anchor }
        : undefined;
    case 'openExternal':
      return typeof message.href === 'string' && message.href.length <= MAX_HREF_LENGTH
        ? { type: 'openExternal', href: message.href }
        : undefined;
    case 'copyCode':
    case 'insertCode':
    case 'runInTerminal':
      return isIndex(message.block) ? { type: message.type, block: message.block } : undefined;
    case 'answerQuiz':
      return isSkillId(message.skillId) && isIndex(message.question) && isIndex(message.choice)
        ? { type: 'answerQuiz', skillId: message.skillId, question: message.question, choice: message.choice }
        : undefined;
    case 'resetQuiz':
      return isSkillId(message.skillId) ? { type: 'resetQuiz', skillId: message.skillId } : undefined;
    case 'exercise':
      return isSkillId(message.skillId) && EXERCISE_ACTIONS.includes(message.action as ExerciseAction)
        ? { type: 'exercise', skillId: message.skillId, action: message.action as ExerciseAction }
        : undefined;
    default:
      return undefined;
  }
}
