/**
 * The stored progress record and its repair. Stored state is never wiped: anything that cannot be
 * understood is kept (unknown ids and fields as they are, unreadable values in `quarantine`), so a
 * newer version of the extension, or a person, can still recover it.
 */

export const PROGRESS_RECORD_VERSION = 1;

/** One skill's entry. Fields this version does not know are carried along untouched. */
export type SkillEntry = Readonly<Record<string, unknown>>;

export interface ProgressRecord {
  readonly version: number;
  /** Keyed by stable skill id. A Map, so hostile keys such as `__proto__` stay plain data. */
  readonly skills: ReadonlyMap<string, SkillEntry>;
  /** Values that could not be read, kept so they are not lost. */
  readonly quarantine: readonly unknown[];
  /** Top-level fields this version does not know. */
  readonly extra: ReadonlyMap<string, unknown>;
}

export interface ParsedProgress {
  readonly record: ProgressRecord;
  /** Human-readable notes about what was repaired; empty when the record was healthy. */
  readonly repairs: readonly string[];
}

export function emptyProgress(): ProgressRecord {
  return { version: PROGRESS_RECORD_VERSION, skills: new Map(), quarantine: [], extra: new Map() };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Copies own enumerable data properties into a fresh object without invoking any setter. */
function copyData(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value));
}

const KNOWN_TOP_LEVEL = new Set(['version', 'skills', 'quarantine']);

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
  if (raw.quarantine !== undefined && !Array.isArray(raw.quarantine)) quarantine.push(raw.quarantine);

  let version = raw.version;
  if (version === undefined) {
    repairs.push('The stored progress had no version; it was read as version 1.');
    version = PROGRESS_RECORD_VERSION;
  } else if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    repairs.push(`The stored progress had an invalid version (${preview(version)}); it was read as version 1 and the value kept in "quarantine".`);
    quarantine.push({ version });
    version = PROGRESS_RECORD_VERSION;
  } else if (version > PROGRESS_RECORD_VERSION) {
    repairs.push(`The stored progress was written by a newer version (${version}); fields this version does not know are kept.`);
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

  const extra = new Map<string, unknown>();
  for (const [key, value] of Object.entries(raw)) {
    if (!KNOWN_TOP_LEVEL.has(key)) extra.set(key, value);
  }
  return {
    record: { version: Math.max(version as number, PROGRESS_RECORD_VERSION), skills, quarantine, extra },
    repairs,
  };
}

/** A short, safe rendering of a stored value for a repair note (stored values can be huge). */
function preview(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = typeof value;
  }
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
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
  out.skills = Object.fromEntries(record.skills);
  if (record.quarantine.length > 0) out.quarantine = [...record.quarantine];
  return out;
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
