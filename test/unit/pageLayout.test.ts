// The lesson page's layout rules that pageHtml.test.ts does not pin down: where the exercise card
// goes, which buttons are enabled, how labels are filled. Each test reads the part it is about.
import * as assert from 'node:assert/strict';
import type { Skill } from '../../src/curriculum/types';
import type { PageLabels, PageModel } from '../../src/lessonPanel/pageHtml';
import { between, labelsWith, testPage } from './pageTestKit';

const skill: Skill = { number: 3, position: 4, id: 'rest-basics', title: 'REST Basics', summary: 'Resources.', minutes: 30, objectives: ['One', 'Two'], stageId: 'foundation', folder: '03-rest-basics' };
const FILLED: Partial<Record<keyof PageLabels, string>> = { table: 'Table {number}', quizBest: 'Best {correct}/{total}', skillOf: 'Skill {position} of {total}' };
const labels = labelsWith(FILLED);
const question = (id: string, choices: string[]) => ({ id, objectives: [1], question: `Q ${id}`, choices, answer: 0, explanation: 'e', feedback: choices.map(() => null) });

function page(overrides: Partial<PageModel> = {}): string {
  return testPage(skill, { stageTitle: 'Foundation', labels }, overrides);
}


describe('lesson page layout', () => {
  it('opens at the top with render 0 when no anchor or render is given', () => {
    assert.match(page(), /<body data-skill-id="rest-basics" data-render="0">/);
  });

  it('has no quiz section when the lesson has no quiz, and one per question otherwise, numbered from 1', () => {
    assert.doesNotMatch(page(), /bp-quiz/);
    const html = page({ quiz: [question('first', ['a', 'b']), question('second', ['c'])] });
    assert.match(html, /data-questions="2"/);
    assert.match(html, /<legend>1\. Q first<\/legend>/);
    assert.match(html, /<legend>2\. Q second<\/legend>/);
  });

  it('shows the choices in file order when no order is given, and the best score filled in', () => {
    const html = page({ quiz: [question('q', ['zero', 'one'])], quizBest: { correct: 1, total: 2 } });
    assert.deepEqual([...html.matchAll(/data-question-id="q" data-choice="(\d)">([a-z]+)</g)].map((match) => match[2]), ['zero', 'one']);
    assert.match(html, /<p id="bp-quiz-best" class="quiz-best">Best 1\/2<\/p>/);
    assert.match(page({ quiz: [question('q', ['zero'])] }), /<p id="bp-quiz-best" class="quiz-best"><\/p>/);
  });

  it('disables Back and Forward when there is no history, and says the lesson is not complete yet', () => {
    const html = page();
    assert.match(html, /id="bp-back"[^>]*disabled>/);
    assert.match(html, /id="bp-forward"[^>]*disabled>/);
    assert.match(html, /<span id="bp-completion-status" class="status todo"[^>]*>\[notCompleted\]<\/span>/);
    assert.match(html, /id="bp-complete-toggle"[^>]*data-complete="false"[^>]*>\[markComplete\]<\/vscode-button>/);
    assert.match(html, /<p class="eyebrow">Skill 4 of 22 · Foundation<\/p>/);
  });

  it('leaves a placeholder where there is no previous or next lesson', () => {
    const footer = between(page(), '<footer', '</footer>');
    assert.doesNotMatch(footer, /data-action="navigate"/);
    assert.equal(footer.match(/<span><\/span>/g)?.length, 2);
  });

  it('numbers each table region, so every landmark has its own name', () => {
    const html = page({ lessonHtml: '<table><tr><td>a</td></tr></table><p>x</p><table><tr><td>b</td></tr></table>' });
    assert.deepEqual([...html.matchAll(/aria-label="(Table \d)"><table>/g)].map((match) => match[1]), ['Table 1', 'Table 2']);
  });

  it('keeps a tabindex a <pre> already has, wherever it is among the attributes', () => {
    const html = page({ lessonHtml: '<pre class="output" tabindex="-1"><code>b</code></pre>' });
    assert.match(html, /<pre class="output" tabindex="-1">/);
    assert.equal(html.match(/tabindex/g)?.length, 1);
  });

  it('adds no exercise card when the skill has no exercise', () => {
    assert.doesNotMatch(page({ lessonHtml: '<h2 id="h-exercise">Exercise</h2><p>x</p>' }), /bp-exercise/);
    assert.doesNotMatch(page({ lessonHtml: undefined }), /bp-exercise/);
  });

  it('replaces an Exercise section (any heading id starting with exercise) up to the next section, keeping its heading and text', () => {
    const lessonHtml = '<h1 id="h-t">T</h1>\n<h2 id="h-exercise-build-it">Exercise: build\n<code>it</code></h2>\n<p>Steps.</p>\n<h2 id="h-next">Next</h2>\n<p>After.</p>';
    const html = page({ lessonHtml, exercise: { title: 'Health', stack: 'php', stacks: ['php'] } });
    const card = between(html, '<section class="exercise"', '</section>');
    assert.match(card, /aria-labelledby="h-exercise-build-it"/);
    assert.match(card, /<h2 id="h-exercise-build-it">Exercise: build\n<code>it<\/code><\/h2>/);
    assert.match(card, /<p>Steps\.<\/p>/);
    assert.doesNotMatch(card, /After\./);
    assert.equal(html.match(/Steps\./g)?.length, 1, 'the section moved into the card, not copied');
    assert.ok(html.indexOf('id="h-next"') > html.indexOf('</section>'), 'the next section follows the card');
    assert.match(card, /<span class="exercise-language" data-stack="php">PHP · PHPUnit<\/span>/);
  });

  it('takes everything after an Exercise section that ends the lesson into the card', () => {
    const html = page({ lessonHtml: '<h1 id="h-t">T</h1><h2 id="h-exercise">Exercise</h2><p>Last words.</p>', exercise: { title: 'Health', stack: 'node', stacks: ['node'] } });
    const card = between(html, '<section class="exercise"', '</section>');
    assert.match(card, /Last words\./);
    assert.equal(html.match(/Last words\./g)?.length, 1);
    assert.match(card, /<span class="exercise-language" data-stack="node">Node\.js · node:test<\/span>/);
  });

  it('ends the lesson with a card of its own heading when there is no Exercise section, also in preparation', () => {
    for (const lessonHtml of ['<h1 id="h-t">T</h1><h2 id="h-more">Not it</h2>', undefined]) {
      const html = page({ lessonHtml, exercise: { title: 'Health', stack: 'node', stacks: ['node'] } });
      const card = between(html, '<section class="exercise"', '</section>');
      assert.match(card, /aria-labelledby="bp-exercise-heading"/);
      assert.match(card, /<h2 id="bp-exercise-heading">\[exerciseHeading\]<\/h2>/);
      assert.match(card, /<strong>Health<\/strong>/);
      assert.doesNotMatch(card, /class="note"/, 'no untrusted note in a trusted workspace');
    }
  });

  it('adds a Run button only where the block and its toolbar are on the page', () => {
    const lessonHtml = '<div class="code-block" data-block="0">\n<pre><code>no toolbar</code></pre>\n</div>';
    const html = page({ lessonHtml, runnableCode: [0, 5] });
    assert.doesNotMatch(html, /data-action="runCode"/);
  });

  it('lists the objectives of a lesson in preparation, one item each', () => {
    const html = page({ lessonHtml: undefined });
    assert.match(html, /<ul><li>One<\/li>\n<li>Two<\/li><\/ul>/);
  });
});
