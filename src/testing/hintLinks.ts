// Which hint addresses a failing test, from `exercise.json`'s `hints[].tests` (as parseExercise reads
// them), and the command link the failure message offers for it. Pure.
import type { ExerciseLanguage } from '../curriculum/types';
import { hintForFailingTests } from '../exercises/hintTargets';

/** The part of an ExerciseHint this needs. */
export interface HintTarget {
  readonly id: string;
  /** Test names as the runner reports them: Node's test title, PHPUnit's method name. */
  readonly tests: readonly string[];
}

/**
 * The first hint (in the exercise's order: concept before fragment) that lists this test: the same
 * match Check Exercise's failure notification makes.
 */
export function hintForTest(targets: readonly HintTarget[], testName: string): string | undefined {
  return hintForFailingTests(targets, [testName])?.id;
}

export interface ShowHintArguments {
  readonly skillId: string;
  readonly stack: ExerciseLanguage;
  readonly hintId: string;
}

/** A `command:` link that runs the show-hint command with one argument object. */
export function showHintCommandUri(commandId: string, args: ShowHintArguments): string {
  return `command:${commandId}?${encodeURIComponent(JSON.stringify([args]))}`;
}
