import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCatalog } from '../../src/curriculum/parseCatalog';
import { parseQuiz } from '../../src/curriculum/parseQuiz';
import type { Catalog } from '../../src/curriculum/types';
import { ensureNode24 } from '../lib/node24.mjs';
import { root } from '../lib/runTs.mjs';
import { assessExerciseObjectives, assessLongestTellShare, assessQuiz, assessReviewDate, todayIso } from './assessmentRules';
import { checkSamples } from './codeChecks';
import { checkExerciseLayout, checkExerciseStacks, presentStacks } from './exerciseRules';
import { checkHints, lessonHeadingIds, readHintSources } from './hintRules';
import { analyseLesson } from './lessonRules';
import { compareWithSeed } from './seed';

/** Validates lessons/: metadata against the seed, lesson structure and length, code, quizzes, links, exercises. */
export async function lintLessons(options: { only?: string }): Promise<boolean> {
  const lessonsDir = join(root, 'lessons');
  const catalog: Catalog = parseCatalog(readFileSync(join(lessonsDir, 'curriculum.json'), 'utf8'));
  const report = new Map<string, string[]>();
  report.set('curriculum.json', compareWithSeed(catalog, readFileSync(join(lessonsDir, 'seed.txt'), 'utf8')));
  const folders = new Set(catalog.skills.map((skill) => skill.folder));
  const node24 = ensureNode24();
  const today = todayIso();
  let checked = 0;
  let questionCount = 0;
  let longestTells = 0;
  let exerciseCount = 0;
  let exercisesWithHints = 0;

  for (const skill of catalog.skills) {
    if (options.only && options.only !== skill.folder && options.only !== skill.id) continue;
    checked += 1;
    const dir = join(lessonsDir, skill.folder);
    const problems: string[] = [];
    report.set(skill.folder, problems);
    const lessonPath = join(dir, 'lesson.md');
    const headingIds = existsSync(lessonPath) ? lessonHeadingIds(readFileSync(lessonPath, 'utf8'), catalog) : new Set<string>();
    if (!existsSync(lessonPath)) {
      problems.push('lesson.md is missing: the panel would show "lesson in preparation"');
    } else {
      const analysis = analyseLesson(readFileSync(lessonPath, 'utf8'), skill.title, skill.minutes);
      problems.push(...analysis.problems);
      for (const folder of analysis.lessonLinks) if (!folders.has(folder)) problems.push(`links to ../${folder}/lesson.md, which is not a lesson`);
      problems.push(...(await checkSamples(analysis.samples, node24)));
      console.log(`${skill.folder}: ${analysis.proseWords} prose words (target ${analysis.budget.target}, ${analysis.budget.min}–${analysis.budget.max}), ${analysis.codeLines} code lines, ${analysis.samples.length} php/js blocks`);
    }
    problems.push(...assessReviewDate(skill.reviewBy, today));
    const objectiveCount = skill.objectives.length;
    const quizPath = join(dir, 'quiz.json');
    if (!existsSync(quizPath)) problems.push('quiz.json is missing');
    else {
      const quiz = parseQuiz(readFileSync(quizPath, 'utf8'), { strict: true, objectiveCount });
      problems.push(...quiz.problems.map((problem) => `quiz: ${problem}`));
      if (quiz.problems.length === 0) {
        const assessment = assessQuiz(quiz.questions, objectiveCount);
        problems.push(...assessment.problems.map((problem) => `quiz: ${problem}`));
        questionCount += quiz.questions.length;
        longestTells += assessment.longestTells;
      }
    }
    problems.push(...checkExerciseStacks(join(dir, 'exercise'), skill.id).map((problem) => `exercise: ${problem}`));
    for (const stack of presentStacks(join(dir, 'exercise'))) {
      const layout = checkExerciseLayout(join(dir, 'exercise', stack), objectiveCount, stack);
      problems.push(...layout.problems.map((problem) => `exercise/${stack}: ${problem}`));
      if (layout.exercise) problems.push(...assessExerciseObjectives(layout.exercise.objectives, objectiveCount).map((problem) => `exercise/${stack}: ${problem}`));
      if (layout.exercise) {
        const hintProblems = checkHints(layout.exercise.hints, { headingIds, lessonFolders: folders, ...readHintSources(join(dir, 'exercise', stack)) });
        problems.push(...hintProblems.map((problem) => `exercise/${stack}: ${problem}`));
        exercisesWithHints += layout.exercise.hints.length > 0 ? 1 : 0;
      }
      exerciseCount += 1;
    }
  }

  if (!options.only) report.set('quizzes (whole path)', assessLongestTellShare(longestTells, questionCount));
  console.log(`quizzes: ${questionCount} questions; the answer is the strictly longest choice in ${longestTells}`);
  console.log(`hints: ${exercisesWithHints} of ${exerciseCount} exercises have hints`);
  let failures = 0;
  for (const [name, problems] of report) {
    if (problems.length === 0) continue;
    failures += problems.length;
    console.error(`\n✗ ${name}`);
    for (const problem of problems) console.error(`  - ${problem}`);
  }
  console.log(`\nlint:lessons: ${checked} lessons checked, ${failures} problems`);
  return failures === 0;
}
