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
    assert.ok(unproven.problems.some((problem) => problem.includes('must follow a "php run", "js run" or "sql run" block')));
    const proven = analyseLesson(lesson('```js run\nconsole.log(1);\n```\n\n```output\n1\n```', 26), 'Title', 1);
    assert.deepEqual(proven.problems, []);
    assert.deepEqual(proven.samples.map((sample) => [sample.run, sample.expectedOutput]), [[true, '1']]);
  });

  it('allows "run" on php, js and sql blocks and "local" on bash blocks only', () => {
    const body = '```sql run\nSELECT 1;\n```\n\n```output\n1\n```\n\n```bash local\nphp -v\n```\n\n```bash run\nls\n```\n\n```php local\necho 1;\n```\n\n```js fast\n1\n```';
    const { problems, samples } = analyseLesson(lesson(body, 30), 'Title', 1);
    assert.ok(problems.some((problem) => /only php, js, sql blocks can be "run"/.test(problem)), problems.join('|'));
    assert.ok(problems.some((problem) => /only bash blocks can be "local"/.test(problem)), problems.join('|'));
    assert.ok(problems.some((problem) => /unknown code block flag "fast"/.test(problem)), problems.join('|'));
    assert.ok(!problems.some((problem) => /output block must follow/.test(problem)), problems.join('|'));
    assert.deepEqual(samples.filter((sample) => sample.language === 'sql').map((sample) => [sample.run, sample.expectedOutput]), [[true, '1']]);
  });

  it('parses json and yaml blocks, and catches the unquoted comma in a flow mapping', () => {
    const body = '```json\n{"a": 1,}\n```\n\n```yaml\nok: {a: 1}\n```\n\n```yaml\nbad: {description: Returns a page, or an error: yes\n```';
    const { problems } = analyseLesson(lesson(body, 30), 'Title', 1);
    assert.ok(problems.some((problem) => /json block does not parse/.test(problem)), problems.join('|'));
    assert.equal(problems.filter((problem) => /yaml block does not parse/.test(problem)).length, 1, problems.join('|'));
  });

  it('asks php blocks that declare file-level code to start with <?php', () => {
    const pasted = '```php\ndeclare(strict_types=1);\n\nfinal class A {}\n```';
    const fragment = '```php\n$total = array_sum($prices);\n```';
    const complete = '```php\n<?php\nnamespace App;\n\nenum Status: string {}\n```';
    assert.ok(analyseLesson(lesson(pasted, 30), 'Title', 1).problems.some((problem) => /start it with <\?php/.test(problem)));
    const problems = analyseLesson(lesson(`${fragment}\n\n${complete}`, 30), 'Title', 1).problems;
    assert.deepEqual(problems.filter((problem) => !/prose words/.test(problem)), []);
  });
});
