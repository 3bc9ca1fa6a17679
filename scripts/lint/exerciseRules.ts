import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseExercise } from '../../src/curriculum/parseExercise';
import { EXERCISE_STACKS, expectedStacks } from '../../src/curriculum/exerciseStacks';
import type { ExerciseLanguage, ExerciseSpec } from '../../src/curriculum/types';

/** The stack folders (exercise/php, exercise/node) that exist for a skill. */
export function presentStacks(exerciseRoot: string): ExerciseLanguage[] {
  return EXERCISE_STACKS.filter((stack) => existsSync(join(exerciseRoot, stack, 'exercise.json')));
}

/** Every skill has its exercise in each stack it expects, and nothing else sits in exercise/. */
export function checkExerciseStacks(exerciseRoot: string, skillId: string): string[] {
  const problems: string[] = [];
  const expected = expectedStacks(skillId);
  for (const stack of expected) if (!existsSync(join(exerciseRoot, stack, 'exercise.json'))) problems.push(`exercise/${stack}/exercise.json is missing (this skill has an exercise in ${expected.join(' and ')})`);
  if (existsSync(exerciseRoot)) {
    for (const name of readdirSync(exerciseRoot)) {
      if (!(expected as readonly string[]).includes(name)) problems.push(`exercise/${name} is not expected: this skill's exercise folders are ${expected.map((stack) => `exercise/${stack}/`).join(' and ')}`);
    }
  }
  return problems;
}

export function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

/** Checks an exercise folder's layout (not its behaviour: check:exercises runs the tests). */
export function checkExerciseLayout(exerciseDir: string, objectiveCount?: number, stack?: ExerciseLanguage): { problems: string[]; exercise?: ExerciseSpec } {
  const problems: string[] = [];
  const specPath = join(exerciseDir, 'exercise.json');
  if (!existsSync(specPath)) return { problems: ['exercise.json is missing'] };
  const { exercise, problems: specProblems } = parseExercise(readFileSync(specPath, 'utf8'), { strict: true, objectiveCount });
  problems.push(...specProblems);
  if (!exercise) return { problems };
  if (stack && exercise.language !== stack) problems.push(`exercise.json language is "${exercise.language}" but the folder is exercise/${stack}/`);
  const starter = join(exerciseDir, 'starter');
  const solution = join(exerciseDir, 'solution');
  if (!existsSync(join(starter, 'README.md'))) problems.push('starter/README.md is missing');
  for (const file of exercise.files) {
    if (!existsSync(join(starter, file))) problems.push(`starter/${file} is missing`);
    if (!existsSync(join(solution, file))) problems.push(`solution/${file} is missing`);
  }
  const solutionFiles = listFiles(solution).map((path) => relative(solution, path).split('\\').join('/'));
  for (const file of solutionFiles) if (!exercise.files.includes(file)) problems.push(`solution/${file} is not listed in exercise.json files`);
  problems.push(...checkMutantsLayout(join(exerciseDir, 'mutants'), exercise.files));
  const forbidden = listFiles(starter).filter((path) => /(^|\/)(node_modules|vendor)\//.test(relative(starter, path)) || /composer\.lock$|\.sqlite$/.test(path));
  for (const path of forbidden) problems.push(`starter must not ship ${relative(exerciseDir, path)}`);
  if (exercise.language === 'node') {
    const manifestPath = join(starter, 'package.json');
    if (!existsSync(manifestPath)) problems.push('starter/package.json is missing');
    else {
      const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { type?: string; engines?: { node?: string }; dependencies?: Record<string, string> };
      if (manifest.type !== 'module') problems.push('starter/package.json must set "type": "module"');
      if (!/>=\s*22/.test(String(manifest.engines?.node ?? ''))) problems.push('starter/package.json must require "engines": {"node": ">=22"}');
      if (manifest.dependencies && Object.keys(manifest.dependencies).length > 0) problems.push('starter/package.json must have no dependencies');
    }
  } else {
    for (const file of ['composer.json', 'phpunit.xml', 'tests/bootstrap.php']) {
      if (!existsSync(join(starter, file))) problems.push(`starter/${file} is missing`);
    }
  }
  return { problems, exercise };
}

export const MUTANT_KINDS = ['hard-coded', 'naive', 'boundary'] as const;
export const MIN_MUTANTS = 3;

export interface MutantSpec {
  readonly name: string;
  readonly dir: string;
  readonly flaw: string;
  readonly objective: number;
  readonly kind: (typeof MUTANT_KINDS)[number];
}

/** Reads mutants/<name>/mutant.json for every mutant; problems name the mutant and the field. */
export function readMutants(mutantsDir: string): { mutants: MutantSpec[]; problems: string[] } {
  const problems: string[] = [];
  const mutants: MutantSpec[] = [];
  if (!existsSync(mutantsDir)) return { mutants, problems };
  for (const name of readdirSync(mutantsDir).sort()) {
    const dir = join(mutantsDir, name);
    if (!statSync(dir).isDirectory()) {
      problems.push(`mutants/${name} must be a folder`);
      continue;
    }
    const specPath = join(dir, 'mutant.json');
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(specPath, 'utf8'));
    } catch (error) {
      problems.push(`mutants/${name}/mutant.json is missing or not JSON (${(error as Error).message.split('\n')[0]})`);
      continue;
    }
    const record = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
    const flaw = typeof record.flaw === 'string' ? record.flaw.trim() : '';
    const objective = record.objective;
    const kind = record.kind;
    if (flaw === '' || flaw.includes('\n')) problems.push(`mutants/${name}/mutant.json "flaw" must be one line describing the deliberate flaw`);
    if (typeof objective !== 'number' || !Number.isInteger(objective) || objective < 1) {
      problems.push(`mutants/${name}/mutant.json "objective" must be the number (1-based) of the objective the flaw violates`);
    }
    if (!MUTANT_KINDS.includes(kind as MutantSpec['kind'])) problems.push(`mutants/${name}/mutant.json "kind" must be one of ${MUTANT_KINDS.join(', ')}`);
    mutants.push({ name, dir, flaw, objective: Number(objective), kind: kind as MutantSpec['kind'] });
  }
  return { mutants, problems };
}

/** At least three mutants, one of each kind, each overlaying only files the learner edits. */
export function checkMutantsLayout(mutantsDir: string, learnerFiles: readonly string[]): string[] {
  const { mutants, problems } = readMutants(mutantsDir);
  if (mutants.length < MIN_MUTANTS) problems.push(`has ${mutants.length} mutants in exercise/mutants/; it needs at least ${MIN_MUTANTS} plausible wrong solutions`);
  for (const kind of MUTANT_KINDS) {
    if (mutants.length > 0 && !mutants.some((mutant) => mutant.kind === kind)) problems.push(`has no "${kind}" mutant`);
  }
  for (const mutant of mutants) {
    const files = listFiles(mutant.dir)
      .map((path) => relative(mutant.dir, path).split('\\').join('/'))
      .filter((file) => file !== 'mutant.json');
    if (files.length === 0) problems.push(`mutants/${mutant.name} changes no file`);
    for (const file of files) {
      if (!learnerFiles.includes(file)) problems.push(`mutants/${mutant.name}/${file} is not a file the learner edits (exercise.json "files")`);
    }
  }
  return problems;
}
