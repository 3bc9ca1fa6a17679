import * as assert from 'node:assert/strict';
import { LessonLibrary } from '../../src/curriculum/lessonLibrary';
import { parseCatalog } from '../../src/curriculum/parseCatalog';
import { searchSkills } from '../../src/curriculum/searchSkills';
import { QuizSession } from '../../src/lessonPanel/quizSession';
import { existsSync } from 'node:fs';
import { catalogLinkOptions } from '../../src/lessons/prerenderLessons';
import { renderLesson } from '../../src/lessons/renderLesson';
import { readRepoFile, REPO_ROOT } from './helpers';
import { join } from 'node:path';

const questions = [
  { id: 'a', objectives: [1], question: 'a', choices: ['x', 'y'], answer: 0, explanation: 'e1', feedback: [null, 'not y'] },
  { id: 'b', objectives: [2], question: 'b', choices: ['x', 'y', 'z'], answer: 2, explanation: 'e2', feedback: ['not x', 'not y', null] },
];

describe('quiz session', () => {
  it('scores the first answer to each question and finishes when all are answered', () => {
    const session = new QuizSession('s', questions);
    assert.deepEqual(session.answer('a', 1), { choice: 1, correct: false, answer: 0, explanation: 'e1', feedback: 'not y', first: true });
    // A second answer (or a replay after reload) does not change what counted.
    assert.deepEqual(session.answer('a', 0), { choice: 1, correct: false, answer: 0, explanation: 'e1', feedback: 'not y', first: false });
    assert.deepEqual(session.answer('b', 2)?.finished, { correct: 1, total: 2 });
  });

  it("gives the chosen wrong choice's own feedback, and none for the right one", () => {
    const session = new QuizSession('s', questions);
    assert.equal(session.answer('b', 0)?.feedback, 'not x');
    assert.equal(session.answer('a', 0)?.feedback, null);
    const other = new QuizSession('s', questions);
    assert.equal(other.answer('b', 1)?.feedback, 'not y');
  });

  it('ignores unknown questions and out-of-range answers, and can be reset', () => {
    const session = new QuizSession('s', questions);
    assert.equal(session.answer('nope', 0), undefined);
    assert.equal(session.answer('a', 9), undefined);
    assert.equal(session.answer('a', -1), undefined);
    assert.equal(session.answer('a', 0.5), undefined);
    session.answer('a', 1);
    session.reset();
    assert.equal(session.answered, 0);
    assert.equal(session.answer('a', 0)?.correct, true);
  });
});

describe('lesson search', () => {
  const catalog = parseCatalog(readRepoFile('lessons/curriculum.json'));
  const texts: Record<string, { headings: string[]; text: string }> = {
    'caching-strategies': { headings: [], text: 'Use stale-while-revalidate to hide latency.' },
  };

  it('ranks title matches first', () => {
    const results = searchSkills(catalog.skills, (skill) => texts[skill.id], 'sql');
    assert.equal(results[0].skill.id, 'sql-fundamentals');
  });

  it('finds words that only appear in the lesson text, with an excerpt', () => {
    const results = searchSkills(catalog.skills, (skill) => texts[skill.id], 'hide latency');
    assert.deepEqual(results.map((result) => result.skill.id), ['caching-strategies']);
    assert.match(results[0].excerpt ?? '', /stale-while-revalidate to hide latency/);
  });

  it('needs every word of the query, and returns the whole path for an empty query', () => {
    assert.deepEqual(searchSkills(catalog.skills, () => undefined, 'bcrypt zebra'), []);
    assert.equal(searchSkills(catalog.skills, () => undefined, '  ').length, 22);
  });
});

/** A library over the repository's lessons that records every file it reads. */
function recordingLibrary(): { library: LessonLibrary; reads: string[] } {
  const reads: string[] = [];
  const library = new LessonLibrary(
    {
      readText: async (path) => {
        reads.push(path);
        return existsSync(join(REPO_ROOT, path)) ? readRepoFile(path) : undefined;
      },
    },
    // Without a build (dist/lessons), lessons are rendered at run time.
    { renderMarkdown: async (markdown, catalog) => renderLesson(markdown, catalogLinkOptions(catalog)) },
  );
  return { library, reads };
}

describe('lesson library', () => {
  it('reads nothing until asked, then reads curriculum.json once and tells waiting listeners', async () => {
    const { library, reads } = recordingLibrary();
    let announced = 0;
    void library.whenLoaded().then((catalog) => (announced = catalog.skills.length));
    await new Promise((resolve) => setTimeout(resolve, 10));
    assert.deepEqual(reads, [], 'whenLoaded() alone reads nothing');
    await Promise.all([library.catalog(), library.catalog()]);
    await new Promise((resolve) => setTimeout(resolve, 0));
    assert.deepEqual(reads, ['lessons/curriculum.json']);
    assert.equal(announced, 22);
  });

  it('the tree can learn about exercises without reading lesson markdown', async () => {
    const { library, reads } = recordingLibrary();
    const catalog = await library.catalog();
    const { exercises } = await library.exercises(catalog.skills[0]);
    assert.ok(exercises.get('node')?.language === 'node', 'the Node.js exercise is loaded');
    // Both stacks the skill may have are looked up, nothing else of the lesson.
    assert.deepEqual(reads, [
      'lessons/curriculum.json',
      'lessons/01-http-fundamentals/exercise/php/exercise.json',
      'lessons/01-http-fundamentals/exercise/node/exercise.json',
    ]);
    const content = await library.content(catalog.skills[0]);
    assert.match(content.rendered?.html ?? '', /<h1 id="h-http-fundamentals">HTTP Fundamentals<\/h1>/);
    assert.equal(reads.filter((path) => path.endsWith('exercise.json')).length, 2, 'each exercise.json is read once');
  });
});
