import type { ExerciseHint } from './types';
import { ValidationErrors, isRecord } from './validation';

/** Every exercise offers this many hints: the concept, the approach, and at most two steps closer. */
export const MIN_HINTS = 2;
export const MAX_HINTS = 4;
export const MAX_HINT_CHARS = 800;
const HINT_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** A heading slug as the lesson renderer makes it (the page id without `h-`), as links to it are written. */
const SECTION = /^[\w-]{1,200}$/;
const HINT_FIELDS = new Set(['id', 'text', 'section', 'tests']);

/** A hint id: lowercase kebab-case, at most 64 characters (progress stores it and syncs it). */
export function isHintId(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 64 && HINT_ID.test(value);
}

/**
 * Parses exercise.json `hints`. Each hint must be well-formed in any mode; `strict` (the linter)
 * also wants 2–4 of them with a `section` on the first. Outside strict mode a missing list is none.
 */
export function parseHints(value: unknown, options: { readonly strict?: boolean }, errors: ValidationErrors): ExerciseHint[] {
  if (value === undefined) {
    if (options.strict === true) errors.add(`exercise.json hints are missing: every exercise offers ${MIN_HINTS}–${MAX_HINTS} hints (see docs/content-format.md, Hints)`);
    return [];
  }
  if (!Array.isArray(value)) {
    errors.add('exercise.json hints must be a list of hints');
    return [];
  }
  const hints: ExerciseHint[] = [];
  value.forEach((raw, index) => {
    const hint = parseHint(raw, `exercise.json hints[${index}]`, errors);
    if (!hint) return;
    if (hints.some((other) => other.id === hint.id)) errors.add(`exercise.json hints[${index}] id "${hint.id}" is used twice; ids are unique in the exercise`);
    hints.push(hint);
  });
  if (options.strict === true) {
    if (value.length < MIN_HINTS || value.length > MAX_HINTS) errors.add(`exercise.json has ${value.length} hints; it needs ${MIN_HINTS}–${MAX_HINTS}`);
    if (isRecord(value[0]) && value[0].section === undefined) {
      errors.add('exercise.json hints[0] needs a "section": the lesson heading the concept hint sends the learner back to');
    }
  }
  return hints;
}

function parseHint(raw: unknown, where: string, errors: ValidationErrors): ExerciseHint | undefined {
  if (!isRecord(raw)) {
    errors.add(`${where} must be an object with "id" and "text"`);
    return undefined;
  }
  const before = errors.messages.length;
  for (const key of Object.keys(raw)) if (!HINT_FIELDS.has(key)) errors.add(`${where} has an unknown field "${key}" (known: ${[...HINT_FIELDS].join(', ')})`);
  const { id, text, section, tests } = raw;
  if (!isHintId(id)) errors.add(`${where} id must be lowercase kebab-case, at most 64 characters`);
  if (typeof text !== 'string' || text.trim() === '') errors.add(`${where} text must be non-empty Markdown`);
  else if (text.length > MAX_HINT_CHARS) errors.add(`${where} text has ${text.length} characters; at most ${MAX_HINT_CHARS}`);
  if (section !== undefined && (typeof section !== 'string' || !SECTION.test(section))) {
    errors.add(`${where} section must be the slug of a lesson heading (its id without "h-"), e.g. "status-codes-say-what-happened"`);
  }
  const testNames = tests === undefined ? [] : tests;
  if (!Array.isArray(testNames) || !testNames.every((name) => typeof name === 'string' && name.trim() !== '')) {
    errors.add(`${where} tests must be a list of test names`);
  }
  if (errors.messages.length > before) return undefined;
  return {
    id: id as string,
    text: text as string,
    ...(section === undefined ? {} : { section: section as string }),
    tests: [...new Set(testNames as string[])],
  };
}
