/**
 * Which hints a request reveals: the pure part of `backendPath.showHint` and of the "Show hint"
 * offered for a failing test. No vscode here, so plain-Node tests cover it.
 */
import { isExerciseStack } from '../curriculum/exerciseStacks';
import { isHintId } from '../curriculum/parseHints';
import type { ExerciseHint, ExerciseLanguage } from '../curriculum/types';

/** `backendPath.showHint`'s argument: `{ skillId, stack?, hintId? }` (a bare skill id also works). */
export interface ShowHintRequest {
  readonly skillId: string;
  readonly stack?: ExerciseLanguage;
  readonly hintId?: string;
}

const SKILL_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Reads the command's argument; undefined when it is not a request (the caller says so and logs it). */
export function parseShowHintRequest(value: unknown): ShowHintRequest | undefined {
  if (typeof value === 'string') return SKILL_ID.test(value) && value.length <= 100 ? { skillId: value } : undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const own = (key: string): unknown => (Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined);
  const [skillId, stack, hintId] = [own('skillId'), own('stack'), own('hintId')];
  if (typeof skillId !== 'string' || !SKILL_ID.test(skillId) || skillId.length > 100) return undefined;
  if (stack !== undefined && !isExerciseStack(stack)) return undefined;
  if (hintId !== undefined && !isHintId(hintId)) return undefined;
  return { skillId, ...(stack === undefined ? {} : { stack }), ...(hintId === undefined ? {} : { hintId }) };
}

/**
 * The hint ids to reveal, in order: every hint up to `hintId` (hints build on each other), or without
 * one the next hint not revealed yet (the last when all are). Undefined when `hintId` is not one of them.
 */
export function hintsToReveal(hints: readonly ExerciseHint[], revealed: readonly string[], hintId?: string): string[] | undefined {
  if (hints.length === 0) return undefined;
  let index = hintId === undefined ? hints.findIndex((hint) => !revealed.includes(hint.id)) : hints.findIndex((hint) => hint.id === hintId);
  if (hintId !== undefined && index === -1) return undefined;
  if (index === -1) index = hints.length - 1;
  return hints.slice(0, index + 1).map((hint) => hint.id);
}

/** The first hint (in order) that names one of the failing tests, for a "Show hint" beside the failure. */
export function hintForFailingTests<Hint extends Pick<ExerciseHint, 'tests'>>(hints: readonly Hint[], failingTests: readonly string[]): Hint | undefined {
  const failing = new Set(failingTests.map((name) => name.trim()));
  return hints.find((hint) => hint.tests.some((name) => failing.has(name.trim())));
}
