import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCatalog } from '../../src/curriculum/parseCatalog';
import { expectedStacks } from '../../src/curriculum/exerciseStacks';
import { parseQuiz } from '../../src/curriculum/parseQuiz';
import { parseExercise } from '../../src/curriculum/parseExercise';
import { buildPageHtml } from '../../src/lessonPanel/pageHtml';
import { ENGLISH_PAGE_LABELS } from '../../src/lessonPanel/englishLabels';
import { renderLesson } from '../../src/lessons/renderLesson';
import { catalogLinkOptions } from '../../src/lessons/prerenderLessons';
import { ENGLISH_CODE_LABELS, localiseLessonHtml } from '../../src/lessons/localiseLessonHtml';

const LABELS = ENGLISH_PAGE_LABELS;

/** Page HTML for every lesson exactly as the panel builds it, with resources under `base`. */
export function previewPages(root: string, base: string): { folder: string; html: string }[] {
  const catalog = parseCatalog(readFileSync(join(root, 'lessons', 'curriculum.json'), 'utf8'));
  return catalog.skills.map((skill, index) => {
    const dir = join(root, 'lessons', skill.folder);
    const markdown = readFileSync(join(dir, 'lesson.md'), 'utf8');
    const rendered = renderLesson(markdown, catalogLinkOptions(catalog));
    const stacks = expectedStacks(skill.id).filter((stack) => existsSync(join(dir, 'exercise', stack, 'exercise.json')));
    const exercise = stacks[0] && parseExercise(readFileSync(join(dir, 'exercise', stacks[0], 'exercise.json'), 'utf8')).exercise;
    const html = buildPageHtml(
      {
        skill, stageTitle: catalog.stages.find((stage) => stage.id === skill.stageId)?.title ?? '', position: index + 1, total: catalog.skills.length,
        complete: false, previous: catalog.skills[index - 1], next: catalog.skills[index + 1], lessonHtml: localiseLessonHtml(rendered.html, ENGLISH_CODE_LABELS, { trusted: true }),
        quiz: parseQuiz(readFileSync(join(dir, 'quiz.json'), 'utf8')).questions,
        exercise: exercise ? { title: exercise.title, stack: exercise.language, stacks } : undefined, workspaceTrusted: true, labels: LABELS,
      },
      { cspSource: base, asWebviewUri: (path) => `${base}/${path}` },
      'preview',
    );
    return { folder: skill.folder, html };
  });
}
