import type { CodeBlock } from '../lessons/renderLesson';
import { checkExternalUrl } from '../lessons/linkPolicy';
import type { ExerciseLanguage } from '../curriculum/types';
import type { ExerciseAction } from './protocol';

/** What the exercise commands take from the page: the skill, and the stack when the button names one. */
export interface ExerciseCommandArgument {
  readonly skillId: string;
  readonly stack?: ExerciseLanguage;
}

/** What the page asks the rest of the extension to do. The session calls these; each re-checks its input. */
export interface LessonActions {
  openExternal(href: string): Promise<void>;
  copyCode(block: CodeBlock): Promise<void>;
  insertCode(block: CodeBlock): Promise<void>;
  runInTerminal(block: CodeBlock): Promise<void>;
  runCode(block: CodeBlock): Promise<RunResult>;
  exercise(skillId: string, action: ExerciseAction, stack?: ExerciseLanguage): Promise<void>;
}

export interface RunResult {
  readonly status: 'done' | 'failed' | 'timedOut' | 'refused';
  /** What the snippet printed (stdout and stderr, in order), or why it did not run. */
  readonly output: string;
}

export type Refusal = 'untrusted' | 'controlCharacters' | 'tooLong' | 'notRunnable';

/**
 * The editor operations the actions use: the vscode binding lives in vscodeActionHost.ts, tests
 * pass a recording stand-in. Everything here is a plain operation; the checks are in the actions.
 */
export interface ActionHost {
  isTrusted(): boolean;
  /** Tells the learner why an action was refused. */
  refused(reason: Refusal): void;
  /** Asks before sending `command` to a terminal; `command` is shown in full. */
  confirmRun(command: string): Promise<boolean>;
  openExternal(url: string): Promise<void>;
  copy(text: string): Promise<void>;
  insert(code: string, language: string): Promise<void>;
  sendToTerminal(command: string): void;
  /** Runs a JavaScript snippet with the learner's Node, with a time limit. */
  runNode(code: string, timeoutMs: number): Promise<RunResult>;
  executeCommand(command: string, argument: ExerciseCommandArgument): Promise<void>;
  warn(message: string): void;
}

/** Commands of the exercise actions (ids from constants.ts, passed in so this file stays vscode-free). */
export interface ExerciseCommands {
  readonly start: string;
  readonly check: string;
  readonly showSolution: string;
}

/** The longest command the confirmation shows; longer blocks are refused rather than shown cut. */
export const MAX_TERMINAL_CHARS = 1500;
export const MAX_TERMINAL_LINES = 30;
export const RUN_TIMEOUT_MS = 10_000;

/**
 * C0 controls other than tab and newline, DEL, C1 controls, and Unicode bidi/invisible formatting
 * characters: a terminal acts on them (escape sequences, carriage returns that hide text) or they
 * make the shown command differ from what runs.
 */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/;

export function hasControlCharacters(text: string): boolean {
  return CONTROL_CHARACTERS.test(text);
}

/** How a block may run: 'terminal' for `bash local` blocks, 'node' for `js run` blocks, else not at all. */
export function runKind(block: CodeBlock): 'terminal' | 'node' | undefined {
  return block.run === 'terminal' || block.run === 'node' ? block.run : undefined;
}

export function createLessonActions(host: ActionHost, commands: ExerciseCommands): LessonActions {
  return {
    async openExternal(href) {
      const checked = checkExternalUrl(href);
      if (!checked.ok) {
        host.warn(`Refused to open a link from a lesson (${checked.reason}): ${href.slice(0, 200)}`);
        return;
      }
      await host.openExternal(checked.url);
    },
    async copyCode(block) {
      await host.copy(block.code);
    },
    async insertCode(block) {
      await host.insert(block.code, block.language);
    },
    async runInTerminal(block) {
      const refusal = terminalRefusal(block, host.isTrusted());
      if (refusal) {
        host.warn(`Refused to run code block ${block.index} in a terminal: ${refusal}`);
        host.refused(refusal);
        return;
      }
      // The learner sees exactly the text that is sent: nothing is cut, nothing hidden.
      if (!(await host.confirmRun(block.code))) return;
      if (!host.isTrusted()) {
        host.refused('untrusted'); // trust was withdrawn while the dialog was open
        return;
      }
      host.sendToTerminal(block.code);
    },
    async runCode(block) {
      if (runKind(block) !== 'node') return { status: 'refused', output: 'This block is not runnable JavaScript.' };
      if (!host.isTrusted()) {
        host.refused('untrusted');
        return { status: 'refused', output: '' };
      }
      return host.runNode(block.code, RUN_TIMEOUT_MS);
    },
    async exercise(skillId, action, stack) {
      await host.executeCommand(commands[action], stack === undefined ? { skillId } : { skillId, stack });
    },
  };
}

/** Why a block may not go to a terminal, or undefined when it may (after the learner agrees). */
export function terminalRefusal(block: CodeBlock, trusted: boolean): Refusal | undefined {
  if (!trusted) return 'untrusted';
  if (runKind(block) !== 'terminal') return 'notRunnable';
  if (hasControlCharacters(block.code)) return 'controlCharacters';
  if (block.code.length > MAX_TERMINAL_CHARS || block.code.split('\n').length > MAX_TERMINAL_LINES) return 'tooLong';
  return undefined;
}
