/**
 * The stored progress record and its repair. Stored state is never wiped: anything that cannot be
 * understood is kept (unknown ids and fields as they are, unreadable values in `quarantine`), so a
 * newer version of the extension, or a person, can still recover it. Repairs happen in memory only;
 * they reach storage with the next real change.
 */
import { canonicalJson, isLearnerSeed, isoTime, preview, uniqueValues } from './progressValues';

export const PROGRESS_RECORD_VERSION = 1;

/**
 * The synced record is kept small: Settings Sync carries it to every machine. A write that would
 * grow it past this is refused (22 skills take about 6 KB).
 */
export const MAX_RECORD_BYTES = 64 * 1024;

/**
 * One skill's entry: `completed`, `completedAt`, `quizBest` ({correct, total, at}), `exercisePassedAt`,
 * and the stamps the merge across windows orders by: `markedAt` (last tick or untick) and `updatedAt`
 * (last change of any kind). Fields this version does not know are carried along untouched.
 */
export type SkillEntry = Readonly<Record<string, unknown>>;

export interface ProgressRecord {
  readonly version: number;
  /** Keyed by stable skill id. A Map, so hostile keys such as `__proto__` stay plain data. */
  readonly skills: ReadonlyMap<string, SkillEntry>;
  /** Values that could not be read, kept so they are not lost. */
  readonly quarantine: readonly unknown[];
  /** Top-level fields this version does not know. */
  readonly extra: ReadonlyMap<string, unknown>;
  /** Random, made once per learner; orders quiz choices. Reset and Import keep it. */
  readonly learnerSeed?: string;
  /** When progress was last reset: entries changed before it belong to the old progress. */
  readonly resetAt?: string;
}

export interface ParsedProgress {
  readonly record: ProgressRecord;
  /** Human-readable notes about what was repaired; empty when the record was healthy. */
  readonly repairs: readonly string[];
  /** Set when a newer version of the extension wrote the record: read it, never write it. */
  readonly newerVersion?: number;
}

export function emptyProgress(): ProgressRecord {
  return { version: PROGRESS_RECORD_VERSION, skills: new Map(), quarantine: [], extra: new Map() };
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Copies own enumerable data properties into a fresh object without invoking any setter. */
function copyData(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value));
}

const KNOWN_TOP_LEVEL = new Set(['version', 'skills', 'quarantine', 'learnerSeed', 'resetAt']);

export function parseProgressRecord(raw: unknown): ParsedProgress {
  if (raw === undefined || raw === null) return { record: emptyProgress(), repairs: [] };
  if (!isPlainObject(raw)) {
    return {
      record: { ...emptyProgress(), quarantine: [raw] },
      repairs: ['The stored progress was not a record; it was set aside in "quarantine" and a fresh record started.'],
    };
  }
  const repairs: string[] = [];
  const quarantine: unknown[] = Array.isArray(raw.quarantine) ? [...raw.quarantine] : [];
  if (raw.quarantine !== undefined && !Array.isArray(raw.quarantine)) {
    repairs.push('The stored quarantine was not a list; its value was kept in the list.');
    quarantine.push(raw.quarantine);
  }

  let version = raw.version;
  let newerVersion: number | undefined;
  if (version === undefined) {
    repairs.push('The stored progress had no version; it was read as version 1.');
    version = PROGRESS_RECORD_VERSION;
  } else if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 1) {
    repairs.push(`The stored progress had an invalid version (${preview(version)}); it was read as version 1 and the value kept in "quarantine".`);
    quarantine.push({ version });
    version = PROGRESS_RECORD_VERSION;
  } else if (version > PROGRESS_RECORD_VERSION) {
    newerVersion = version;
  }

  const skills = new Map<string, SkillEntry>();
  if (isPlainObject(raw.skills)) {
    for (const [skillId, entry] of Object.entries(raw.skills)) {
      const repaired = repairEntry(skillId, entry, repairs, quarantine);
      if (repaired) skills.set(skillId, repaired);
      else quarantine.push({ skillId, value: entry });
    }
  } else if (raw.skills !== undefined) {
    repairs.push('The stored skills were not a record; they were set aside in "quarantine".');
    quarantine.push({ skills: raw.skills });
  }

  let learnerSeed: string | undefined;
  if (isLearnerSeed(raw.learnerSeed)) learnerSeed = raw.learnerSeed;
  else if (raw.learnerSeed !== undefined) {
    repairs.push(`The stored learner seed was not valid (${preview(raw.learnerSeed)}); it was kept in "quarantine".`);
    quarantine.push({ learnerSeed: raw.learnerSeed });
  }
  let resetAt: string | undefined;
  if (isoTime(raw.resetAt) !== undefined) resetAt = raw.resetAt as string;
  else if (raw.resetAt !== undefined) {
    repairs.push(`The stored reset date was not a date (${preview(raw.resetAt)}); it was kept in "quarantine".`);
    quarantine.push({ resetAt: raw.resetAt });
  }

  const extra = new Map<string, unknown>();
  for (const [key, value] of Object.entries(raw)) {
    if (!KNOWN_TOP_LEVEL.has(key)) extra.set(key, value);
  }
  const record: ProgressRecord = {
    version: version as number,
    skills,
    quarantine: uniqueValues(quarantine),
    extra,
    ...(learnerSeed === undefined ? {} : { learnerSeed }),
    ...(resetAt === undefined ? {} : { resetAt }),
  };
  return newerVersion === undefined ? { record, repairs } : { record, repairs, newerVersion };
}

function repairEntry(skillId: string, entry: unknown, repairs: string[], quarantine: unknown[]): SkillEntry | undefined {
  if (typeof entry === 'boolean') {
    // An early shape stored a bare flag per skill.
    repairs.push(`Progress for "${preview(skillId)}" was a bare flag; it was converted to an entry.`);
    return { completed: entry };
  }
  if (!isPlainObject(entry)) {
    repairs.push(`Progress for "${preview(skillId)}" was unreadable; it was set aside in "quarantine".`);
    return undefined;
  }
  const copy = copyData(entry);
  if (copy.completed !== undefined && typeof copy.completed !== 'boolean') {
    repairs.push(`Progress for "${preview(skillId)}" had a non-boolean "completed"; the value was kept in "quarantine".`);
    quarantine.push({ skillId, completed: copy.completed });
    copy.completed = false;
  }
  return copy;
}

export function serializeProgressRecord(record: ProgressRecord): Record<string, unknown> {
  const out: Record<string, unknown> = Object.fromEntries(record.extra);
  out.version = record.version;
  if (record.learnerSeed !== undefined) out.learnerSeed = record.learnerSeed;
  if (record.resetAt !== undefined) out.resetAt = record.resetAt;
  out.skills = Object.fromEntries(record.skills);
  if (record.quarantine.length > 0) out.quarantine = [...record.quarantine];
  return out;
}

/** The record's size as Settings Sync would carry it. */
export function recordBytes(record: ProgressRecord): number {
  return Buffer.byteLength(JSON.stringify(serializeProgressRecord(record)), 'utf8');
}

/** Equal in meaning: the same serialized record up to key order. */
export function sameRecord(a: ProgressRecord, b: ProgressRecord): boolean {
  return canonicalJson(serializeProgressRecord(a)) === canonicalJson(serializeProgressRecord(b));
}

export function isEntryComplete(entry: SkillEntry | undefined): boolean {
  return entry?.completed === true;
}

export function quizBestOf(entry: SkillEntry | undefined): { correct: number; total: number } | undefined {
  const best = entry?.quizBest;
  if (!isPlainObject(best)) return undefined;
  const { correct, total } = best;
  if (typeof correct !== 'number' || typeof total !== 'number') return undefined;
  return { correct, total };
}
