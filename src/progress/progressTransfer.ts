/**
 * Export and Import. An import is validated completely before anything is merged: the wrapper and
 * the record's shape must be right (else ImportError, nothing changes); within it, every skill id
 * must be one of the catalog's, every date a real ISO 8601 moment, every quiz score possible for that
 * skill's quiz, every exercise stack a known one with well-formed hint ids (`exerciseProgress.ts`). Values that fail are dropped and listed, never stored.
 */
import { cleanImportedExercises, firstImportedPass, mergeImportedExercises } from './exerciseProgress';
import type { ProgressRecord, SkillEntry } from './progressRecord';
import { PROGRESS_RECORD_VERSION, emptyProgress, isPlainObject, serializeProgressRecord } from './progressRecord';
import { betterScore, earlierDate } from './progressMerge';
import { canonicalJson, isLearnerSeed, isValidScore, preview, progressTime, uniqueValues } from './progressValues';

/** Marks an exported file so Import can tell it from any other JSON. */
export const EXPORT_FORMAT = 'backend-path-progress';
export const EXPORT_VERSION = 1;
/** A real export is a few kilobytes (the record is capped at 64 KB); anything larger is not one of ours. */
export const MAX_IMPORT_BYTES = 256 * 1024;

/** What Import needs to know about the path: its skill ids and each skill's quiz length (0: no quiz). */
export interface ProgressCatalog {
  readonly quizLengths: ReadonlyMap<string, number>;
}

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

export interface ImportedProgress {
  readonly record: ProgressRecord;
  /** What the file held that was dropped, one line each (unknown skill ids, invalid values). */
  readonly ignored: readonly string[];
}

const ENTRY_FIELDS = new Set(['completed', 'completedAt', 'updatedAt', 'markedAt', 'quizBest', 'exercisePassedAt', 'readAt', 'exercises']);
const SCORE_FIELDS = new Set(['correct', 'total', 'at']);
const TOP_FIELDS = new Set(['version', 'skills', 'quarantine', 'learnerSeed', 'resetAt']);

function tooLarge(): ImportError {
  return new ImportError(`The file is larger than ${MAX_IMPORT_BYTES} bytes, so it is not a Backend Path progress export.`);
}

/** Checked before the file is read, from its size on disk. */
export function checkImportSize(bytes: number): void {
  if (!(bytes <= MAX_IMPORT_BYTES)) throw tooLarge();
}

/** Validates an exported file completely before anything is merged; throws ImportError otherwise. */
export function readProgressExport(text: string, catalog: ProgressCatalog, now: Date): ImportedProgress {
  if (Buffer.byteLength(text, 'utf8') > MAX_IMPORT_BYTES) throw tooLarge();
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new ImportError('The file is not valid JSON.');
  }
  if (!isPlainObject(raw) || raw.format !== EXPORT_FORMAT) {
    throw new ImportError('The file is not a Backend Path progress export (its "format" field is missing or wrong).');
  }
  if (raw.version !== EXPORT_VERSION) {
    // A number's text is short; anything else is named by its type (a string could be megabytes).
    const shown = typeof raw.version === 'number' ? String(raw.version) : typeof raw.version;
    throw new ImportError(`The export has version ${shown}; this version of Backend Path reads version ${EXPORT_VERSION}.`);
  }
  const progress = raw.progress;
  if (!isPlainObject(progress)) throw new ImportError("The export's progress is damaged: it holds no progress record.");
  const version = progress.version;
  if (Number.isSafeInteger(version) && (version as number) > PROGRESS_RECORD_VERSION) {
    throw new ImportError(`The export has progress version ${version}, made by a newer version of Backend Path; update the extension, then import it again.`);
  }
  const damage: string[] = [];
  if (version !== PROGRESS_RECORD_VERSION) damage.push(`its version is ${preview(version)}, not ${PROGRESS_RECORD_VERSION}.`);
  if (progress.skills !== undefined && !isPlainObject(progress.skills)) damage.push('its skills are not a record.');
  if (progress.quarantine !== undefined && !Array.isArray(progress.quarantine)) damage.push('its quarantine is not a list.');
  const entries = isPlainObject(progress.skills) ? Object.entries(progress.skills) : [];
  for (const [skillId, entry] of entries) {
    if (!isPlainObject(entry)) damage.push(`the entry for ${preview(skillId)} is ${preview(entry)}, not a record.`);
    else if (entry.completed !== undefined && typeof entry.completed !== 'boolean') {
      damage.push(`"completed" of ${preview(skillId)} is ${preview(entry.completed)}, not true or false.`);
    }
  }
  if (damage.length > 0) {
    const more = damage.length > 3 ? ` (and ${damage.length - 3} more problems)` : '';
    throw new ImportError(`The export's progress is damaged: ${damage.slice(0, 3).join(' ')}${more}`);
  }

  const ignored: string[] = [];
  const skills = new Map<string, SkillEntry>();
  for (const [skillId, entry] of entries as [string, Record<string, unknown>][]) {
    const quizLength = catalog.quizLengths.get(skillId);
    if (quizLength === undefined) {
      ignored.push(`unknown skill ${preview(skillId)}`);
      continue;
    }
    const clean = cleanEntry(skillId, entry, quizLength, now, ignored);
    if (Object.keys(clean).length > 0) skills.set(skillId, clean);
  }
  for (const key of Object.keys(progress)) if (!TOP_FIELDS.has(key)) ignored.push(`unknown field ${preview(key)}`);
  let learnerSeed: string | undefined;
  if (isLearnerSeed(progress.learnerSeed)) learnerSeed = progress.learnerSeed;
  else if (progress.learnerSeed !== undefined) ignored.push(`learnerSeed ${preview(progress.learnerSeed)}: not a seed`);
  const quarantine = Array.isArray(progress.quarantine) ? uniqueValues(progress.quarantine) : [];
  const record: ProgressRecord = { ...emptyProgress(), skills, quarantine, ...(learnerSeed === undefined ? {} : { learnerSeed }) };
  return { record, ignored };
}

function cleanEntry(skillId: string, entry: Record<string, unknown>, quizLength: number, now: Date, ignored: string[]): SkillEntry {
  const where = `${preview(skillId)}`;
  const clean: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(entry)) {
    if (!ENTRY_FIELDS.has(field)) {
      ignored.push(`${where}: unknown field ${preview(field)}`);
    } else if (field === 'completed') {
      clean.completed = value;
    } else if (field === 'exercises') {
      const exercises = cleanImportedExercises(where, value, now, ignored);
      if (exercises) clean.exercises = exercises;
    } else if (field === 'quizBest') {
      const score = isPlainObject(value) ? value : undefined;
      const extraField = score && Object.keys(score).find((key) => !SCORE_FIELDS.has(key));
      const at = score?.at;
      if (score && !extraField && isValidScore(score.correct, score.total, quizLength) && (at === undefined || progressTime(at, now) !== undefined)) {
        clean.quizBest = at === undefined ? { correct: score.correct, total: score.total } : { correct: score.correct, total: score.total, at };
      } else {
        const why = quizLength === 0 ? 'this skill has no quiz' : `not a score out of ${quizLength} with a valid date`;
        ignored.push(`${where}: quizBest ${preview(value)}: ${why}`);
      }
    } else if (progressTime(value, now) !== undefined) {
      clean[field] = value;
    } else {
      ignored.push(`${where}: ${field} ${preview(value)}: not an ISO 8601 date between 2020 and now`);
    }
  }
  // A date of completion says nothing when the entry does not say it is complete.
  if (clean.completed !== true && clean.completedAt !== undefined) {
    ignored.push(`${where}: completedAt without completed: true`);
    delete clean.completedAt;
  }
  return clean;
}

export interface MergeResult {
  readonly record: ProgressRecord;
  /** Skills that became complete through the import. */
  readonly newlyCompleted: readonly string[];
}

/**
 * Merges validated imported progress into the current one. Nothing is ever lost: completion only
 * grows, the better quiz score wins, the earlier dates win, revealed hints of both are kept, the learner seed stays the store's own.
 * Entries the import changes are stamped `updatedAt` (and `markedAt` when completion changed) with
 * now, so they outlive an earlier reset and win over other windows' older views.
 */
export function mergeImport(current: ProgressRecord, incoming: ProgressRecord, now: Date): MergeResult {
  const skills = new Map(current.skills);
  const newlyCompleted: string[] = [];
  for (const [skillId, theirs] of incoming.skills) {
    const ours = skills.get(skillId) ?? {};
    const merged: Record<string, unknown> = { ...ours };
    if (theirs.completed === true && ours.completed !== true) {
      newlyCompleted.push(skillId);
      merged.completed = true;
      merged.completedAt = theirs.completedAt;
    } else if (ours.completed === true) {
      merged.completedAt = earlierDate(progressDate(ours.completedAt, now), theirs.completedAt);
    }
    merged.quizBest = betterScore(ours.quizBest, theirs.quizBest);
    // A pass of either stack is a pass of the skill: exercisePassedAt is the first of any.
    const theirPass = earlierDate(theirs.exercisePassedAt, isPlainObject(theirs.exercises) ? firstImportedPass(theirs.exercises) : undefined);
    merged.exercisePassedAt = earlierDate(progressDate(ours.exercisePassedAt, now), theirPass);
    if (isPlainObject(theirs.exercises)) merged.exercises = mergeImportedExercises(ours.exercises, theirs.exercises, now);
    for (const key of ['completedAt', 'quizBest', 'exercisePassedAt']) {
      if (merged[key] === undefined) merged[key] = ours[key];
      if (merged[key] === undefined) delete merged[key];
    }
    if (canonicalJson(merged) === canonicalJson(ours)) continue;
    merged.updatedAt = now.toISOString();
    if (merged.completed !== ours.completed) merged.markedAt = merged.updatedAt;
    skills.set(skillId, merged);
  }
  const learnerSeed = current.learnerSeed ?? incoming.learnerSeed;
  return {
    record: {
      ...current,
      skills,
      quarantine: uniqueValues([...current.quarantine, ...incoming.quarantine]),
      ...(learnerSeed === undefined ? {} : { learnerSeed }),
    },
    newlyCompleted,
  };
}

/** A stored date that is junk must not beat an imported real one (nor hide it). */
function progressDate(value: unknown, now: Date): unknown {
  return progressTime(value, now) === undefined ? undefined : value;
}
