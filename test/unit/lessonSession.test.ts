import * as assert from 'node:assert/strict';
import type { LessonContent } from '../../src/curriculum/lessonLibrary';
import { MAX_TERMINAL_CHARS } from '../../src/lessonPanel/lessonActions';
import type { ExtensionMessage } from '../../src/lessonPanel/protocol';
import { Harness, QUIZ, block, deferred } from './sessionHarness';

const content = (title: string): LessonContent => ({ rendered: { html: `<h1>${title}</h1>`, codeBlocks: [], headings: [], text: title } as never, quiz: QUIZ, exercises: new Map(), exercise: undefined, problems: [] });

function posted<T extends ExtensionMessage['type']>(harness: Harness, type: T): Extract<ExtensionMessage, { type: T }>[] {
  return harness.record.posted.filter((message): message is Extract<ExtensionMessage, { type: T }> => message.type === type);
}

describe('lesson session: renders', () => {
  it('ends on the newest lesson when an older, slower render finishes last', async () => {
    const slow = deferred<LessonContent>();
    const [first, second] = new Harness().skills;
    const harness = new Harness({ content: { [first.id]: slow.promise } });
    const older = harness.session.show(first.id);
    await harness.session.show(second.id);
    slow.resolve(content(first.title));
    await older;
    assert.equal(harness.session.skillId, second.id);
    assert.equal(harness.record.html.length, 1, 'the stale render never reached the view');
    assert.match(harness.record.html[0], new RegExp(`data-skill-id="${second.id}"`));
    assert.deepEqual(harness.record.titles, [`${second.position} · ${second.title}`]);
  });

  it('titles the tab with the path position, and the header says "Skill n of 22"', async () => {
    const harness = new Harness();
    const skill = harness.skills.find((candidate) => candidate.position !== candidate.number) ?? harness.skills[5];
    await harness.open(skill.id);
    assert.deepEqual(harness.record.titles, [`${skill.position} · ${skill.title}`]);
    assert.match(harness.record.html[0], new RegExp(`Skill ${skill.position} of ${harness.skills.length}`));
    assert.match(harness.record.html[0], new RegExp(`roadmap #${skill.number}`));
  });

  it('holds posts until the page of the current render says ready, and ignores an old page saying it', async () => {
    const harness = new Harness();
    const [first, second] = harness.skills;
    await harness.session.show(first.id);
    const firstRender = harness.session.render;
    await harness.session.post({ type: 'exerciseStatus', skillId: first.id, status: 'running', detail: 'lost' });
    await harness.session.show(second.id);
    await harness.session.post({ type: 'exerciseStatus', skillId: second.id, status: 'running', detail: 'kept' });
    assert.deepEqual(harness.record.posted, [], 'nothing is posted before ready');
    await harness.session.handleMessage({ type: 'ready', render: firstRender });
    assert.deepEqual(harness.record.posted, [], 'the replaced page saying ready does not release the queue');
    await harness.session.handleMessage({ type: 'ready', render: harness.session.render });
    assert.deepEqual(posted(harness, 'exerciseStatus').map((message) => message.detail), ['kept']);
  });

  it('does nothing after the panel closed or the session was disposed', async () => {
    const slow = deferred<LessonContent>();
    const [first, second] = new Harness().skills;
    const harness = new Harness({ content: { [first.id]: slow.promise }, blocks: [block(0, 'echo hi', 'terminal')] });
    const pending = harness.session.show(first.id);
    harness.session.detach();
    slow.resolve(content(first.title));
    await pending;
    assert.deepEqual(harness.record.html, [], 'a render that finishes after close does not touch the view');

    harness.session.attach(harness.view);
    const render = await harness.open(second.id);
    harness.session.dispose();
    await harness.session.show(first.id);
    await harness.session.handleMessage({ type: 'runInTerminal', render, block: 0 });
    await harness.session.handleMessage({ type: 'setComplete', skillId: second.id, complete: true });
    await harness.session.post({ type: 'scrollTo', anchor: 'h-x' });
    harness.fireProgress([]);
    assert.equal(harness.record.html.length, 1);
    assert.deepEqual(harness.record.confirmed, []);
    assert.deepEqual(harness.record.completions, []);
    assert.deepEqual(harness.record.posted, []);
  });

  it("ignores a replaced page's block and quiz actions, so they cannot act on the new lesson", async () => {
    const harness = new Harness({ blocks: [block(0, 'echo one', 'terminal')] });
    const [first, second] = harness.skills;
    const old = await harness.open(first.id);
    await harness.open(second.id);
    for (const message of [
      { type: 'copyCode', render: old, block: 0 },
      { type: 'insertCode', render: old, block: 0 },
      { type: 'runInTerminal', render: old, block: 0 },
      { type: 'answerQuiz', render: old, skillId: second.id, questionId: 'vary', choice: 1 },
      { type: 'resetQuiz', render: old, skillId: second.id },
    ]) {
      await harness.session.handleMessage(message);
    }
    assert.deepEqual([harness.record.copied, harness.record.inserted, harness.record.confirmed], [[], [], []]);
    assert.deepEqual(posted(harness, 'quizResult'), []);
    assert.equal(harness.record.warnings.filter((warning) => warning.includes('has been replaced')).length, 5);
    // The same messages from the current page do act.
    await harness.session.handleMessage({ type: 'copyCode', render: harness.session.render, block: 0 });
    assert.deepEqual(harness.record.copied, ['echo one']);
  });

  it('opens a new lesson at its anchor and marks it as a new page; a link into the same lesson only scrolls', async () => {
    const harness = new Harness();
    const [first, second] = harness.skills;
    await harness.open(first.id);
    await harness.open(second.id, 'h-methods');
    assert.match(harness.record.html[1], /data-anchor="h-methods"/);
    await harness.session.handleMessage({ type: 'navigate', skillId: second.id, anchor: 'h-status' });
    assert.equal(harness.record.html.length, 2, 'no re-render for a link within the lesson');
    assert.deepEqual(posted(harness, 'scrollTo'), [{ type: 'scrollTo', anchor: 'h-status' }]);
  });

  it('goes Back and Forward through the lessons opened, and tells listeners which lesson shows', async () => {
    const harness = new Harness();
    const [a, b, c] = harness.skills;
    const shown: string[] = [];
    harness.session.onDidShowLesson((skillId) => shown.push(skillId));
    await harness.open(a.id);
    assert.match(harness.record.html[0], /id="bp-back"[^>]*disabled/);
    await harness.open(b.id);
    await harness.open(c.id);
    assert.doesNotMatch(harness.record.html[2], /id="bp-back"[^>]*disabled/);
    await harness.session.handleMessage({ type: 'history', direction: 'back' });
    assert.equal(harness.session.skillId, b.id);
    await harness.session.handleMessage({ type: 'ready', render: harness.session.render });
    await harness.session.handleMessage({ type: 'history', direction: 'back' });
    assert.equal(harness.session.skillId, a.id);
    assert.equal(harness.session.canGoBack, false);
    await harness.session.handleMessage({ type: 'history', direction: 'forward' });
    assert.equal(harness.session.skillId, b.id);
    assert.doesNotMatch(harness.record.html.at(-1) ?? '', /id="bp-forward"[^>]*disabled/);
    // A new lesson from here drops the forward history, as a browser does.
    await harness.open(a.id);
    assert.equal(harness.session.canGoForward, false);
    assert.deepEqual(shown, [a.id, b.id, c.id, b.id, a.id, b.id, a.id]);
  });
});

describe('lesson session: quiz', () => {
  it("answers with the chosen wrong choice's own feedback and the right answer's explanation", async () => {
    const harness = new Harness();
    const skill = harness.skills[0];
    const render = await harness.open(skill.id);
    await harness.session.handleMessage({ type: 'answerQuiz', render, skillId: skill.id, questionId: 'status-405', choice: 2 });
    assert.deepEqual(posted(harness, 'quizResult'), [
      { type: 'quizResult', skillId: skill.id, questionId: 'status-405', choice: 2, correct: false, answer: 1, explanation: '405 with Allow.', feedback: '400 blames the request body.', score: undefined },
    ]);
  });

  it('records the score once every question has an answer; a replayed answer does not change it', async () => {
    const harness = new Harness();
    const skill = harness.skills[0];
    const render = await harness.open(skill.id);
    const answer = (questionId: string, choice: number) => harness.session.handleMessage({ type: 'answerQuiz', render, skillId: skill.id, questionId, choice });
    await answer('status-405', 1);
    await answer('status-405', 0); // the page replays answers after a reload; the first one counts
    await answer('vary', 1);
    assert.deepEqual(harness.record.scores, [[skill.id, 1, 2]]);
    const last = posted(harness, 'quizResult').at(-1);
    assert.deepEqual(last?.score, { correct: 1, total: 2, best: 1 });
    const replay = posted(harness, 'quizResult')[1];
    assert.equal(replay.choice, 1, 'the replay reports the answer that counted');
  });

  it('refreshes the open quiz after Reset or Import: best score and a cleared attempt', async () => {
    const harness = new Harness();
    const skill = harness.skills[0];
    const render = await harness.open(skill.id);
    await harness.session.handleMessage({ type: 'answerQuiz', render, skillId: skill.id, questionId: 'status-405', choice: 1 });
    harness.best.set(skill.id, { correct: 2, total: 2 });
    harness.fireProgress([]); // what ProgressStore fires after reset() and importJson()
    await Promise.resolve();
    assert.deepEqual(posted(harness, 'quizState').at(-1), { type: 'quizState', skillId: skill.id, best: { correct: 2, total: 2 }, clearAnswers: true });
    // The session's attempt was cleared too: the same question counts again.
    await harness.session.handleMessage({ type: 'answerQuiz', render, skillId: skill.id, questionId: 'status-405', choice: 0 });
    assert.equal(posted(harness, 'quizResult').at(-1)?.choice, 0);
    // A change to another skill leaves this page alone.
    const before = harness.record.posted.length;
    harness.fireProgress([harness.skills[3].id]);
    assert.equal(harness.record.posted.length, before);
  });

  it('shows the choices in a per-learner order that is the same on every render', async () => {
    const harness = new Harness();
    const skill = harness.skills[0];
    await harness.open(skill.id);
    await harness.session.refresh();
    const orders = harness.record.html.map((html) => [...html.matchAll(/data-question-id="status-405" data-choice="(\d)"/g)].map((match) => match[1]).join(''));
    assert.equal(orders[0], orders[1]);
    assert.equal([...orders[0]].sort().join(''), '012');
  });
});

describe('lesson session: actions and trust gates', () => {
  it('runs a terminal block only in a trusted workspace, after showing exactly what will run', async () => {
    const code = 'curl -i http://127.0.0.1:3000/health';
    const harness = new Harness({ blocks: [block(0, code, 'terminal')] });
    const render = await harness.open(harness.skills[0].id);
    await harness.session.handleMessage({ type: 'runInTerminal', render, block: 0 });
    assert.deepEqual(harness.record.confirmed, [code]);
    assert.deepEqual(harness.record.terminal, [code]);

    harness.trusted = false;
    await harness.session.handleMessage({ type: 'runInTerminal', render, block: 0 });
    assert.deepEqual(harness.record.confirmed, [code], 'untrusted: not even asked');
    assert.deepEqual(harness.record.terminal, [code]);
    assert.deepEqual(harness.record.refused, ['untrusted']);
  });

  it('sends nothing when the learner declines, or when trust is withdrawn while the dialog is open', async () => {
    const harness = new Harness({ blocks: [block(0, 'php -v', 'terminal')], confirm: false });
    const render = await harness.open(harness.skills[0].id);
    await harness.session.handleMessage({ type: 'runInTerminal', render, block: 0 });
    harness.confirm = true;
    harness.duringConfirm = () => (harness.trusted = false);
    await harness.session.handleMessage({ type: 'runInTerminal', render, block: 0 });
    assert.equal(harness.record.confirmed.length, 2);
    assert.deepEqual(harness.record.terminal, []);
  });

  it('refuses blocks with control characters, blocks too long to show, and example blocks', async () => {
    const blocks = [
      block(0, 'echo ok\u001b[2K\rrm -rf ~', 'terminal'),
      block(1, 'echo a\u202erm', 'terminal'),
      block(2, 'x'.repeat(MAX_TERMINAL_CHARS + 1), 'terminal'),
      block(3, Array.from({ length: 40 }, (_, index) => `echo ${index}`).join('\n'), 'terminal'),
      block(4, 'curl https://api.example/users'),
    ];
    const harness = new Harness({ blocks });
    const render = await harness.open(harness.skills[0].id);
    for (const index of [0, 1, 2, 3, 4]) await harness.session.handleMessage({ type: 'runInTerminal', render, block: index });
    assert.deepEqual(harness.record.refused, ['controlCharacters', 'controlCharacters', 'tooLong', 'tooLong', 'notRunnable']);
    assert.deepEqual(harness.record.confirmed, []);
    assert.deepEqual(harness.record.terminal, []);
  });

  it('runs a `js run` block with Node only when trusted, and posts its output beside the block', async () => {
    const harness = new Harness({ blocks: [block(0, 'console.log(1)', 'node'), block(1, 'echo hi', 'terminal')] });
    const render = await harness.open(harness.skills[0].id);
    await harness.session.handleMessage({ type: 'runCode', render, block: 0 });
    await harness.session.handleMessage({ type: 'runCode', render, block: 1 });
    assert.deepEqual(harness.record.ran, ['console.log(1)'], 'a terminal block is not run as JavaScript');
    assert.deepEqual(posted(harness, 'runOutput'), [
      { type: 'runOutput', block: 0, status: 'running', output: '' },
      { type: 'runOutput', block: 0, status: 'done', output: 'ran 14' },
    ]);
    harness.trusted = false;
    await harness.session.handleMessage({ type: 'runCode', render, block: 0 });
    assert.deepEqual(harness.record.ran, ['console.log(1)']);
    assert.deepEqual(harness.record.refused, ['untrusted']);
  });

  it('opens only links the link policy allows, and names only existing skills', async () => {
    const harness = new Harness();
    const skill = harness.skills[0];
    await harness.open(skill.id);
    for (const href of ['https://nodejs.org/api/', 'javascript:alert(1)', 'command:backendPath.resetProgress', 'http://example.com/', 'https://user:pw@example.com/']) {
      await harness.session.handleMessage({ type: 'openExternal', href });
    }
    assert.deepEqual(harness.record.opened, ['https://nodejs.org/api/']);
    await harness.session.handleMessage({ type: 'setComplete', skillId: 'no-such-skill', complete: true });
    await harness.session.handleMessage({ type: 'exercise', skillId: 'no-such-skill', action: 'check' });
    await harness.session.handleMessage({ type: 'setComplete', skillId: skill.id, complete: true });
    await harness.session.handleMessage({ type: 'exercise', skillId: skill.id, action: 'check' });
    assert.deepEqual(harness.record.completions, [[skill.id, true]]);
    assert.deepEqual(harness.record.commands, [['cmd.check', skill.id]]);
  });

  it('logs and ignores a link to an unknown skill and a block the lesson does not have', async () => {
    const harness = new Harness();
    const render = await harness.open(harness.skills[0].id);
    await harness.session.handleMessage({ type: 'navigate', skillId: 'a-b' });
    assert.ok(harness.record.warnings.some((warning) => warning.includes('unknown skill')));
    await harness.session.handleMessage({ type: 'copyCode', render, block: 99 });
    assert.ok(harness.record.warnings.some((warning) => warning.includes('does not have')));
  });
});
