import * as assert from 'node:assert/strict';
import { REQUIRED_HEADINGS, analyseLesson, countProseWords, wordBudget } from '../../scripts/lint/lessonRules';

/** A lesson that satisfies every structural rule, with `words` words of prose per section. */
function lesson(body: string, words = 0): string {
  const filler = Array.from({ length: words }, () => 'word').join(' ');
  return `# Title\n\n${REQUIRED_HEADINGS.map((heading) => `## ${heading}\n\n${filler}\n`).join('\n')}\n${body}\n`;
}

describe('lesson rules (lint:lessons)', () => {
  it('computes the word budget from reading time and code lines, ±15%', () => {
    assert.deepEqual(wordBudget(30, 120), { target: 4300, min: 3655, max: 4945 });
  });

  it('counts prose words outside code blocks and ignores link targets', () => {
    assert.equal(countProseWords('One two [three](https://example.org/a-b-c)\n\n```js\nconst not = counted;\n```\nfour'), 4);
  });

  it('accepts a complete lesson within its budget', () => {
    const analysis = analyseLesson(lesson('', 30), 'Title', 1);
    assert.deepEqual(analysis.problems, []);
  });

  it('reports a wrong title, missing sections and a short lesson', () => {
    const { problems } = analyseLesson('# Other\n\n## Summary\n\nshort', 'Title', 10);
    assert.ok(problems.some((problem) => problem.includes('must start with "# Title"')));
    assert.ok(problems.some((problem) => problem.includes('missing section "## References"')));
    assert.ok(problems.some((problem) => /prose words, but 10 min/.test(problem)));
  });

  it('reports placeholders, raw HTML, unsafe links, unknown languages and long blocks', () => {
    const long = Array.from({ length: 41 }, (_, i) => `line${i}`).join('\n');
    const body = `Coming soon.\n\n<div>x</div>\n\n[x](javascript:alert(1)) [y](http://example.org)\n\n\`\`\`python\nprint(1)\n\`\`\`\n\n\`\`\`text\n${long}\n\`\`\``;
    const { problems } = analyseLesson(lesson(body, 30), 'Title', 1);
    for (const pattern of [/placeholder/, /raw HTML/, /javascript:alert/, /http:\/\/example\.org/, /language "python"/, /41 lines/]) {
      assert.ok(problems.some((problem) => pattern.test(problem)), `${pattern} in ${problems.join(' | ')}`);
    }
  });

  it('requires every output block to follow a runnable block, and pairs them', () => {
    const unproven = analyseLesson(lesson('```js\nconsole.log(1);\n```\n\n```output\n1\n```', 30), 'Title', 1);
    assert.ok(unproven.problems.some((problem) => problem.includes('must follow a "php run" or "js run" block')));
    const proven = analyseLesson(lesson('```js run\nconsole.log(1);\n```\n\n```output\n1\n```', 26), 'Title', 1);
    assert.deepEqual(proven.problems, []);
    assert.deepEqual(proven.samples.map((sample) => [sample.run, sample.expectedOutput]), [[true, '1']]);
  });
});
