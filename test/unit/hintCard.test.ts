import * as assert from 'node:assert/strict';
import type { LessonContent } from '../../src/curriculum/lessonLibrary';
import type { ExerciseSpec } from '../../src/curriculum/types';
import { ENGLISH_PAGE_LABELS } from '../../src/lessonPanel/englishLabels';
import { cardHintHtml, hintCardHtml, hintStatus } from '../../src/lessonPanel/hintCard';
import type { ExtensionMessage } from '../../src/lessonPanel/protocol';
import { parseWebviewMessage } from '../../src/lessonPanel/protocol';
import { renderLesson } from '../../src/lessons/renderLesson';
import { Harness, QUIZ } from './sessionHarness';

const EXERCISE: ExerciseSpec = {
  language: 'node',
  title: 'A tiny server',
  files: ['src/app.js'],
  testCommand: 'node --test',
  objectives: [1],
  hints: [
    { id: 'revisit-status-codes', section: 'status-codes', text: 'Revisit *status codes*. <img src=x onerror=alert(1)>', tests: ['answers 201'] },
    { id: 'route-then-method', text: 'Route on the path first, then on the method.', tests: [] },
    { id: 'allow-fragment', text: 'A fragment:\n\n```js\nreply(405);\n```', tests: [] },
  ],
};

const content = (exercise: ExerciseSpec | undefined = EXERCISE): LessonContent => ({
  rendered: { html: '', codeBlocks: [], headings: [{ depth: 2, text: 'Status codes say what happened', id: 'h-status-codes' }], text: '' } as never,
  quiz: QUIZ,
  exercises: new Map(exercise ? [[exercise.language, exercise]] : []),
  exercise,
  problems: [],
});

function posted<T extends ExtensionMessage['type']>(harness: Harness, type: T): Extract<ExtensionMessage, { type: T }>[] {
  return harness.record.posted.filter((message): message is Extract<ExtensionMessage, { type: T }> => message.type === type);
}

const SKILL = 'http-fundamentals';
const hintItem = (html: string, id: string) => new RegExp(`<li class="hint" id="bp-hint-${id}" data-hint-id="${id}" tabindex="-1"( hidden)?>`).exec(html);

describe('hints on the exercise card (page)', () => {
  it('says how hints were used beside the exercise status', () => {
    const labels = ENGLISH_PAGE_LABELS;
    assert.equal(hintStatus(labels, false, 0), '');
    assert.equal(hintStatus(labels, false, 1), '1 hint used');
    assert.equal(hintStatus(labels, false, 2), '2 hints used');
    assert.equal(hintStatus(labels, true, 0), 'Passed without hints');
    assert.equal(hintStatus(labels, true, 1), 'Passed with 1 hint');
    assert.equal(hintStatus(labels, true, 3), 'Passed with 3 hints');
  });

  it('keeps unrevealed hints hidden and offers the next one with its number', () => {
    const model = { skillId: SKILL, stack: 'node' as const, hints: EXERCISE.hints.map((hint) => ({ id: hint.id, html: `<p>${hint.id}</p>` })), revealed: ['revisit-status-codes'], passed: false };
    const html = hintCardHtml(model, ENGLISH_PAGE_LABELS);
    assert.equal(hintItem(html, 'revisit-status-codes')?.[1], undefined, 'the revealed hint shows');
    assert.equal(hintItem(html, 'route-then-method')?.[1], ' hidden');
    assert.match(html, /<vscode-button secondary id="bp-reveal-hint" data-action="revealHint" data-hint-id="route-then-method">Show hint 2 of 3<\/vscode-button>/);
    assert.match(html, /<p id="bp-hint-status" class="hint-status" role="status" aria-live="polite">1 hint used<\/p>/);
    assert.match(html, /<ol class="hint-list" aria-label="Hints">/);
    const all = hintCardHtml({ ...model, revealed: model.hints.map((hint) => hint.id), passed: true }, ENGLISH_PAGE_LABELS);
    assert.match(all, /id="bp-reveal-hint" data-action="revealHint" hidden>/, 'no button once every hint is shown');
    assert.match(all, />Passed with 3 hints</);
    assert.equal(hintCardHtml({ ...model, hints: [] }, ENGLISH_PAGE_LABELS), '', 'an exercise without hints has no hints part');
  });

  it('strips the lesson code toolbar from a hint, so its buttons cannot act on the lesson\'s blocks', () => {
    const rendered = renderLesson('## Heading\n\n```js\nreply(405);\n```\n', { skillIdForFolder: () => undefined }).html;
    assert.match(rendered, /data-action="copyCode" data-block="0"/);
    const html = cardHintHtml(rendered);
    assert.doesNotMatch(html, /data-action|data-block|code-toolbar|id="h-/);
    assert.match(html, /<pre tabindex="0"><code class="hljs language-javascript">/);
  });
});

describe('hints on the exercise card (session)', () => {
  it('renders the hints with the lesson renderer: raw HTML escaped, the concept hint linking to its section', async () => {
    const harness = new Harness({ content: { [SKILL]: content() } });
    await harness.open(SKILL);
    const html = harness.record.html[0];
    assert.match(html, /<em>status codes<\/em>\. &lt;img src=x onerror=alert\(1\)&gt;/);
    assert.doesNotMatch(html, /<img/);
    assert.match(html, /<a href="#h-status-codes" data-anchor="h-status-codes">Revisit “Status codes say what happened” in the lesson<\/a>/);
    assert.match(html, /data-hint-id="revisit-status-codes">Show hint 1 of 3</);
    assert.equal(hintItem(html, 'revisit-status-codes')?.[1], ' hidden');
    assert.match(html, /<div class="hints" id="bp-hints" data-skill="http-fundamentals" data-stack="node"/);
  });

  it('stores a reveal and answers with the hints revealed and the status', async () => {
    const harness = new Harness({ content: { [SKILL]: content() } });
    await harness.open(SKILL);
    await harness.session.handleMessage({ type: 'revealHint', skillId: SKILL, stack: 'node', hintId: 'revisit-status-codes' });
    assert.deepEqual(harness.record.hints, [[SKILL, 'node', 'revisit-status-codes']]);
    const states = posted(harness, 'hintState');
    assert.deepEqual(states.at(-1), { type: 'hintState', skillId: SKILL, stack: 'node', revealed: ['revisit-status-codes'], status: '1 hint used' });
  });

  it('says which version the hints are for while the learner has not chosen between two stacks', async () => {
    const php: ExerciseSpec = { ...EXERCISE, language: 'php', hints: [{ id: 'php-route', text: 'Use `parse_url()`.', tests: [] }] };
    const both: LessonContent = { ...content(), exercises: new Map([['php', php], ['node', EXERCISE]]), exercise: php };
    const unchosen = new Harness({ content: { [SKILL]: both }, chosenStack: { stack: undefined } });
    await unchosen.open(SKILL);
    assert.match(unchosen.record.html[0], /<p class="hint-for">Hints for the PHP version<\/p>/);
    assert.match(unchosen.record.html[0], /data-stack="php"/);
    const chosen = new Harness({ content: { [SKILL]: both }, chosenStack: { stack: 'node' } });
    await chosen.open(SKILL);
    assert.doesNotMatch(chosen.record.html[0], /class="hint-for"/, 'the card names its stack already');
    assert.match(chosen.record.html[0], /<div class="hints" id="bp-hints" data-skill="http-fundamentals" data-stack="node"/);
    const single = new Harness({ content: { [SKILL]: content() }, chosenStack: { stack: undefined } });
    await single.open(SKILL);
    assert.doesNotMatch(single.record.html[0], /class="hint-for"/, 'one stack: nothing to choose');
  });

  it('reveals in order: asking for the third stores the first two before it', async () => {
    const harness = new Harness({ content: { [SKILL]: content() } });
    await harness.open(SKILL);
    await harness.session.handleMessage({ type: 'revealHint', skillId: SKILL, stack: 'node', hintId: 'allow-fragment' });
    assert.deepEqual(harness.record.hints.map(([, , id]) => id), ['revisit-status-codes', 'route-then-method', 'allow-fragment']);
    assert.equal(posted(harness, 'hintState').at(-1)?.status, '3 hints used');
  });

  it('ignores and logs hints the card does not offer (unknown id, other stack, other skill, malformed)', async () => {
    const harness = new Harness({ content: { [SKILL]: content() } });
    await harness.open(SKILL);
    const other = harness.skills[1].id;
    for (const message of [
      { type: 'revealHint', skillId: SKILL, stack: 'node', hintId: 'not-a-hint' },
      { type: 'revealHint', skillId: SKILL, stack: 'php', hintId: 'revisit-status-codes' },
      { type: 'revealHint', skillId: other, stack: 'node', hintId: 'revisit-status-codes' },
      { type: 'revealHint', skillId: SKILL, stack: 'node', hintId: 'Bad Id' },
      { type: 'revealHint', skillId: SKILL, stack: 'python', hintId: 'revisit-status-codes' },
    ]) {
      await harness.session.handleMessage(message);
    }
    assert.deepEqual(harness.record.hints, []);
    assert.equal(harness.record.warnings.length, 5);
    assert.equal(posted(harness, 'hintState').length, 0);
    assert.equal(parseWebviewMessage({ type: 'revealHint', skillId: SKILL, stack: 'node', hintId: 'x'.repeat(65) }), undefined);
  });

  it('shows revealed hints again when the lesson is reopened, and renders the hints once', async () => {
    const harness = new Harness({ content: { [SKILL]: content() } });
    await harness.open(SKILL);
    await harness.session.handleMessage({ type: 'revealHint', skillId: SKILL, stack: 'node', hintId: 'revisit-status-codes' });
    await harness.open(harness.skills[1].id);
    await harness.open(SKILL);
    const html = harness.record.html.at(-1) ?? '';
    assert.equal(hintItem(html, 'revisit-status-codes')?.[1], undefined);
    assert.equal(hintItem(html, 'route-then-method')?.[1], ' hidden');
    assert.match(html, /data-hint-id="route-then-method">Show hint 2 of 3</);
    assert.equal(harness.record.hintRenders, 1);
  });

  it('tells the page when progress changes elsewhere: a pass, a reveal from a command, a reset', async () => {
    const harness = new Harness({ content: { [SKILL]: content() } });
    await harness.open(SKILL);
    harness.hints.set(`${SKILL}/node`, ['revisit-status-codes']);
    harness.passed.add(`${SKILL}/node`);
    harness.fireProgress([SKILL]);
    assert.deepEqual(posted(harness, 'hintState').at(-1), { type: 'hintState', skillId: SKILL, stack: 'node', revealed: ['revisit-status-codes'], status: 'Passed with 1 hint' });
    harness.hints.clear();
    harness.passed.clear();
    harness.fireProgress([]);
    assert.deepEqual(posted(harness, 'hintState').at(-1)?.revealed, []);
    assert.equal(posted(harness, 'hintState').at(-1)?.status, '');
  });

  it('a lesson whose exercise has no hints has no hints part', async () => {
    const harness = new Harness({ content: { [SKILL]: content({ ...EXERCISE, hints: [] }) } });
    await harness.open(SKILL);
    assert.doesNotMatch(harness.record.html[0], /bp-hints/);
    assert.equal(harness.record.hintRenders, 0);
  });
});
