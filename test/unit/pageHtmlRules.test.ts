// The lesson page's rules that pageHtml.test.ts and pageLayout.test.ts leave open: which stack each
// exercise button acts on, the other stack's Start row, the words the page script reads from data
// attributes (quiz feedback, completion), and the filled-in labels of header and footer. Each test
// reads only the part of the page it is about.
import * as assert from 'node:assert/strict';
import type { Skill } from '../../src/curriculum/types';
import type { PageLabels, PageModel } from '../../src/lessonPanel/pageHtml';
import { fill, inlineText } from '../../src/lessonPanel/pageHtml';
import { between, labelsWith, testPage } from './pageTestKit';

const skill: Skill = { number: 7, position: 9, id: 'orm-basics', title: 'ORM Basics', summary: 'Objects.', minutes: 35, objectives: ['One'], stageId: 'data', folder: '07-orm-basics' };
const FILLED: Partial<Record<keyof PageLabels, string>> = {
  exerciseAlsoIn: 'Also in {stack}:',
  startInStack: 'Start exercise in {stack}',
  exerciseChooseStack: 'In {stacks}. Start asks which one you practise in.',
  roadmapNumber: 'roadmap #{number}',
  minutesRead: '{minutes} min read',
  quizBest: 'Best {correct}/{total}',
};
const labels = labelsWith(FILLED);

function page(overrides: Partial<PageModel> = {}): string {
  return testPage(skill, { stageTitle: 'Data', labels }, overrides);
}


/** The opening tags of the card's exercise buttons, by their action. */
function exerciseButtons(html: string): Map<string, string[]> {
  const buttons = new Map<string, string[]>();
  for (const [tag, action] of html.matchAll(/<vscode-button[^>]*data-exercise-action="(\w+)"[^>]*>/g)) {
    buttons.set(action, [...(buttons.get(action) ?? []), tag]);
  }
  return buttons;
}

describe('lesson page rules', () => {
  describe('exercise card', () => {
    it('names the chosen stack on every button, and only Show solution is a secondary button', () => {
      const card = between(page({ exercise: { title: 'Repository', stack: 'node', stacks: ['node'] } }), '<div class="button-row">', '</div>');
      const buttons = exerciseButtons(card);
      assert.deepEqual([...buttons.keys()], ['start', 'check', 'showSolution']);
      for (const [action, [tag]] of buttons) {
        assert.match(tag, / data-skill="orm-basics" data-stack="node"/, `${action} acts on the chosen stack`);
        assert.equal(/<vscode-button secondary\b/.test(tag), action === 'showSolution', `${action}: secondary only for the solution`);
      }
      assert.match(card, /data-exercise-action="start"[^>]*>\[startExercise\]<\/vscode-button>/);
      assert.match(card, /data-exercise-action="check"[^>]*>\[checkExercise\]<\/vscode-button>/);
      assert.match(card, /data-exercise-action="showSolution"[^>]*>\[showSolution\]<\/vscode-button>/);
    });

    it('offers the other stack its own Start button, never the chosen one again', () => {
      const html = page({ exercise: { title: 'Repository', stack: 'php', stacks: ['php', 'node'] } });
      const card = between(html, '<section class="exercise"', '</section>');
      const rows = card.match(/<p class="exercise-other">[\s\S]*?<\/p>/g) ?? [];
      assert.equal(rows.length, 1, 'one row for the one other stack');
      assert.equal(
        rows[0],
        '<p class="exercise-other">Also in Node.js: <vscode-button secondary data-action="exercise" data-exercise-action="start" data-skill="orm-basics" data-stack="node" aria-label="Start exercise in Node.js">[startExercise]</vscode-button></p>',
      );
      // The card's own buttons still act on PHP; only the extra row names Node.js.
      const starts = exerciseButtons(card).get('start') ?? [];
      assert.deepEqual(starts.map((tag) => /data-stack="(\w+)"/.exec(tag)?.[1]), ['php', 'node']);
      assert.match(card, /<span class="exercise-language" data-stack="php">PHP · PHPUnit<\/span>/);
    });

    it('has no other-stack row when the skill has one stack', () => {
      const card = between(page({ exercise: { title: 'Repository', stack: 'node', stacks: ['node'] } }), '<section class="exercise"', '</section>');
      assert.doesNotMatch(card, /exercise-other|Also in/);
      assert.equal(exerciseButtons(card).get('start')?.length, 1);
    });

    it('before a stack is chosen, lists the stacks, leaves the choice to the command and offers no second Start', () => {
      const card = between(page({ exercise: { title: 'Repository', stacks: ['php', 'node'] } }), '<section class="exercise"', '</section>');
      assert.match(card, /<span class="exercise-language">In PHP \/ Node\.js\. Start asks which one you practise in\.<\/span>/);
      assert.doesNotMatch(card, /data-stack=/, 'no button names a stack');
      assert.doesNotMatch(card, /exercise-other/);
      assert.deepEqual(
        [...exerciseButtons(card)].map(([action, tags]) => [action, tags.length]),
        [['start', 1], ['check', 1], ['showSolution', 1]],
      );
    });

    it('escapes the exercise title and keeps a status line the page script writes into', () => {
      const card = between(page({ exercise: { title: 'Users <&> "roles"', stack: 'node', stacks: ['node'] } }), '<section class="exercise"', '</section>');
      assert.match(card, /<p class="exercise-title"><strong>Users &lt;&amp;&gt; &quot;roles&quot;<\/strong> · /);
      assert.match(card, /<p id="bp-exercise-status" class="exercise-status" role="status" aria-live="polite"><\/p>/);
      assert.match(card, /^<section class="exercise" id="bp-exercise" aria-labelledby="bp-exercise-heading">/);
    });

    it('leaves Check enabled and adds no note in a trusted workspace: the buttons are exactly these', () => {
      const card = between(page({ exercise: { title: 'Repository', stack: 'node', stacks: ['node'] } }), '<div class="button-row">', '</section>');
      const tag = (attributes: string, action: string, label: string) =>
        `<vscode-button${attributes} data-action="exercise" data-exercise-action="${action}" data-skill="orm-basics" data-stack="node">[${label}]</vscode-button>`;
      assert.equal(
        card.slice(0, card.indexOf('</div>') + 6),
        `<div class="button-row">\n${tag('', 'start', 'startExercise')}\n${tag('', 'check', 'checkExercise')}\n${tag(' secondary', 'showSolution', 'showSolution')}\n</div>`,
      );
      // Between the buttons and the status line there is no other-stack row and no untrusted note.
      assert.match(card, /<\/div>\s*<p id="bp-exercise-status"/);
    });

    it('names no stack on the buttons before one is chosen', () => {
      const card = between(page({ exercise: { title: 'Repository', stacks: ['php', 'node'] } }), '<div class="button-row">', '</div>');
      assert.match(card, /<vscode-button data-action="exercise" data-exercise-action="start" data-skill="orm-basics">\[startExercise\]<\/vscode-button>/);
      assert.match(card, /<vscode-button secondary data-action="exercise" data-exercise-action="showSolution" data-skill="orm-basics">\[showSolution\]<\/vscode-button>/);
    });
  });

  describe('lesson body', () => {
    it('keeps the lesson\'s own Exercise section when the skill has no exercise card to put there', () => {
      const lessonHtml = '<h1 id="h-t">T</h1>\n<h2 id="h-exercise">Exercise</h2>\n<p>Try it.</p>';
      assert.match(page({ lessonHtml }), /<main class="lesson" id="bp-lesson">\n<h1 id="h-t">T<\/h1>\n<h2 id="h-exercise">Exercise<\/h2>\n<p>Try it\.<\/p>\n<\/main>/);
    });

    it('also finds an Exercise section whose id has no h- prefix', () => {
      const lessonHtml = '<h2 id="exercise-health">Exercise: health</h2><p>Steps.</p><h2 id="h-next">Next</h2>';
      const html = page({ lessonHtml, exercise: { title: 'Health', stack: 'node', stacks: ['node'] } });
      const card = between(html, '<section class="exercise"', '</section>');
      assert.match(card, /aria-labelledby="exercise-health"/);
      assert.match(card, /<h2 id="exercise-health">Exercise: health<\/h2>/);
      assert.equal(html.match(/Steps\./g)?.length, 1);
    });

    it('moves a closing Exercise section into the card whole, to its last character', () => {
      const html = page({ lessonHtml: '<h1 id="h-t">T</h1><h2 id="h-exercise">Exercise</h2><p>Last words.</p>', exercise: { title: 'Health', stack: 'node', stacks: ['node'] } });
      assert.match(html, /<p>Last words\.<\/p>\n<div class="button-row">/);
      assert.match(html, /<\/section>\n\n<\/main>/, 'nothing of the lesson is left after the card');
    });

    it('puts nothing in the card where the lesson had no section or the exercise has no hints', () => {
      const card = between(page({ exercise: { title: 'Health', stack: 'node', stacks: ['node'] } }), '<section class="exercise"', '</section>');
      assert.match(card, /<\/p>\n\n<div class="button-row">/);
      assert.match(card, /aria-live="polite"><\/p>\n\n<\/section>$/);
    });

    it('removes an untrusted workspace\'s Run buttons without a trace and keeps the rest of the toolbar', () => {
      const lessonHtml = '<div class="code-toolbar"><vscode-button secondary data-action="copyCode" data-block="0">Copy</vscode-button><vscode-button secondary data-action="runNode" data-block="0">Run</vscode-button></div>';
      const html = page({ lessonHtml, workspaceTrusted: false });
      assert.match(html, /<div class="code-toolbar"><vscode-button secondary data-action="copyCode" data-block="0">Copy<\/vscode-button><\/div>/);
    });

    it('adds a Run button to the named block\'s own toolbar, never to another block\'s', () => {
      const lessonHtml = '<div class="code-block" data-block="0">\n<div class="code-toolbar"><span>javascript</span></div>\n</div>\n<div class="code-block" data-block="1">\n<pre><code>x</code></pre>\n</div>';
      assert.doesNotMatch(page({ lessonHtml, runnableCode: [1] }), /data-action="runCode"/, 'block 1 has no toolbar');
      assert.doesNotMatch(page({ lessonHtml, runnableCode: [4] }), /data-action="runCode"/, 'block 4 is not on the page');
      assert.match(page({ lessonHtml, runnableCode: [0] }), /<span>javascript<\/span><vscode-button secondary data-action="runCode" data-block="0">\[runCode\]<\/vscode-button><\/div>/);
    });

    it('ends the page after the lesson with the footer when there is no quiz, and after the notice when in preparation', () => {
      assert.match(page(), /<\/main>\n\n<footer/);
      assert.match(page({ lessonHtml: undefined }), /<p class="in-preparation">\[inPreparation\]<\/p>\n\n<\/main>/);
    });
  });

  describe('quiz section', () => {
    const quiz = [{ id: 'q<1>', objectives: [1], question: 'Why `SELECT`?', choices: ['a', 'b'], answer: 0, explanation: 'e', feedback: [null, null] }];

    it('hands the page script its feedback words and the question count as data', () => {
      const section = between(page({ quiz }), '<section class="quiz"', '>');
      assert.equal(
        section,
        '<section class="quiz" id="bp-quiz" aria-labelledby="bp-quiz-heading" data-skill="orm-basics" data-questions="1" data-right="[quizRight]" data-wrong="[quizWrong]" data-correct-answer="[quizCorrectAnswer]" data-attempt="[quizAttempt]" data-best="Best {correct}/{total}">',
      );
    });

    it('gives each question its escaped id, a hidden locked note and a live feedback area', () => {
      const html = page({ quiz });
      const question = between(html, '<fieldset', '</fieldset>');
      assert.match(question, /^<fieldset class="question" data-question-id="q&lt;1&gt;">/);
      assert.match(question, /<p class="locked-note" hidden>\[quizLocked\]<\/p>/);
      assert.match(question, /<div class="feedback" id="bp-feedback-q&lt;1&gt;" role="status" aria-live="polite"><\/div>/);
      assert.match(question, /<div class="choice-row" data-choice="1"><span class="mark" aria-hidden="true"><\/span><vscode-button secondary class="choice" data-action="answerQuiz" data-question-id="q&lt;1&gt;" data-choice="1">b<\/vscode-button><\/div>/);
      assert.match(html, /<h2 id="bp-quiz-heading">\[quizHeading\]<\/h2>\n<p>\[quizIntro\]<\/p>/);
      assert.match(html, /<p id="bp-quiz-score" class="quiz-score" role="status" aria-live="polite"><\/p>/);
      assert.match(html, /data-action="retryQuiz" hidden>\[retryQuiz\]<\/vscode-button>/);
    });

    it('shows an empty choice for an order index the question does not have, instead of failing', () => {
      const html = page({ quiz, choiceOrders: [[1, 5]] });
      assert.match(html, /data-choice="5"><\/vscode-button>/);
      assert.doesNotMatch(html, /undefined/);
    });
  });

  describe('header and footer', () => {
    it('fills the reading time and roadmap number, and gives the status both words for the page script', () => {
      const header = between(page(), '<header', '</header>');
      assert.match(header, /<span>35 min read<\/span>/);
      assert.match(header, /<span class="roadmap-number">roadmap #7<\/span>/);
      assert.match(header, /<span id="bp-completion-status" class="status todo" data-done="\[completed\]" data-todo="\[notCompleted\]">\[notCompleted\]<\/span>/);
      assert.match(header, /<nav class="history" aria-label="\[back\] \/ \[forward\]">/);
      assert.match(header, /<vscode-button secondary id="bp-back" data-action="history" data-direction="back" aria-label="\[back\]" disabled>\[back\]<\/vscode-button>/);
      assert.match(header, /<vscode-button secondary id="bp-forward" data-action="history" data-direction="forward" aria-label="\[forward\]" disabled>\[forward\]<\/vscode-button>/);
    });

    it('enables Forward alone when only forward history exists, and says Completed on a completed lesson', () => {
      const header = between(page({ history: { back: false, forward: true }, complete: true }), '<header', '</header>');
      assert.match(header, /id="bp-back"[^>]*disabled>/);
      assert.match(header, /id="bp-forward"[^>]*aria-label="\[forward\]">/);
      assert.match(header, /class="status done"[^>]*>\[completed\]<\/span>/);
    });

    it('links the previous lesson by id and label, and the toggle carries both of its labels', () => {
      const previous: Skill = { ...skill, id: 'sql-basics', position: 8, title: 'SQL <Basics>' };
      const footer = between(page({ previous, complete: true }), '<footer', '</footer>');
      assert.match(footer, /<vscode-button secondary id="bp-previous" data-action="navigate" data-skill="sql-basics" title="8 · SQL &lt;Basics&gt;" data-rel="previous">\[previous\]<\/vscode-button>/);
      assert.match(footer, /<vscode-button id="bp-complete-toggle" data-action="toggleComplete" data-skill="orm-basics" data-complete="true" data-label-complete="\[markComplete\]" data-label-incomplete="\[markIncomplete\]">\[markIncomplete\]<\/vscode-button>/);
      assert.equal(footer.match(/<span><\/span>/g)?.length, 1, 'only the missing next lesson is a placeholder');
      const next: Skill = { ...skill, id: 'migrations', position: 10, title: 'Migrations' };
      const both = between(page({ previous, next }), '<footer', '</footer>');
      assert.match(both, /<vscode-button secondary id="bp-next" data-action="navigate" data-skill="migrations" title="10 · Migrations" data-rel="next">\[next\]<\/vscode-button>\n<\/footer>/);
      assert.doesNotMatch(both, /<span><\/span>/);
    });
  });

  describe('text helpers', () => {
    it('fill replaces known names and leaves unknown ones as written', () => {
      assert.equal(fill('{a} of {b}, {c}', { a: 1, b: 'two' }), '1 of two, {c}');
      assert.equal(fill('{a}{a}', { a: 0 }), '00');
    });

    it('inlineText escapes first, so code spans cannot smuggle markup', () => {
      assert.equal(inlineText('use `<b>` and `x`'), 'use <code>&lt;b&gt;</code> and <code>x</code>');
      assert.equal(inlineText('a `` b'), 'a `` b');
    });
  });
});
