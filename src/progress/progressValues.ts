/**
 * Checks for the values a progress record holds: dates, quiz scores, the learner seed. Imports and
 * merges trust only values that pass them; stored values that fail are kept but never win a merge.
 */

/** No Backend Path progress can predate this; earlier dates in a file are junk, not history. */
export const EARLIEST_PROGRESS_TIME = Date.UTC(2020, 0, 1);
/** Clocks of two machines disagree a little; more than this in the future is not a real date. */
export const MAX_CLOCK_SKEW_MS = 60 * 60 * 1000;

// ISO 8601 date-time as toISOString() writes it, with an optional offset instead of Z.
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/;

/** Milliseconds since the epoch of a well-formed ISO 8601 date-time; undefined for anything else. */
export function isoTime(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const match = ISO_DATE_TIME.exec(value);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number);
  // Date.parse rolls 2026-02-30 over to March; a calendar round trip refuses it.
  const calendar = new Date(Date.UTC(year, month - 1, day));
  if (calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== day) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : time; // e.g. an offset of +99:99
}

/** The time of a date that could really be a moment of progress: ISO 8601, not junk-old, not in the future. */
export function progressTime(value: unknown, now: Date): number | undefined {
  const time = isoTime(value);
  if (time === undefined || time < EARLIEST_PROGRESS_TIME || time > now.getTime() + MAX_CLOCK_SKEW_MS) return undefined;
  return time;
}

export interface QuizScore {
  readonly correct: number;
  readonly total: number;
}

/** 0 ≤ correct ≤ total, whole numbers, and total the quiz's real length when it is known. */
export function isValidScore(correct: unknown, total: unknown, quizLength?: number): boolean {
  if (!Number.isSafeInteger(correct) || !Number.isSafeInteger(total)) return false;
  const c = correct as number;
  const t = total as number;
  if (t < 1 || c < 0 || c > t) return false;
  return quizLength === undefined || t === quizLength;
}

/** A seed is opaque to everyone but the choice-order function; it only has to be a sane token. */
const SEED = /^[A-Za-z0-9_-]{8,64}$/;

export function isLearnerSeed(value: unknown): value is string {
  return typeof value === 'string' && SEED.test(value);
}

/**
 * JSON with object keys sorted: two values that mean the same have the same text, so it serves for
 * equality, deduplication and a deterministic tie-break.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value)) ?? 'undefined';
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((item) => (item === undefined ? null : sortKeys(item)));
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const item = (value as Record<string, unknown>)[key];
    if (item !== undefined) Object.defineProperty(out, key, { value: sortKeys(item), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** The same values once each, in a stable order (the quarantine is a bag, not a log). */
export function uniqueValues(values: readonly unknown[]): unknown[] {
  const byText = new Map<string, unknown>();
  for (const value of values) {
    const text = canonicalJson(value);
    if (!byText.has(text)) byText.set(text, value);
  }
  return [...byText.keys()].sort().map((text) => byText.get(text));
}

/** A short, safe rendering of a value for a message (stored and imported values can be huge). */
export function preview(value: unknown, limit = 40): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = typeof value;
  }
  return text.length > limit ? `${text.slice(0, limit)}…` : text;
}
