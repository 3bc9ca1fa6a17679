import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseExercise } from '../../src/curriculum/parseExercise';
import type { ExerciseSpec } from '../../src/curriculum/types';

export function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

/** Checks an exercise folder's layout (not its behaviour: check:exercises runs the tests). */
export function checkExerciseLayout(exerciseDir: string): { problems: string[]; exercise?: ExerciseSpec } {
  const problems: string[] = [];
  const specPath = join(exerciseDir, 'exercise.json');
  if (!existsSync(specPath)) return { problems: ['exercise/exercise.json is missing'] };
  const { exercise, problems: specProblems } = parseExercise(readFileSync(specPath, 'utf8'));
  problems.push(...specProblems);
  if (!exercise) return { problems };
  const starter = join(exerciseDir, 'starter');
  const solution = join(exerciseDir, 'solution');
  if (!existsSync(join(starter, 'README.md'))) problems.push('starter/README.md is missing');
  for (const file of exercise.files) {
    if (!existsSync(join(starter, file))) problems.push(`starter/${file} is missing`);
    if (!existsSync(join(solution, file))) problems.push(`solution/${file} is missing`);
  }
  const solutionFiles = listFiles(solution).map((path) => relative(solution, path).split('\\').join('/'));
  for (const file of solutionFiles) if (!exercise.files.includes(file)) problems.push(`solution/${file} is not listed in exercise.json files`);
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
