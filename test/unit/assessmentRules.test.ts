import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  answerIsStrictlyLongest,
  assessExerciseObjectives,
  assessLongestTellShare,
  assessQuiz,
  assessReviewDate,
  todayIso,
} from '../../scripts/lint/assessmentRules';
import { checkMutantsLayout } from '../../scripts/lint/exerciseRules';
import { formatSqlRows, splitSqlStatements } from '../../scripts/lint/sqlStatements';
import { parseExercise } from '../../src/curriculum/parseExercise';
import { parseQuiz } from '../../src/curriculum/parseQuiz';
import type { QuizQuestion } from '../../src/curriculum/types';

function question(overrides: Partial<QuizQuestion> = {}): QuizQuestion {
  return {
    id: 'q',
    objectives: [1],
    question: 'Which?',
    choices: ['alpha', 'beta', 'gamma', 'delta'],
    answer: 1,
    explanation: 'Because.',
    feedback: ['a is wrong', null, 'g is wrong', 'd is wrong'],
    ...overrides,
  };
}

/** A question whose answer is the strictly longest choice. */
const tell = (id: string, objectives = [1]) =>
  question({ id, objectives, choices: ['a', 'the long right answer', 'b', 'c'], answer: 1 });

describe('assessment rules (lint:lessons)', () => {
  it('spots the answer that is strictly the longest choice, but not a tie', () => {
    assert.equal(answerIsStrictlyLongest(tell('x')), true);
    assert.equal(answerIsStrictlyLongest(question({ choices: ['abcd', 'wxyz'], answer: 1 })), false);
    assert.equal(answerIsStrictlyLongest(question({ choices: ['a much longer wrong', 'short'], answer: 1 })), false);
  });

  it('needs five questions that together check every objective', () => {
    const problems = assessQuiz([question({ objectives: [1, 3] }), question({ objectives: [2] })], 4).problems;
    assert.ok(problems.some((problem) => /2 questions; a lesson needs at least 5/.test(problem)), problems.join('|'));
    assert.ok(problems.some((problem) => /objective 4 is not checked/.test(problem)), problems.join('|'));
    assert.ok(!problems.some((problem) => /objective [123] is not/.test(problem)), problems.join('|'));
    const complete = [1, 2, 3, 4, 1].map((objective, index) => question({ id: `q${index}`, objectives: [objective] }));
    assert.deepEqual(assessQuiz(complete, 4).problems, []);
  });

  it('allows two length tells per lesson and refuses the third, naming the questions', () => {
    const two = [tell('t1', [1]), tell('t2', [2]), question({ id: 'a', objectives: [3] }), question({ id: 'b' }), question({ id: 'c' })];
    assert.deepEqual(assessQuiz(two, 3), { problems: [], longestTells: 2 });
    const three = [tell('t1', [1]), tell('t2', [2]), tell('t3', [3]), question({ id: 'b' }), question({ id: 'c' })];
    const { problems, longestTells } = assessQuiz(three, 3);
    assert.equal(longestTells, 3);
    assert.match(problems.join(), /strictly longest choice in 3 questions \(t1, t2, t3\)/);
  });

  it('caps the path-wide share of length tells at 25%', () => {
    assert.deepEqual(assessLongestTellShare(27, 110), []);
    assert.match(assessLongestTellShare(28, 110).join(), /28 of 110 questions \(25%\)/);
    assert.match(assessLongestTellShare(83, 110).join(), /75%/);
  });

  it('needs an exercise to practise at least 60% of the objectives, counting each valid one once', () => {
    assert.deepEqual(assessExerciseObjectives([1, 3, 5], 5), []);
    assert.match(assessExerciseObjectives([1, 3], 5).join(), /practises 2 of 5 objectives; it needs at least 3/);
    assert.match(assessExerciseObjectives([1, 1, 1, 9], 5).join(), /practises 1 of 5/);
    assert.deepEqual(assessExerciseObjectives([1, 2, 3], 4), []);
    assert.match(assessExerciseObjectives([1, 2], 4).join(), /needs at least 3/);
  });

  it('fails a lesson whose review date is missing, today or past, and passes a future one', () => {
    assert.match(assessReviewDate(undefined, '2026-12-01').join(), /no "reviewBy"/);
    assert.match(assessReviewDate('2026-12-01', '2026-12-01').join(), /has passed/);
    assert.match(assessReviewDate('2026-11-30', '2026-12-01').join(), /review date 2026-11-30 has passed/);
    assert.deepEqual(assessReviewDate('2026-12-02', '2026-12-01'), []);
    assert.equal(todayIso({ BACKEND_PATH_TODAY: '2030-01-02' }), '2030-01-02');
    assert.equal(todayIso({}, new Date('2027-03-04T23:59:00Z')), '2027-03-04');
  });
});

describe('quiz.json authoring rules (strict parsing)', () => {
  const strict = (questions: unknown[], objectiveCount = 3) => parseQuiz(JSON.stringify(questions), { strict: true, objectiveCount });
  const valid = { ...question(), id: 'valid-one' };

  it('accepts a question with id, objectives and feedback for every wrong choice', () => {
    const parsed = strict([valid, { ...valid, id: 'valid-two' }, { ...valid, id: 'valid-three' }]);
    assert.deepEqual(parsed.problems, []);
    assert.deepEqual(parsed.questions[0]?.feedback, ['a is wrong', null, 'g is wrong', 'd is wrong']);
  });

  it('requires a stable id, objective numbers and one feedback line per wrong choice', () => {
    const bare: Record<string, unknown> = { ...valid };
    for (const field of ['id', 'objectives', 'feedback']) delete bare[field];
    const problems = strict([bare, { ...valid, id: 'b' }, { ...valid, id: 'c' }]).problems.join('|');
    assert.match(problems, /question 1 id must be/);
    assert.match(problems, /question 1 objectives must list/);
    assert.match(problems, /question 1 feedback must have one entry per choice/);
  });

  it('refuses feedback on the correct choice, an empty wrong-choice feedback, unknown objectives and reused ids', () => {
    const problems = strict([
      { ...valid, id: 'a', feedback: ['x', 'right!', 'y', 'z'] },
      { ...valid, id: 'b', feedback: ['x', null, '', 'z'] },
      { ...valid, id: 'a', objectives: [4] },
    ]).problems.join('|');
    assert.match(problems, /question 1 feedback for the correct choice must be null/);
    assert.match(problems, /question 2 feedback 3 must explain the misconception/);
    assert.match(problems, /question 3 names objective 4, but the skill has 3/);
    assert.match(problems, /question id "a" is used twice/);
  });

  it('still reads older files outside strict mode, giving positional ids and empty feedback', () => {
    const old = { question: 'Q?', choices: ['a', 'b'], answer: 0, explanation: 'e' };
    const parsed = parseQuiz(JSON.stringify([old, old, old]));
    assert.deepEqual(parsed.problems, []);
    assert.deepEqual(parsed.questions.map((q) => q.id), ['q1', 'q2', 'q3']);
    assert.deepEqual(parsed.questions[0]?.feedback, [null, null]);
  });

  it('requires exercise.json objectives in strict mode, within the skill', () => {
    const base = { language: 'node', title: 'T', files: ['src/app.js'], testCommand: 'node --test' };
    assert.match(parseExercise(JSON.stringify(base), { strict: true, objectiveCount: 5 }).problems.join(), /objectives must list/);
    assert.match(parseExercise(JSON.stringify({ ...base, objectives: [1, 6] }), { strict: true, objectiveCount: 5 }).problems.join(), /objectives must list/);
    assert.deepEqual(parseExercise(JSON.stringify({ ...base, objectives: [1, 2, 2] }), { strict: true, objectiveCount: 5 }).exercise?.objectives, [1, 2]);
    assert.deepEqual(parseExercise(JSON.stringify(base)).exercise?.objectives, []);
  });
});

describe('mutant layout (exercise/mutants)', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'bp-mutants-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function mutant(name: string, spec: unknown, files: Record<string, string> = { 'src/app.js': 'x' }): void {
    mkdirSync(join(dir, name), { recursive: true });
    writeFileSync(join(dir, name, 'mutant.json'), typeof spec === 'string' ? spec : JSON.stringify(spec));
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(join(dir, name, file, '..'), { recursive: true });
      writeFileSync(join(dir, name, file), text);
    }
  }

  it('accepts three mutants, one of each kind, changing only learner files', () => {
    mutant('a', { flaw: 'Hard-codes the fixture.', objective: 1, kind: 'hard-coded' });
    mutant('b', { flaw: 'Builds SQL by concatenation.', objective: 2, kind: 'naive' });
    mutant('c', { flaw: 'Off by one at the limit.', objective: 3, kind: 'boundary' });
    assert.deepEqual(checkMutantsLayout(dir, ['src/app.js']), []);
  });

  it('refuses too few mutants, a missing kind, bad mutant.json and files the learner does not edit', () => {
    mutant('a', { flaw: 'x', objective: 1, kind: 'naive' });
    mutant('b', '{not json');
    mutant('c', { flaw: '', objective: 0, kind: 'silly' }, { 'tests/app.test.js': 'cheat' });
    const problems = checkMutantsLayout(dir, ['src/app.js']).join('|');
    assert.match(problems, /has 2 mutants/);
    assert.match(problems, /no "hard-coded" mutant/);
    assert.match(problems, /no "boundary" mutant/);
    assert.match(problems, /mutants\/b\/mutant.json is missing or not JSON/);
    assert.match(problems, /mutants\/c\/mutant.json "flaw" must be one line/);
    assert.match(problems, /mutants\/c\/mutant.json "objective"/);
    assert.match(problems, /mutants\/c\/mutant.json "kind" must be one of/);
    assert.match(problems, /mutants\/c\/tests\/app.test.js is not a file the learner edits/);
  });

  it('refuses an exercise with no mutants at all', () => {
    assert.match(checkMutantsLayout(join(dir, 'none'), ['src/app.js']).join(), /has 0 mutants/);
  });
});

describe('SQL statements', () => {
  it('splits on semicolons outside strings, comments and trigger bodies', () => {
    const script = `CREATE TABLE t (a TEXT); -- a comment; with a semicolon
INSERT INTO t VALUES ('x;y'), ("q;"); /* block; comment */
CREATE TRIGGER tr AFTER INSERT ON t BEGIN UPDATE t SET a = 'z;'; DELETE FROM t WHERE a = ''; END;
SELECT a FROM t`;
    assert.deepEqual(splitSqlStatements(script), [
      'CREATE TABLE t (a TEXT)',
      `INSERT INTO t VALUES ('x;y'), ("q;")`,
      `CREATE TRIGGER tr AFTER INSERT ON t BEGIN UPDATE t SET a = 'z;'; DELETE FROM t WHERE a = ''; END`,
      'SELECT a FROM t',
    ]);
    assert.deepEqual(splitSqlStatements(`SELECT 'it''s; fine';`), [`SELECT 'it''s; fine'`]);
  });

  it('prints rows one per line with columns joined by " | " and NULL spelled out', () => {
    assert.equal(formatSqlRows([{ a: 1, b: null }, { a: 2, b: 'x' }]), '1 | NULL\n2 | x');
  });

});
