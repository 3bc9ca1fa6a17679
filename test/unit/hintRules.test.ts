import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseExercise } from '../../src/curriculum/parseExercise';
import { MAX_HINT_CHARS, isHintId } from '../../src/curriculum/parseHints';
import type { Catalog, ExerciseHint } from '../../src/curriculum/types';
import type { HintContext } from '../../scripts/lint/hintRules';
import { MIN_LEAKED_LINE_CHARS, checkHints, lessonHeadingIds, readHintSources } from '../../scripts/lint/hintRules';

const BASE = { language: 'node', title: 'T', files: ['src/app.js'], testCommand: 'node --test', objectives: [1] };
const HINTS = [
  { id: 'revisit-status-codes', section: 'status-codes', text: 'Revisit *Status codes*.', tests: ['answers 201 on POST'] },
  { id: 'route-then-method', text: 'Route on the path first, then on the method.' },
  { id: 'allow-header-fragment', text: 'A fragment:\n\n```js\nreply(405);\n```' },
];
const parse = (hints: unknown, strict = true) => parseExercise(JSON.stringify({ ...BASE, hints }), { strict, objectiveCount: 3 });
const problemsOf = (hints: unknown, strict = true) => parse(hints, strict).problems.join('\n');

describe('exercise hints (parse)', () => {
  it('parses well-formed hints in order, with tests defaulting to none', () => {
    const { exercise, problems } = parse(HINTS);
    assert.deepEqual(problems, []);
    assert.deepEqual(exercise?.hints, [
      { id: 'revisit-status-codes', section: 'status-codes', text: 'Revisit *Status codes*.', tests: ['answers 201 on POST'] },
      { id: 'route-then-method', text: 'Route on the path first, then on the method.', tests: [] },
      { id: 'allow-header-fragment', text: 'A fragment:\n\n```js\nreply(405);\n```', tests: [] },
    ]);
  });

  it('strict: hints are required, 2 to 4 of them, the first with a section', () => {
    assert.match(problemsOf(undefined), /hints are missing: every exercise offers 2–4 hints/);
    assert.match(problemsOf(HINTS.slice(0, 1)), /has 1 hints; it needs 2–4/);
    assert.match(problemsOf([...HINTS, { id: 'four', text: 'x' }, { id: 'five', text: 'y' }]), /has 5 hints; it needs 2–4/);
    assert.match(problemsOf([HINTS[1], HINTS[0]]), /hints\[0\] needs a "section"/);
    assert.deepEqual(parse(HINTS.slice(0, 2)).problems, []);
    assert.deepEqual(parse([...HINTS, { id: 'four', text: 'x' }]).problems, []);
  });

  it('outside strict mode a missing list is none, and bad hints are left out without withholding the exercise', () => {
    assert.deepEqual(parse(undefined, false).exercise?.hints, []);
    assert.deepEqual(parse(undefined, false).problems, []);
    const mixed = parse([HINTS[0], { id: 'Bad Id', text: 'x' }], false);
    assert.deepEqual(mixed.exercise?.hints.map((hint) => hint.id), ['revisit-status-codes']);
    assert.match(mixed.problems.join(), /hints\[1\] id must be lowercase kebab-case/);
  });

  it('refuses malformed hints, each with a message naming it', () => {
    const cases: [unknown, RegExp][] = [
      ['not a list', /hints must be a list/],
      [[HINTS[0], 'x'], /hints\[1\] must be an object/],
      [[HINTS[0], { id: 'UPPER', text: 'x' }], /hints\[1\] id must be lowercase kebab-case/],
      [[HINTS[0], { id: 'a'.repeat(65), text: 'x' }], /hints\[1\] id must be lowercase kebab-case, at most 64/],
      [[HINTS[0], { id: 'revisit-status-codes', text: 'again' }], /id "revisit-status-codes" is used twice/],
      [[HINTS[0], { id: 'b', text: '  ' }], /hints\[1\] text must be non-empty/],
      [[HINTS[0], { id: 'b', text: 'x'.repeat(MAX_HINT_CHARS + 1) }], /has 801 characters; at most 800/],
      [[HINTS[0], { id: 'b', text: 'x', section: 'has spaces' }], /section must be the slug of a lesson heading/],
      [[HINTS[0], { id: 'b', text: 'x', tests: 'one' }], /tests must be a list of test names/],
      [[HINTS[0], { id: 'b', text: 'x', tests: [3] }], /tests must be a list of test names/],
      [[HINTS[0], { id: 'b', text: 'x', solution: 'all of it' }], /unknown field "solution"/],
    ];
    for (const [hints, expected] of cases) assert.match(problemsOf(hints), expected, JSON.stringify(hints).slice(0, 80));
    assert.equal(parse([...HINTS.slice(0, 2), { id: 'c', text: 'x'.repeat(MAX_HINT_CHARS) }]).problems.length, 0, '800 characters is allowed');
    assert.ok(isHintId('a-1') && !isHintId('a_1') && !isHintId('a--1'));
  });
});

const CONTEXT: HintContext = {
  headingIds: new Set(['h-status-codes', 'h-methods']),
  lessonFolders: new Set(['01-http-fundamentals']),
  testSources: ["test('answers 201 on POST', async () => {});\n", 'public function testRejectsAnExpiredToken(): void {}'],
  solutionSources: ["  if (!handlers[method]) return reply(405, { Allow: names });\n  return ok;\n"],
};
const hint = (fields: Partial<ExerciseHint>): ExerciseHint => ({ id: 'h', text: 'Think about it.', tests: [], ...fields });

describe('hint rules (lint:lessons)', () => {
  it('accepts hints that follow every rule', () => {
    const hints = [
      hint({ id: 'concept', section: 'status-codes', text: 'Revisit [methods](#methods) and [the lesson](../01-http-fundamentals/lesson.md#h-methods) or [RFC 9110](https://www.rfc-editor.org/rfc/rfc9110).', tests: ['answers 201 on POST', 'testRejectsAnExpiredToken'] }),
      hint({ id: 'fragment', text: '```js\nif (!handlers[method]) return reply(405, …);\n```' }),
    ];
    assert.deepEqual(checkHints(hints, CONTEXT), []);
  });

  it('the section must be a heading of the lesson', () => {
    assert.match(checkHints([hint({ section: 'status-code' })], CONTEXT).join(), /section "status-code" is not a heading of the lesson/);
    assert.deepEqual(checkHints([hint({ section: 'status-codes' })], CONTEXT), []);
  });

  it('every test named must occur in the starter\'s test files', () => {
    assert.match(checkHints([hint({ tests: ['answers 202 on POST'] })], CONTEXT).join(), /test "answers 202 on POST" does not occur/);
  });

  it('finds a test whose title is written with escaped quotes, and only that title', () => {
    const context = { ...CONTEXT, testSources: ["test('keeps the caller\\'s id', () => {});\ntest(\"says \\\"no\\\" to C:\\\\temp\", () => {});\n"] };
    assert.deepEqual(checkHints([hint({ tests: ["keeps the caller's id", 'says "no" to C:\\temp'] })], context), []);
    assert.match(checkHints([hint({ tests: ["keeps the callers' id"] })], context).join(), /does not occur/);
  });

  it('no hint repeats a solution line of 24 characters or more, whatever its indentation', () => {
    const leak = hint({ text: 'Like this:\n\n```js\n    if (!handlers[method]) return reply(405, { Allow: names });\n```' });
    assert.match(checkHints([leak], CONTEXT).join(), /repeats a line of the solution verbatim/);
    const short = 'return ok;';
    assert.ok(short.length < MIN_LEAKED_LINE_CHARS);
    assert.deepEqual(checkHints([hint({ text: `End with \`${short}\`` })], CONTEXT), [], 'short common lines are not leaks');
  });

  it('links follow the lesson link policy and resolve; raw HTML is refused', () => {
    const cases: [string, RegExp][] = [
      ['[x](http://example.com)', /link "http:\/\/example.com" is not allowed/],
      ['[x](javascript:alert(1))', /is not allowed/],
      ['[x](#nowhere)', /link "#nowhere" is not a heading of the lesson/],
      ['[x](../99-nothing/lesson.md)', /link "..\/99-nothing\/lesson.md" is not a lesson/],
      ['- a list with [a bad link](ftp://x)', /link "ftp:\/\/x" is not allowed/],
      ['<img src=x onerror=alert(1)>', /raw HTML/],
    ];
    for (const [text, expected] of cases) assert.match(checkHints([hint({ text })], CONTEXT).join(), expected, text);
  });
});

describe('hint rule inputs', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'bp-hints-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  };

  it('reads the starter\'s tests (not its bootstrap or code) and the solution', () => {
    write('starter/tests/app.test.js', 'node test');
    write('starter/tests/Unit/AppTest.php', 'php test');
    write('starter/tests/bootstrap.php', 'bootstrap');
    write('starter/src/app.js', 'starter code');
    write('solution/src/app.js', 'solution code');
    const sources = readHintSources(dir);
    assert.deepEqual([...sources.testSources].sort(), ['node test', 'php test']);
    assert.deepEqual(sources.solutionSources, ['solution code']);
  });

  it('takes heading ids from the lesson renderer', () => {
    const catalog = { skills: [] } as unknown as Catalog;
    const ids = lessonHeadingIds('# Title\n\n## Status codes say what happened\n\n## Status codes say what happened\n', catalog);
    assert.deepEqual([...ids], ['h-title', 'h-status-codes-say-what-happened', 'h-status-codes-say-what-happened-1']);
  });
});
