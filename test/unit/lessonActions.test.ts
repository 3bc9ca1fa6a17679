// The lesson actions on their own, with a recording host: each action re-checks its input, so these
// hold even for a caller that skipped the session's checks.
import * as assert from 'node:assert/strict';
import type { ActionHost, Refusal, RunResult } from '../../src/lessonPanel/lessonActions';
import { MAX_TERMINAL_CHARS, MAX_TERMINAL_LINES, RUN_TIMEOUT_MS, createLessonActions, runKind, terminalRefusal } from '../../src/lessonPanel/lessonActions';
import type { CodeBlock } from '../../src/lessons/renderLesson';

function recordingHost(options: { trusted?: boolean; confirm?: boolean; duringConfirm?: () => void } = {}) {
  const seen = { refused: [] as Refusal[], confirmed: [] as string[], terminal: [] as string[], opened: [] as string[], copied: [] as string[], inserted: [] as [string, string][], ran: [] as [string, number][], commands: [] as string[], warnings: [] as string[] };
  let trusted = options.trusted ?? true;
  const host: ActionHost = {
    isTrusted: () => trusted,
    refused: (reason) => void seen.refused.push(reason),
    confirmRun: async (command) => {
      seen.confirmed.push(command);
      options.duringConfirm?.();
      return options.confirm ?? true;
    },
    openExternal: async (url) => void seen.opened.push(url),
    copy: async (text) => void seen.copied.push(text),
    insert: async (code, language) => void seen.inserted.push([code, language]),
    sendToTerminal: (command) => void seen.terminal.push(command),
    runNode: async (code, timeoutMs): Promise<RunResult> => {
      seen.ran.push([code, timeoutMs]);
      return { status: 'done', output: 'hello\n' };
    },
    executeCommand: async (command, argument) => void seen.commands.push([command, argument.skillId, ...(argument.stack ? [argument.stack] : [])].join(' ')),
    warn: (message) => void seen.warnings.push(message),
  };
  const actions = createLessonActions(host, { start: 'cmd.start', check: 'cmd.check', showSolution: 'cmd.solution' });
  return { actions, seen, withdrawTrust: () => (trusted = false) };
}

const terminal = (code: string, index = 1): CodeBlock => ({ index, language: 'bash', code, run: 'terminal' });
const node = (code: string): CodeBlock => ({ index: 4, language: 'javascript', code, run: 'node' });
const example = (code: string): CodeBlock => ({ index: 2, language: 'bash', code, example: true });

describe('lesson actions', () => {
  it('knows a block as runnable only by its run kind', () => {
    assert.equal(runKind(terminal('ls')), 'terminal');
    assert.equal(runKind(node('1')), 'node');
    assert.equal(runKind(example('ls')), undefined);
    // A prerendered file (a content pack) could carry anything in `run`: only the two known kinds count.
    assert.equal(runKind({ ...example('ls'), run: 'shell' as never }), undefined);
    assert.equal(runKind({ ...example('ls'), run: 'Terminal' as never }), undefined);
  });

  it('refuses exactly the blocks longer than the confirmation shows, by characters and by lines', () => {
    assert.equal(terminalRefusal(terminal('x'.repeat(MAX_TERMINAL_CHARS)), true), undefined, 'the limit itself is shown in full');
    assert.equal(terminalRefusal(terminal('x'.repeat(MAX_TERMINAL_CHARS + 1)), true), 'tooLong');
    const lines = (count: number) => Array.from({ length: count }, (_line, index) => `echo ${index}`).join('\n');
    assert.equal(terminalRefusal(terminal(lines(MAX_TERMINAL_LINES)), true), undefined);
    assert.equal(terminalRefusal(terminal(lines(MAX_TERMINAL_LINES + 1)), true), 'tooLong');
    assert.equal(terminalRefusal(terminal('ls'), false), 'untrusted', 'trust is checked first');
    assert.equal(terminalRefusal(example('ls'), true), 'notRunnable');
    assert.equal(terminalRefusal(terminal('ls\u001b[2J'), true), 'controlCharacters');
  });

  it('logs each refused terminal block with its index and reason, and tells the learner', async () => {
    const { actions, seen } = recordingHost({ trusted: false });
    await actions.runInTerminal(terminal('ls', 7));
    assert.deepEqual(seen.refused, ['untrusted']);
    assert.deepEqual(seen.warnings, ['Refused to run code block 7 in a terminal: untrusted']);
    assert.deepEqual(seen.confirmed, [], 'no dialog in an untrusted workspace');
    assert.deepEqual(seen.terminal, []);
  });

  it('says why when trust is withdrawn while the confirmation is open, and sends nothing', async () => {
    const harness = recordingHost({ duringConfirm: () => harness.withdrawTrust() });
    await harness.actions.runInTerminal(terminal('ls'));
    assert.deepEqual(harness.seen.confirmed, ['ls']);
    assert.deepEqual(harness.seen.refused, ['untrusted']);
    assert.deepEqual(harness.seen.terminal, []);
  });

  it('runs only JavaScript run blocks, only when trusted, with the time limit', async () => {
    const trusted = recordingHost();
    assert.deepEqual(await trusted.actions.runCode(terminal('ls')), { status: 'refused', output: 'This block is not runnable JavaScript.' });
    assert.deepEqual(await trusted.actions.runCode(example('ls')), { status: 'refused', output: 'This block is not runnable JavaScript.' });
    assert.deepEqual(trusted.seen.ran, []);
    assert.deepEqual(await trusted.actions.runCode(node('console.log("hello")')), { status: 'done', output: 'hello\n' });
    assert.deepEqual(trusted.seen.ran, [['console.log("hello")', RUN_TIMEOUT_MS]]);

    const untrusted = recordingHost({ trusted: false });
    assert.deepEqual(await untrusted.actions.runCode(node('1')), { status: 'refused', output: '' });
    assert.deepEqual(untrusted.seen.refused, ['untrusted']);
    assert.deepEqual(untrusted.seen.ran, []);
  });

  it('opens only checked links, and logs a refusal with the reason and at most 200 characters of the link', async () => {
    const { actions, seen } = recordingHost();
    await actions.openExternal('https://nodejs.org/api/');
    const long = `http://example.org/${'a'.repeat(300)}`;
    await actions.openExternal(long);
    assert.deepEqual(seen.opened, ['https://nodejs.org/api/']);
    assert.deepEqual(seen.warnings, [`Refused to open a link from a lesson (the http: scheme is not allowed): ${long.slice(0, 200)}`]);
  });

  it('copies and inserts the block as it is, with its language, and runs the exercise command asked for', async () => {
    const { actions, seen } = recordingHost({ trusted: false });
    await actions.copyCode(node('const a = 1;'));
    await actions.insertCode(node('const b = 2;'));
    await actions.exercise('rest-basics', 'check');
    await actions.exercise('rest-basics', 'showSolution');
    await actions.exercise('rest-basics', 'start');
    await actions.exercise('rest-basics', 'start', 'php');
    assert.deepEqual(seen.copied, ['const a = 1;']);
    assert.deepEqual(seen.inserted, [['const b = 2;', 'javascript']]);
    assert.deepEqual(seen.commands, ['cmd.check rest-basics', 'cmd.solution rest-basics', 'cmd.start rest-basics', 'cmd.start rest-basics php']);
  });
});
