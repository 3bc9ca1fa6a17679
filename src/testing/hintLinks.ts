// Which hint addresses a failing test, from `exercise.json`'s `hints[].tests`, and the command link
// the failure message offers for it. Reads only `id` and `tests`: the hints' text and the rules they
// follow belong to the exercise parser and lint:lessons. Pure.
import type { ExerciseLanguage } from '../curriculum/types';

export interface HintTarget {
  readonly id: string;
  /** Test names as the runner reports them: Node's test title, PHPUnit's method name. */
  readonly tests: readonly string[];
}

/** The hints of a parsed `exercise.json` that name tests; anything malformed is left out. */
export function readHintTargets(exerciseJson: unknown): HintTarget[] {
  if (typeof exerciseJson !== 'object' || exerciseJson === null || !Array.isArray((exerciseJson as { hints?: unknown }).hints)) return [];
  const targets: HintTarget[] = [];
  for (const hint of (exerciseJson as { hints: unknown[] }).hints) {
    if (typeof hint !== 'object' || hint === null) continue;
    const { id, tests } = hint as { id?: unknown; tests?: unknown };
    if (typeof id !== 'string' || id === '' || !Array.isArray(tests)) continue;
    const names = tests.filter((name): name is string => typeof name === 'string' && name !== '');
    if (names.length > 0) targets.push({ id, tests: names });
  }
  return targets;
}

/** The first hint (in the exercise's order: concept before fragment) that lists this test. */
export function hintForTest(targets: readonly HintTarget[], testName: string): string | undefined {
  return targets.find((target) => target.tests.includes(testName))?.id;
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
