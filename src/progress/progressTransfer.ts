import type { ProgressRecord, SkillEntry } from './progressRecord';
import { PROGRESS_RECORD_VERSION, parseProgressRecord, serializeProgressRecord } from './progressRecord';

/** Marks an exported file so Import can tell it from any other JSON. */
export const EXPORT_FORMAT = 'backend-path-progress';
export const EXPORT_VERSION = 1;
/** A real export is a few kilobytes; anything far larger is not one of ours. */
export const MAX_IMPORT_BYTES = 1_000_000;

export class ImportError extends Error {
  override name = 'ImportError';
}

export function exportProgress(record: ProgressRecord, now: Date): string {
  return `${JSON.stringify(
    { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: now.toISOString(), progress: serializeProgressRecord(record) },
    null,
    2,
  )}\n`;
}

/** Validates an exported file completely before anything is merged; throws ImportError otherwise. */
export function readProgressExport(text: string): ProgressRecord {
  if (Buffer.byteLength(text, 'utf8') > MAX_IMPORT_BYTES) {
    throw new ImportError(`The file is larger than ${MAX_IMPORT_BYTES} bytes, so it is not a Backend Path progress export.`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new ImportError('The file is not valid JSON.');
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || (raw as Record<string, unknown>).format !== EXPORT_FORMAT) {
    throw new ImportError('The file is not a Backend Path progress export (its "format" field is missing or wrong).');
  }
  const file = raw as Record<string, unknown>;
  if (file.version !== EXPORT_VERSION) {
    const shown = typeof file.version === 'number' ? String(file.version) : typeof file.version;
    throw new ImportError(`The export has version ${shown.slice(0, 20)}; this version of Backend Path reads version ${EXPORT_VERSION}.`);
  }
  const progress = file.progress;
  if (typeof progress !== 'object' || progress === null || Array.isArray(progress)) {
    throw new ImportError("The export's progress is damaged: it holds no progress record.");
  }
  const storedVersion = (progress as Record<string, unknown>).version;
  if (typeof storedVersion === 'number' && storedVersion > PROGRESS_RECORD_VERSION) {
    throw new ImportError(`The export has progress version ${storedVersion}, made by a newer version of Backend Path; update the extension, then import it again.`);
  }
  const parsed = parseProgressRecord(progress);
  if (parsed.repairs.length > 0) {
    const more = parsed.repairs.length > 3 ? ` (and ${parsed.repairs.length - 3} more problems)` : '';
    throw new ImportError(`The export's progress is damaged: ${parsed.repairs.slice(0, 3).join(' ')}${more}`);
  }
  return parsed.record;
}

export interface MergeResult {
  readonly record: ProgressRecord;
  /** Skills that became complete through the import. */
  readonly newlyCompleted: readonly string[];
}

/**
 * Merges imported progress into the current one. Nothing is ever lost: completion only grows,
 * the better quiz score wins, the earlier dates win, and unknown fields survive from both sides.
 */
export function mergeProgress(current: ProgressRecord, incoming: ProgressRecord): MergeResult {
  const skills = new Map(current.skills);
  const newlyCompleted: string[] = [];
  for (const [skillId, theirs] of incoming.skills) {
    const ours = skills.get(skillId);
    if (theirs.completed === true && ours?.completed !== true) newlyCompleted.push(skillId);
    skills.set(skillId, ours ? mergeEntry(ours, theirs) : theirs);
  }
  const extra = new Map(incoming.extra);
  for (const [key, value] of current.extra) extra.set(key, value);
  return {
    record: {
      version: Math.max(current.version, incoming.version),
      skills,
      quarantine: [...current.quarantine, ...incoming.quarantine],
      extra,
    },
    newlyCompleted,
  };
}

function mergeEntry(ours: SkillEntry, theirs: SkillEntry): SkillEntry {
  const merged: Record<string, unknown> = { ...theirs, ...ours };
  merged.completed = ours.completed === true || theirs.completed === true;
  merged.completedAt = earliest(ours.completedAt, theirs.completedAt);
  merged.exercisePassedAt = earliest(ours.exercisePassedAt, theirs.exercisePassedAt);
  merged.quizBest = betterScore(ours.quizBest, theirs.quizBest);
  for (const key of ['completedAt', 'exercisePassedAt', 'quizBest']) {
    if (merged[key] === undefined) delete merged[key];
  }
  return merged;
}

function earliest(a: unknown, b: unknown): unknown {
  if (typeof a !== 'string') return b;
  if (typeof b !== 'string') return a;
  return a <= b ? a : b;
}

function scoreRatio(value: unknown): number {
  if (typeof value !== 'object' || value === null) return -1;
  const { correct, total } = value as { correct?: unknown; total?: unknown };
  return typeof correct === 'number' && typeof total === 'number' && total > 0 ? correct / total : -1;
}

function betterScore(a: unknown, b: unknown): unknown {
  return scoreRatio(b) > scoreRatio(a) ? b : (a ?? b);
}
