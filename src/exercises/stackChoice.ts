// Which stack (PHP or Node.js) an exercise command acts on. Pure, so the order of the rules is
// unit-tested: what the caller named, then the only stack a skill has, then the stack of the file
// being edited, then the learner's setting, then the one stack they started; otherwise ask.
import { isExerciseStack } from '../curriculum/exerciseStacks';
import type { ExerciseLanguage } from '../curriculum/types';

/** The setting `backendPath.stack`: a stack, or 'ask' until the learner has chosen. */
export type StackSetting = ExerciseLanguage | 'ask';

/** Anything but a known stack (a typo in settings.json, an old value) means "ask". */
export function parseStackSetting(value: unknown): StackSetting {
  return isExerciseStack(value) ? value : 'ask';
}

/** How the stack is named to learners; product names, so not translated. */
export function stackName(stack: ExerciseLanguage): string {
  return stack === 'php' ? 'PHP' : 'Node.js';
}

/** The test runner each stack's exercises use, shown next to the stack's name. */
export function stackTools(stack: ExerciseLanguage): string {
  return stack === 'php' ? 'PHPUnit' : 'node:test';
}

export interface StackContext {
  /** The stacks the skill has an exercise in (at least one). */
  readonly available: readonly ExerciseLanguage[];
  /** Named by the caller (a card or tree button, a command argument). */
  readonly explicit?: ExerciseLanguage;
  /** The stack of the exercise folder the active editor's file is in, when it is this skill's. */
  readonly editor?: ExerciseLanguage;
  readonly setting: StackSetting;
  /** The stacks of this skill whose exercise folder exists in the workspace. */
  readonly started: readonly ExerciseLanguage[];
}

export type StackReason = 'explicit' | 'only' | 'editor' | 'setting' | 'started';

export type StackDecision =
  | { readonly kind: 'stack'; readonly stack: ExerciseLanguage; readonly reason: StackReason }
  /** The learner has to choose among these. */
  | { readonly kind: 'ask'; readonly stacks: readonly ExerciseLanguage[] }
  /** The caller named a stack the skill has no exercise in. */
  | { readonly kind: 'unavailable'; readonly stack: ExerciseLanguage };

export function decideStack(context: StackContext): StackDecision {
  const { available } = context;
  const has = (stack: ExerciseLanguage | undefined): stack is ExerciseLanguage => stack !== undefined && available.includes(stack);
  if (context.explicit !== undefined) {
    return has(context.explicit) ? { kind: 'stack', stack: context.explicit, reason: 'explicit' } : { kind: 'unavailable', stack: context.explicit };
  }
  // A skill with one stack never asks, whatever the setting says.
  if (available.length === 1) return { kind: 'stack', stack: available[0], reason: 'only' };
  if (has(context.editor)) return { kind: 'stack', stack: context.editor, reason: 'editor' };
  if (context.setting !== 'ask' && has(context.setting)) return { kind: 'stack', stack: context.setting, reason: 'setting' };
  const started = context.started.filter(has);
  if (started.length === 1) return { kind: 'stack', stack: started[0], reason: 'started' };
  return { kind: 'ask', stacks: available };
}
