// The limits checked before a lesson is parsed.
import * as assert from 'node:assert/strict';
import { LESSON_LIMITS, checkLessonLimits, describeRefusal, nestingDepth } from '../../src/lessons/lessonLimits';

type Limits = typeof LESSON_LIMITS;
/** Small limits, so each edge is cheap to reach (the type pins the real values; tests may use others). */
const limits = (values: { maxChars: number; maxNesting: number; maxBlockChars: number }) => values as unknown as Limits;
const small = limits({ maxChars: 1000, maxNesting: 3, maxBlockChars: 40 });

describe('lesson limits', () => {
  it('keeps the documented limits', () => {
    assert.deepEqual(LESSON_LIMITS, { maxChars: 200_000, maxNesting: 12, maxBlockChars: 12_000 });
  });

  it('refuses a lesson longer than the character limit, and accepts one exactly at it', () => {
    assert.equal(checkLessonLimits('a'.repeat(10), limits({ ...small, maxChars: 10, maxBlockChars: 100 })), undefined);
    assert.deepEqual(checkLessonLimits('a'.repeat(11), limits({ ...small, maxChars: 10 })), { kind: 'tooLarge', chars: 11, limit: 10 });
    assert.equal(checkLessonLimits(''), undefined);
  });

  it('counts a block from its first line, each line with its newline, until a blank line', () => {
    // 19 + 1 and 19 + 1: exactly 40 is allowed.
    const line = 'x'.repeat(19);
    assert.equal(checkLessonLimits(`${line}\n${line}`, small), undefined);
    assert.deepEqual(checkLessonLimits(`intro\n\n${line}\n${line}\nx`, small), { kind: 'blockTooLong', line: 3, chars: 42, limit: 40 });
    // A blank (or whitespace-only) line starts a new block.
    assert.equal(checkLessonLimits(`${line}\n${line}\n  \t\n${line}\n${line}`, small), undefined);
    assert.equal(
      describeRefusal({ kind: 'blockTooLong', line: 3, chars: 42, limit: 40 }),
      'the block starting on line 3 has more than 41 characters; the limit is 40',
    );
  });

  it('does not count fenced code as a block, or its lines as nesting, until the same fence closes it', () => {
    const code = Array.from({ length: 10 }, () => '> > > > > - deep-looking code line').join('\n');
    assert.equal(checkLessonLimits(`\`\`\`\n${code}\n\`\`\``, small), undefined);
    assert.equal(checkLessonLimits(`~~~~\n${code}\n~~~~`, small), undefined);
    // A shorter fence or the other fence character does not close it.
    assert.equal(checkLessonLimits(`\`\`\`\`\n${code}\n\`\`\`\n${code}\n\`\`\`\``, small), undefined);
    assert.equal(checkLessonLimits(`~~~\n${code}\n\`\`\`\n${code}\n~~~`, small), undefined);
    // After the fence closes, the text counts again (line 4 here).
    assert.deepEqual(checkLessonLimits('```\ncode\n```\n> > > > x', small), { kind: 'tooDeep', line: 4, depth: 4, limit: 3 });
    // A fence indented four spaces is code in a list, not a fence.
    assert.deepEqual(checkLessonLimits('    ```\n> > > > x', small), { kind: 'tooDeep', line: 2, depth: 4, limit: 3 });
    // A single ~ or two backticks open no fence; a text starting with an empty line is read line by line.
    assert.deepEqual(checkLessonLimits('~ not a fence\n> > > > x', small), { kind: 'tooDeep', line: 2, depth: 4, limit: 3 });
    assert.deepEqual(checkLessonLimits('`` not a fence\n> > > > x', small), { kind: 'tooDeep', line: 2, depth: 4, limit: 3 });
    assert.deepEqual(checkLessonLimits('\n> > > > x', small), { kind: 'tooDeep', line: 2, depth: 4, limit: 3 });
    // A fence resets the block count.
    const line = 'x'.repeat(30);
    assert.equal(checkLessonLimits(`${line}\n\`\`\`\nc\n\`\`\`\n${line}`, small), undefined);
  });

  it('refuses a line nested deeper than the limit, naming the line, and accepts the limit itself', () => {
    assert.equal(checkLessonLimits('a\n> > > x', small), undefined);
    assert.deepEqual(checkLessonLimits('a\n\n> > > > x', small), { kind: 'tooDeep', line: 3, depth: 4, limit: 3 });
    assert.equal(describeRefusal({ kind: 'tooDeep', line: 3, depth: 4, limit: 3 }), 'line 3 nests 4 levels deep; the limit is 3');
    // The last line counts even without a final newline, and a final newline adds nothing.
    assert.deepEqual(checkLessonLimits('a\n\n> > > > x\n', small), { kind: 'tooDeep', line: 3, depth: 4, limit: 3 });
  });

  it('counts containers and indentation the way markdown nests them', () => {
    assert.equal(nestingDepth(''), 0);
    assert.equal(nestingDepth('>'), 1);
    assert.equal(nestingDepth('>>>x'), 3, 'quotes need no space between them');
    assert.equal(nestingDepth('- '), 1);
    assert.equal(nestingDepth('-'), 1, 'a marker at the end of the line opens an (empty) item');
    assert.equal(nestingDepth('* x'), 1);
    assert.equal(nestingDepth('+\tx'), 1);
    assert.equal(nestingDepth('-x'), 0);
    assert.equal(nestingDepth('/ x'), 0);
    assert.equal(nestingDepth('1) x'), 1);
    assert.equal(nestingDepth('1.'), 1);
    assert.equal(nestingDepth('1.x'), 0);
    assert.equal(nestingDepth('1: x'), 0);
    assert.equal(nestingDepth('123456789. x'), 1, 'nine digits are a list marker');
    assert.equal(nestingDepth('1234567890. x'), 0, 'ten are not');
    assert.equal(nestingDepth('a. x'), 0);
    assert.equal(nestingDepth('. x'), 0, 'a dot needs digits before it');
    assert.equal(nestingDepth(') x'), 0);
    assert.equal(nestingDepth('\t- x'), 3, 'a tab is four columns: two levels, plus the item');
    assert.equal(nestingDepth('   - x'), 2, 'three columns are one level (rounded down), plus the item');
    assert.equal(nestingDepth('> - > x'), 3);
    assert.equal(nestingDepth('> x - y'), 1, 'markers after text do not count');
    assert.equal(nestingDepth('> x   '), 1, 'spaces after text are not indentation');
    assert.equal(nestingDepth('>   - x'), 2, 'spaces after a marker are not indentation');
  });

  it('describes each refusal for the build and the page', () => {
    assert.equal(describeRefusal({ kind: 'tooLarge', chars: 11, limit: 10 }), 'the lesson has 11 characters; the limit is 10');
    assert.equal(describeRefusal({ kind: 'tooSlow', ms: 250, limit: 100 }), 'rendering took 250 ms and was stopped; the limit is 100 ms');
  });
});
