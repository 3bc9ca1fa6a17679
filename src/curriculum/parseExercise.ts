import { parseHints } from './parseHints';
import type { ExerciseSpec } from './types';
import { ValidationErrors, isRecord, nonEmptyString } from './validation';

const TEST_COMMANDS = { node: 'node --test', php: 'phpunit' } as const;

/**
 * Parses exercise.json. Paths must stay inside the exercise: no absolute paths, no `..`. Problems
 * with hints alone still give the exercise (with its well-formed hints), so the linter goes on
 * checking it and the extension still offers it.
 */
export function parseExercise(
  text: string,
  options: { readonly strict?: boolean; readonly objectiveCount?: number } = {},
): { exercise?: ExerciseSpec; problems: string[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { problems: [`exercise.json is not valid JSON (${(error as Error).message})`] };
  }
  if (!isRecord(raw)) return { problems: ['exercise.json must be an object'] };
  const errors = new ValidationErrors();
  const language = raw.language;
  if (language !== 'node' && language !== 'php') errors.add('exercise.json language must be "node" or "php"');
  const title = nonEmptyString(raw.title, 'exercise.json title', errors);
  const files = Array.isArray(raw.files)
    ? raw.files.map((file, index) => nonEmptyString(file, `exercise.json files[${index}]`, errors))
    : [];
  if (files.length === 0) errors.add('exercise.json files must list at least one file the learner edits');
  for (const file of files) {
    if (!isSafeRelativePath(file)) errors.add(`exercise.json file "${file}" must be a relative path inside the exercise`);
  }
  const expectedCommand = language === 'node' || language === 'php' ? TEST_COMMANDS[language] : undefined;
  if (expectedCommand && raw.testCommand !== expectedCommand) {
    errors.add(`exercise.json testCommand must be "${expectedCommand}" for ${String(language)}`);
  }
  const objectives = parseObjectiveNumbers(raw.objectives, options, errors);
  // A hint that is not well-formed does not withhold the exercise: it is reported, and left out.
  const hintErrors = new ValidationErrors();
  const hints = parseHints(raw.hints, options, hintErrors);
  if (!errors.ok || !expectedCommand) return { problems: [...errors.messages, ...hintErrors.messages] };
  return {
    exercise: { language: language as ExerciseSpec['language'], title, files, testCommand: expectedCommand, objectives, hints },
    problems: hintErrors.messages,
  };
}

/** True for a forward-slash relative path that cannot climb out of its root. */
export function isSafeRelativePath(path: string): boolean {
  if (path === '' || path.startsWith('/') || path.includes('\\') || /^[a-zA-Z]:/.test(path)) return false;
  return path.split('/').every((part) => part !== '' && part !== '.' && part !== '..');
}

function parseObjectiveNumbers(
  value: unknown,
  options: { readonly strict?: boolean; readonly objectiveCount?: number },
  errors: ValidationErrors,
): number[] {
  if (value === undefined && options.strict !== true) return [];
  const valid =
    Array.isArray(value) &&
    value.length > 0 &&
    value.every((item) => Number.isInteger(item) && (item as number) >= 1 && (options.objectiveCount === undefined || (item as number) <= options.objectiveCount));
  if (!valid) {
    errors.add('exercise.json objectives must list the numbers (1-based) of the skill objectives its tests practise');
    return [];
  }
  return [...new Set(value as number[])];
}
