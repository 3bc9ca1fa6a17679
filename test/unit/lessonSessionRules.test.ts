// The lesson session's rules that lessonSession.test.ts does not pin down: its state before the first
// lesson and after close, history limits, what is logged for what is ignored, the quiz rules, and
// work that finishes after the learner moved on. Uses the shared harness where it fits, and a session
// of its own where a dependency has to be slow or absent.
import * as assert from 'node:assert/strict';
import type { LessonContent } from '../../src/curriculum/lessonLibrary';
import type { Skill } from '../../src/curriculum/types';
import { choiceOrder } from '../../src/lessonPanel/choiceOrder';
import { ENGLISH_PAGE_LABELS } from '../../src/lessonPanel/englishLabels';
import type { RunResult } from '../../src/lessonPanel/lessonActions';
import { createLessonActions } from '../../src/lessonPanel/lessonActions';
import type { LessonBody, LessonSessionDeps } from '../../src/lessonPanel/lessonSession';
import { LessonSession } from '../../src/lessonPanel/lessonSession';
import type { ExtensionMessage } from '../../src/lessonPanel/protocol';
import { QuizSession } from '../../src/lessonPanel/quizSession';
import type { CodeBlock } from '../../src/lessons/renderLesson';
import { CATALOG, Harness, QUIZ, block, deferred } from './sessionHarness';

const [A, B, C] = CATALOG.skills;

function posted<T extends ExtensionMessage['type']>(messages: readonly ExtensionMessage[], type: T): Extract<ExtensionMessage, { type: T }>[] {
  return messages.filter((message): message is Extract<ExtensionMessage, { type: T }> => message.type === type);
}

/** A session whose dependencies a test may replace one by one; records what reaches the view. */
function customSession(overrides: Partial<LessonSessionDeps> = {}, runNode?: (code: string) => Promise<RunResult>) {
  const seen = { html: [] as string[], posted: [] as ExtensionMessage[], warnings: [] as string[], errors: [] as string[], answers: [] as unknown[][] };
  const content: LessonContent = { rendered: { html: '', codeBlocks: [], headings: [], text: '' } as never, quiz: QUIZ, exercises: new Map(), exercise: undefined, problems: [] };
  const deps: LessonSessionDeps = {
    library: { catalog: async () => CATALOG, content: async () => content },
    progress: { isComplete: () => false, quizBest: () => undefined, setComplete: async () => undefined, recordQuizScore: async () => undefined, revealHint: async () => undefined, exerciseProgress: () => ({ hints: [] }), onDidChange: () => ({ dispose() {} }) },
    actions: createLessonActions(
      {
        isTrusted: () => true,
        refused: () => undefined,
        confirmRun: async () => true,
        openExternal: async () => undefined,
        copy: async () => undefined,
        insert: async () => undefined,
        sendToTerminal: () => undefined,
        runNode: runNode ?? (async () => ({ status: 'done', output: 'ran' })),
        executeCommand: async () => undefined,
        warn: (message) => void seen.warnings.push(message),
      },
      { start: 'start', check: 'check', showSolution: 'solution' },
    ),
    log: { warn: (message) => void seen.warnings.push(message), error: (message) => void seen.errors.push(message) },
    lessonBody: (): LessonBody => ({ html: '<h1 id="h-t">T</h1>', codeBlocks: [] }),
    isTrusted: () => true,
    labels: () => ENGLISH_PAGE_LABELS,
    learnerSeed: () => 'seed',
    nonce: () => 'nonce',
    showError: (message) => void seen.errors.push(message),
    unknownSkill: (skillId) => `There is no skill with the id "${skillId}".`,
    onQuizAnswer: (...args) => void seen.answers.push(args),
    ...overrides,
  };
  const session = new LessonSession(deps);
  session.attach({
    setHtml: (html) => void seen.html.push(html),
    setTitle: () => undefined,
    post: async (message) => void seen.posted.push(message),
    resources: { cspSource: 'vscode-webview://t', asWebviewUri: (path) => `vscode-webview://t/${path}` },
  });
  const open = async (skillId: string) => {
    await session.show(skillId);
    await session.handleMessage({ type: 'ready', render: session.render });
    return session.render;
  };
  return { session, seen, open };
}

describe('lesson session: state and history', () => {
  it('starts empty: no lesson, render 0, nowhere to go, no page', async () => {
    const harness = new Harness();
    assert.equal(harness.session.skillId, undefined);
    assert.equal(harness.session.render, 0);
    assert.equal(harness.session.canGoBack, false);
    assert.equal(harness.session.canGoForward, false);
    assert.equal(harness.session.currentHtml, undefined);
    assert.equal(harness.session.attached, true);
    await harness.session.refresh();
    await harness.session.goBack();
    await harness.session.goForward();
    harness.fireProgress([]);
    harness.fireProgress([A.id]);
    await harness.session.handleMessage({ type: 'history', direction: 'back' });
    assert.deepEqual([harness.record.html, harness.record.posted, harness.record.errors], [[], [], []]);
  });

  it('keeps the page it showed, and forgets it (and the history) when the panel closes', async () => {
    const harness = new Harness();
    await harness.open(A.id);
    await harness.open(B.id);
    assert.equal(harness.session.currentHtml, harness.record.html.at(-1));
    harness.session.detach();
    assert.equal(harness.session.attached, false);
    assert.equal(harness.session.currentHtml, undefined);
    assert.equal(harness.session.skillId, undefined);
    harness.session.attach(harness.view);
    await harness.open(C.id);
    assert.equal(harness.session.canGoBack, false, 'a new panel starts a new history');
    assert.deepEqual(harness.record.errors, []);
  });

  it('never lets a render started before the panel closed win over one started after it reopened', async () => {
    const slow = deferred<LessonContent>();
    const harness = new Harness({ content: { [A.id]: slow.promise } });
    const stale = harness.session.show(A.id);
    harness.session.detach();
    harness.session.attach(harness.view);
    await harness.session.show(B.id);
    slow.resolve({ rendered: { html: '', codeBlocks: [], headings: [], text: '' } as never, quiz: QUIZ, exercises: new Map(), exercise: undefined, problems: [] });
    await stale;
    assert.equal(harness.session.skillId, B.id);
    assert.equal(harness.record.html.length, 1);
  });

  it('stays closed once disposed, even if attached again', async () => {
    const harness = new Harness();
    harness.session.dispose();
    harness.session.attach(harness.view);
    await harness.session.show(A.id);
    assert.deepEqual(harness.record.html, []);
  });

  it('refuses an unknown lesson with a clear error, unless a newer request replaced it', async () => {
    const harness = new Harness();
    await assert.rejects(harness.session.show('no-such-skill'), /^Error: There is no skill with the id "no-such-skill"\.$/);
    const replaced = harness.session.show('no-such-skill');
    await harness.session.show(A.id);
    await replaced; // settles quietly: the newer lesson won before the lookup
    assert.equal(harness.session.skillId, A.id);
  });

  it('records history only for a different lesson opened normally, not for the same one or a history-less show', async () => {
    const harness = new Harness();
    await harness.open(A.id);
    await harness.open(A.id);
    assert.equal(harness.session.canGoBack, false, 'the same lesson again');
    await harness.session.show(B.id, { history: 'none' });
    assert.equal(harness.session.canGoBack, false, 'history: none');
    await harness.session.refresh();
    assert.equal(harness.session.canGoBack, false, 'a refresh');
    await harness.open(C.id);
    assert.equal(harness.session.canGoBack, true);
  });

  it('walks Back and Forward to each end, with the buttons following', async () => {
    const harness = new Harness();
    await harness.open(A.id);
    assert.match(harness.record.html[0], /id="bp-forward"[^>]*disabled/);
    await harness.open(B.id);
    await harness.open(C.id);
    await harness.session.goBack();
    await harness.session.goBack();
    assert.equal(harness.session.skillId, A.id);
    assert.deepEqual([harness.session.canGoBack, harness.session.canGoForward], [false, true]);
    await harness.session.goBack();
    assert.equal(harness.session.skillId, A.id, 'nothing further back');
    await harness.session.goForward();
    assert.deepEqual([harness.session.skillId, harness.session.canGoBack, harness.session.canGoForward], [B.id, true, true]);
    await harness.session.goForward();
    assert.deepEqual([harness.session.skillId, harness.session.canGoBack, harness.session.canGoForward], [C.id, true, false]);
    assert.match(harness.record.html.at(-1) ?? '', /id="bp-forward"[^>]*disabled/);
    await harness.session.goForward();
    assert.equal(harness.session.skillId, C.id, 'nothing further forward');
  });

  it('remembers at most 50 lessons back', async () => {
    const harness = new Harness();
    for (let step = 0; step < 60; step++) await harness.session.show(step % 2 === 0 ? A.id : B.id);
    let steps = 0;
    while (harness.session.canGoBack) {
      await harness.session.goBack();
      steps += 1;
    }
    assert.equal(steps, 50);
  });

  it('stops telling a listener that disposed of its subscription', async () => {
    const harness = new Harness();
    const shown: string[] = [];
    const subscription = harness.session.onDidShowLesson((skillId) => shown.push(skillId));
    await harness.open(A.id);
    subscription.dispose();
    await harness.open(B.id);
    assert.deepEqual(shown, [A.id]);
  });

  it('resolves whenReady when the page says ready', async () => {
    const harness = new Harness();
    await harness.session.show(A.id);
    let ready = false;
    const waiting = harness.session.whenReady().then(() => (ready = true));
    await Promise.resolve();
    assert.equal(ready, false);
    await harness.session.handleMessage({ type: 'ready', render: harness.session.render });
    await waiting;
    assert.equal(ready, true);
  });

  it('links Previous and Next to the neighbouring lessons of the path', async () => {
    const harness = new Harness();
    await harness.open(B.id);
    assert.match(harness.record.html[0], new RegExp(`id="bp-previous" data-action="navigate" data-skill="${A.id}"`));
    assert.match(harness.record.html[0], new RegExp(`id="bp-next" data-action="navigate" data-skill="${C.id}"`));
  });

  it('shows each question in the order choiceOrder gives this learner', async () => {
    const harness = new Harness();
    await harness.open(A.id);
    for (const question of QUIZ) {
      const shown = [...harness.record.html[0].matchAll(new RegExp(`data-question-id="${question.id}" data-choice="(\\d)"`, 'g'))].map((match) => Number(match[1]));
      assert.deepEqual(shown, choiceOrder('learner-seed', A.id, question.id, question.choices.length));
    }
  });
});

describe('lesson session: lessons in preparation and code blocks', () => {
  it('shows a lesson without a body (in preparation) and ignores code actions on it', async () => {
    const { session, seen, open } = customSession({ lessonBody: () => undefined });
    const render = await open(A.id);
    assert.match(seen.html[0], /class="in-preparation"/);
    await session.handleMessage({ type: 'copyCode', render, block: 0 });
    assert.deepEqual(seen.errors, []);
    assert.match(seen.warnings.at(-1) ?? '', /code block the lesson does not have \(0\)/);
  });

  it('never commits a render whose body arrived after a newer request', async () => {
    const slow = deferred<LessonBody>();
    const { session, seen } = customSession({ lessonBody: (_catalog, skill: Skill) => (skill.id === A.id ? slow.promise : { html: '<p>B</p>', codeBlocks: [] }) });
    const older = session.show(A.id);
    await new Promise((resolve) => setImmediate(resolve));
    await session.show(B.id);
    slow.resolve({ html: '<p>A</p>', codeBlocks: [] });
    await older;
    assert.equal(session.skillId, B.id);
    assert.equal(seen.html.length, 1);
  });

  it('offers Run on `js run` blocks only', async () => {
    const blocks: CodeBlock[] = [block(0, 'console.log(1)', 'node'), block(1, 'ls', 'terminal'), block(2, 'ls')];
    const html = blocks.map((codeBlock) => `<div class="code-block" data-block="${codeBlock.index}">\n<div class="code-toolbar"><span class="code-language">x</span></div>\n</div>`).join('\n');
    const { seen, open } = customSession({ lessonBody: () => ({ html, codeBlocks: blocks }) });
    await open(A.id);
    assert.deepEqual([...seen.html[0].matchAll(/data-action="runCode" data-block="(\d)"/g)].map((match) => match[1]), ['0']);
  });

  it('inserts a block from the current page, and runs only `js run` blocks (logging the others)', async () => {
    const harness = new Harness({ blocks: [block(0, 'const x = 1;', 'node'), block(1, 'ls', 'terminal')] });
    const render = await harness.open(A.id);
    await harness.session.handleMessage({ type: 'insertCode', render, block: 0 });
    assert.deepEqual(harness.record.inserted, ['const x = 1;']);
    assert.deepEqual(harness.record.confirmed, [], 'Insert never runs anything');
    await harness.session.handleMessage({ type: 'runCode', render, block: 1 });
    assert.ok(harness.record.warnings.includes('Ignored Run for block 1: it is not a runnable JavaScript block'));
  });

  it('drops the output of a run that finishes after the learner moved to another lesson', async () => {
    const run = deferred<RunResult>();
    const { session, seen, open } = customSession({ lessonBody: () => ({ html: '<p>x</p>', codeBlocks: [block(0, '1', 'node')] }) }, () => run.promise);
    const render = await open(A.id);
    const running = session.handleMessage({ type: 'runCode', render, block: 0 });
    await new Promise((resolve) => setImmediate(resolve));
    await open(B.id);
    run.resolve({ status: 'done', output: 'late' });
    await running;
    assert.deepEqual(posted(seen.posted, 'runOutput'), [{ type: 'runOutput', block: 0, status: 'running', output: '' }]);
  });
});

describe('lesson session: quiz rules', () => {
  it('answers a right choice as right, with no feedback', async () => {
    const harness = new Harness();
    const render = await harness.open(A.id);
    await harness.session.handleMessage({ type: 'answerQuiz', render, skillId: A.id, questionId: 'status-405', choice: 1 });
    const [result] = posted(harness.record.posted, 'quizResult');
    assert.equal(result.correct, true);
    assert.equal(result.feedback, null);
  });

  it('ignores answers out of range (logged) and answers naming another lesson', async () => {
    const harness = new Harness();
    const render = await harness.open(A.id);
    await harness.session.handleMessage({ type: 'answerQuiz', render, skillId: A.id, questionId: 'status-405', choice: 3 });
    await harness.session.handleMessage({ type: 'answerQuiz', render, skillId: A.id, questionId: 'no-such-question', choice: 0 });
    await harness.session.handleMessage({ type: 'answerQuiz', render, skillId: B.id, questionId: 'status-405', choice: 1 });
    assert.deepEqual(posted(harness.record.posted, 'quizResult'), []);
    assert.ok(harness.record.warnings.includes('Ignored a quiz answer out of range: question status-405, choice 3'));
    assert.ok(harness.record.warnings.includes('Ignored a quiz answer out of range: question no-such-question, choice 0'));
  });

  it('starts a new attempt on Try again, and ignores Try again naming another lesson', async () => {
    const harness = new Harness();
    const render = await harness.open(A.id);
    const answer = (choice: number) => harness.session.handleMessage({ type: 'answerQuiz', render, skillId: A.id, questionId: 'status-405', choice });
    await answer(0);
    await harness.session.handleMessage({ type: 'resetQuiz', render, skillId: B.id });
    await answer(1);
    assert.equal(posted(harness.record.posted, 'quizResult').at(-1)?.choice, 0, 'still the first attempt');
    await harness.session.handleMessage({ type: 'resetQuiz', render, skillId: A.id });
    await answer(1);
    assert.equal(posted(harness.record.posted, 'quizResult').at(-1)?.choice, 1, 'a new attempt');
  });

  it('keeps the attempt when only this lesson\'s completion changes, and posts the new completion', async () => {
    const harness = new Harness();
    const render = await harness.open(A.id);
    await harness.session.handleMessage({ type: 'answerQuiz', render, skillId: A.id, questionId: 'status-405', choice: 1 });
    await harness.session.handleMessage({ type: 'setComplete', skillId: A.id, complete: true });
    await Promise.resolve();
    assert.deepEqual(posted(harness.record.posted, 'completion'), [{ type: 'completion', skillId: A.id, complete: true }]);
    assert.deepEqual(posted(harness.record.posted, 'quizState').at(-1), { type: 'quizState', skillId: A.id, best: null, clearAnswers: false });
    await harness.session.handleMessage({ type: 'answerQuiz', render, skillId: A.id, questionId: 'vary', choice: 0 });
    assert.deepEqual(harness.record.scores, [[A.id, 2, 2]], 'both answers of the attempt counted');
  });

  it('reports the best score kept, not the attempt, when an earlier attempt was better', async () => {
    const harness = new Harness();
    harness.best.set(A.id, { correct: 2, total: 2 });
    const render = await harness.open(A.id);
    await harness.session.handleMessage({ type: 'answerQuiz', render, skillId: A.id, questionId: 'status-405', choice: 0 });
    await harness.session.handleMessage({ type: 'answerQuiz', render, skillId: A.id, questionId: 'vary', choice: 0 });
    assert.deepEqual(posted(harness.record.posted, 'quizResult').at(-1)?.score, { correct: 1, total: 2, best: 2 });
  });

  it('uses the attempt as the best when nothing is stored, and tells review about first answers only', async () => {
    const { session, seen, open } = customSession();
    const render = await open(A.id);
    await session.handleMessage({ type: 'answerQuiz', render, skillId: A.id, questionId: 'status-405', choice: 1, elapsedMs: 1200 });
    await session.handleMessage({ type: 'answerQuiz', render, skillId: A.id, questionId: 'status-405', choice: 0, elapsedMs: 5 });
    await session.handleMessage({ type: 'answerQuiz', render, skillId: A.id, questionId: 'vary', choice: 1, replay: true });
    assert.deepEqual(seen.answers, [[A.id, 'status-405', true, 1200]], 'repeats and replays are not new answers');
    assert.deepEqual(posted(seen.posted, 'quizResult').at(-1)?.score, { correct: 1, total: 2, best: 1 });
  });

  it('posts no result to a lesson the learner left while the score was being saved', async () => {
    const saving = deferred<undefined>();
    const { session, seen, open } = customSession({
      progress: { isComplete: () => false, quizBest: () => undefined, setComplete: async () => undefined, recordQuizScore: () => saving.promise, revealHint: async () => undefined, exerciseProgress: () => ({ hints: [] }), onDidChange: () => ({ dispose() {} }) },
    });
    const render = await open(A.id);
    await session.handleMessage({ type: 'answerQuiz', render, skillId: A.id, questionId: 'status-405', choice: 1 });
    const finishing = session.handleMessage({ type: 'answerQuiz', render, skillId: A.id, questionId: 'vary', choice: 0 });
    await new Promise((resolve) => setImmediate(resolve));
    await open(B.id);
    saving.resolve(undefined);
    await finishing;
    assert.equal(posted(seen.posted, 'quizResult').length, 1, 'only the first answer, on the page that was there');
  });

  it('validates answers on its own: question, whole choice within range', () => {
    const quiz = new QuizSession(A.id, QUIZ);
    for (const [questionId, choice] of [['nope', 0], ['status-405', -1], ['status-405', 1.5], ['status-405', 3], ['status-405', Number.NaN]] as const) {
      assert.equal(quiz.answer(questionId, choice), undefined, `${questionId} ${choice}`);
    }
    assert.equal(quiz.answered, 0);
    assert.equal(quiz.answer('status-405', 2)?.correct, false);
    assert.equal(quiz.answered, 1);
    assert.deepEqual(quiz.answer('vary', 0)?.finished, { correct: 1, total: 2 });
  });
});

describe('lesson session: what it logs for what it ignores', () => {
  it('names the invalid message (at most 200 characters), or its type when it cannot be written out', async () => {
    const harness = new Harness();
    await harness.open(A.id);
    await harness.session.handleMessage({ type: 'explode' });
    await harness.session.handleMessage(undefined);
    await harness.session.handleMessage({ type: 'x'.repeat(300) });
    const circular: Record<string, unknown> = { type: 'loop' };
    circular.self = circular;
    await harness.session.handleMessage(circular);
    const prefix = 'Ignored an invalid message from the lesson page: ';
    const warnings = harness.record.warnings.filter((warning) => warning.startsWith(prefix)).map((warning) => warning.slice(prefix.length));
    assert.deepEqual(warnings, ['{"type":"explode"}', 'undefined', `${JSON.stringify({ type: 'x'.repeat(300) }).slice(0, 200)}…`, 'object']);
  });

  it('says which render a stale message came from, and that no page is shown yet', async () => {
    const harness = new Harness();
    await harness.session.handleMessage({ type: 'copyCode', render: 4, block: 0 });
    assert.deepEqual(harness.record.warnings, ['Ignored a message from a page that has been replaced (render 4, now none): {"type":"copyCode","render":4,"block":0}']);
  });

  it('reports an action that failed to the log and to the learner', async () => {
    const { session, seen, open } = customSession({
      progress: {
        isComplete: () => false,
        quizBest: () => undefined,
        setComplete: async () => {
          throw new Error('storage is full');
        },
        recordQuizScore: async () => undefined,
        revealHint: async () => undefined, exerciseProgress: () => ({ hints: [] }), onDidChange: () => ({ dispose() {} }),
      },
    });
    await open(A.id);
    await session.handleMessage({ type: 'setComplete', skillId: A.id, complete: true });
    assert.deepEqual(seen.errors, ['Handling "setComplete" failed: storage is full', 'storage is full']);
  });

  it('ignores messages after the panel closed, even ones without a render number', async () => {
    const harness = new Harness();
    await harness.open(A.id);
    harness.session.detach();
    await harness.session.handleMessage({ type: 'setComplete', skillId: A.id, complete: true });
    assert.deepEqual(harness.record.completions, []);
  });
});
