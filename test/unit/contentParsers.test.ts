import * as assert from 'node:assert/strict';
import { isSafeRelativePath, parseExercise } from '../../src/curriculum/parseExercise';
import { parseQuiz } from '../../src/curriculum/parseQuiz';

const question = { question: 'Q?', choices: ['a', 'b', 'c'], answer: 1, explanation: 'Because b.' };

describe('quiz.json parsing', () => {
  it('accepts three well-formed questions', () => {
    const parsed = parseQuiz(JSON.stringify([question, question, question]));
    assert.deepEqual(parsed.problems, []);
    assert.equal(parsed.questions.length, 3);
  });

  it('needs at least three questions', () => {
    assert.match(parseQuiz(JSON.stringify([question])).problems.join(), /at least 3 questions/);
  });

  it('refuses an answer index outside the choices, duplicate choices and multi-line explanations', () => {
    const bad = [
      { ...question, answer: 3 },
      { ...question, choices: ['a', 'a'] },
      { ...question, explanation: 'two\nlines' },
    ];
    const { problems, questions } = parseQuiz(JSON.stringify(bad));
    assert.deepEqual(questions, []);
    assert.ok(problems.some((problem) => /question 1 answer must be the zero-based index/.test(problem)));
    assert.ok(problems.some((problem) => /question 2 has duplicate choices/.test(problem)));
    assert.ok(problems.some((problem) => /question 3 explanation must be one line/.test(problem)));
  });
});

describe('exercise.json parsing', () => {
  it('accepts a node exercise', () => {
    const parsed = parseExercise(JSON.stringify({ language: 'node', title: 'T', files: ['src/app.js'], testCommand: 'node --test' }));
    assert.deepEqual(parsed.problems, []);
    assert.equal(parsed.exercise?.files[0], 'src/app.js');
  });

  it('refuses paths that leave the exercise and mismatched test commands', () => {
    const parsed = parseExercise(JSON.stringify({ language: 'php', title: 'T', files: ['../etc/passwd', '/abs'], testCommand: 'rm -rf /' }));
    assert.equal(parsed.exercise, undefined);
    assert.ok(parsed.problems.some((problem) => problem.includes('"../etc/passwd" must be a relative path')));
    assert.ok(parsed.problems.some((problem) => problem.includes('"/abs" must be a relative path')));
    assert.ok(parsed.problems.some((problem) => problem.includes('testCommand must be "phpunit"')));
  });

  it('knows which relative paths are safe', () => {
    assert.equal(isSafeRelativePath('src/app.js'), true);
    for (const unsafe of ['', '/x', '../x', 'a/../../x', 'a//b', './a', 'C:/x', 'a\\b']) {
      assert.equal(isSafeRelativePath(unsafe), false, unsafe);
    }
  });
});
