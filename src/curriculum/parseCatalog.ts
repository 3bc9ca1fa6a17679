import type { Catalog, LearningPath, Skill, Stage } from './types';
import { skillFolder } from './types';
import { ValidationErrors, isRecord, nonEmptyString, positiveInteger, stringList } from './validation';

export class CatalogError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`lessons/curriculum.json is invalid:\n- ${problems.join('\n- ')}`);
    this.name = 'CatalogError';
  }
}

const SKILL_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Validates lessons/curriculum.json and returns the typed catalog. Every problem is collected, so an
 * author sees all of them at once rather than fixing one error per run.
 */
export function parseCatalog(text: string): Catalog {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new CatalogError([`not valid JSON (${(error as Error).message})`]);
  }
  const errors = new ValidationErrors();
  if (!isRecord(raw)) throw new CatalogError(['the top level must be an object']);
  if (raw.schemaVersion !== 1) errors.add('schemaVersion must be 1');

  const path = parsePath(raw.path, errors);
  const stages = parseStages(raw.stages, errors);
  const skills = stages.flatMap((stage) => stage.skills);
  checkUniqueness(skills, errors);

  if (!errors.ok) throw new CatalogError(errors.messages);
  return { path, stages, skills };
}

function parsePath(value: unknown, errors: ValidationErrors): LearningPath {
  if (!isRecord(value)) {
    errors.add('path must be an object');
    value = {};
  }
  const record = value as Record<string, unknown>;
  return {
    id: nonEmptyString(record.id, 'path.id', errors),
    title: nonEmptyString(record.title, 'path.title', errors),
    tagline: nonEmptyString(record.tagline, 'path.tagline', errors),
    level: nonEmptyString(record.level, 'path.level', errors),
    duration: nonEmptyString(record.duration, 'path.duration', errors),
    referenceStack: nonEmptyString(record.referenceStack, 'path.referenceStack', errors),
    outcomes: stringList(record.outcomes, 'path.outcomes', errors),
  };
}

function parseStages(value: unknown, errors: ValidationErrors): Stage[] {
  if (!Array.isArray(value) || value.length === 0) {
    errors.add('stages must be a non-empty array');
    return [];
  }
  let position = 0;
  return value.map((stageValue, stageIndex) => {
    const where = `stages[${stageIndex}]`;
    const record = isRecord(stageValue) ? stageValue : {};
    if (!isRecord(stageValue)) errors.add(`${where} must be an object`);
    const id = nonEmptyString(record.id, `${where}.id`, errors);
    const title = nonEmptyString(record.title, `${where}.title`, errors);
    const skillValues = Array.isArray(record.skills) ? record.skills : [];
    if (!Array.isArray(record.skills) || skillValues.length === 0) {
      errors.add(`${where}.skills must be a non-empty array`);
    }
    const skills = skillValues.map((skillValue, skillIndex) => ({
      ...parseSkill(skillValue, `${where}.skills[${skillIndex}]`, id, errors),
      // Study order across stages: the number learners see.
      position: ++position,
    }));
    return { id, title, skills };
  });
}

function parseSkill(value: unknown, where: string, stageId: string, errors: ValidationErrors): Skill {
  const record = isRecord(value) ? value : {};
  if (!isRecord(value)) errors.add(`${where} must be an object`);
  const number = positiveInteger(record.number, `${where}.number`, errors);
  const id = nonEmptyString(record.id, `${where}.id`, errors);
  if (id && !SKILL_ID.test(id)) errors.add(`${where}.id "${id}" must be lowercase words joined by hyphens`);
  const objectives = stringList(record.objectives, `${where}.objectives`, errors);
  if (objectives.length < 3 || objectives.length > 6) {
    errors.add(`${where}.objectives must list 3 to 6 objectives`);
  }
  const reviewBy = record.reviewBy;
  if (reviewBy !== undefined && (typeof reviewBy !== 'string' || !isIsoDate(reviewBy))) {
    errors.add(`${where}.reviewBy must be a date written YYYY-MM-DD`);
  }
  return {
    number,
    position: 0,
    id,
    title: nonEmptyString(record.title, `${where}.title`, errors),
    summary: nonEmptyString(record.summary, `${where}.summary`, errors),
    minutes: positiveInteger(record.minutes, `${where}.minutes`, errors),
    objectives,
    stageId,
    folder: skillFolder({ number, id }),
    ...(typeof reviewBy === 'string' && isIsoDate(reviewBy) ? { reviewBy } : {}),
  };
}

function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

function checkUniqueness(skills: readonly Skill[], errors: ValidationErrors): void {
  const seenIds = new Set<string>();
  const seenNumbers = new Set<number>();
  for (const skill of skills) {
    if (seenIds.has(skill.id)) errors.add(`skill id "${skill.id}" is used twice`);
    if (seenNumbers.has(skill.number)) errors.add(`skill number ${skill.number} is used twice`);
    seenIds.add(skill.id);
    seenNumbers.add(skill.number);
  }
}
