// Check Exercise's runner (src/exercises/exerciseRunner.ts) in plain Node: the real spawn, report
// reading, verdict, time limit and Cancel, with a recording stand-in for the vscode task API and a
// stand-in test tool (a shell script posing as `node`) whose output, report and exit code each
// test chooses. The tool stands in for node --test / PHPUnit, so what is tested is the runner's own
// promise: only this run's exit code and report decide, zero tests is never a pass, and a hung run
// ends.
import * as assert from 'node:assert/strict';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { EXERCISES_FOLDER } from '../../src/constants';
import type { CheckOutcome, CheckRunObserver, CheckRunOptions } from '../../src/exercises/exerciseRunner';
import type { JUnitCase } from '../../src/exercises/junitReport';
import type { TestProcessResult } from '../../src/exercises/testProcess';
import { lenient, loadWithFakeVscode } from './vscodeEdge';

interface Scenario {
  readonly stdout?: string;
  readonly exitCode?: number;
  /** JUnit XML written where the runner asked; omitted: no report at all. */
  readonly report?: string;
  /** Never exits (a test that waits forever). */
  readonly hang?: boolean;
}

/**
 * The stand-in `node`, a shell script (fast to start, so many runs stay cheap): --version answers
 * v24; a run records its arguments and process id, then plays the scenario files in its folder.
 */
const TOOL = `#!/bin/sh
if [ "$1" = "--version" ]; then echo v24.1.0; exit 0; fi
: > args.txt
for arg in "$@"; do
  echo "$arg" >> args.txt
  case "$arg" in --test-reporter-destination=stdout) ;; --test-reporter-destination=*) report="\${arg#--test-reporter-destination=}" ;; esac
done
echo $$ > pid.txt
printf x >> runs.txt
if [ -f stdout.txt ]; then cat stdout.txt; fi
if [ -f report.xml ] && [ -n "$report" ]; then cp report.xml "$report"; fi
if [ -f hang ]; then exec sleep 600; fi
exit $(cat exit-code.txt)
`;

const PASSING = `<?xml version="1.0"?><testsuites><testsuite name="health"><testcase name="answers 200"/><testcase name="sends JSON"/></testsuite></testsuites>`;
const FAILING = `<?xml version="1.0"?><testsuites><testsuite name="health"><testcase name="answers 200"/><testcase name="sends JSON"><failure message="expected application/json">stack</failure></testcase></testsuite></testsuites>`;
const EMPTY = `<?xml version="1.0"?><testsuites></testsuites>`;
const DIFF = `<?xml version="1.0"?><testsuites><testsuite name="health"><testcase name="sends JSON"><failure message="Expected values to be strictly deep-equal:&#10;+ actual - expected&#10;&#10;  {&#10;+   a: 1&#10;  }">stack</failure></testcase></testsuite></testsuites>`;
const SKIPPED = `<?xml version="1.0"?><testsuites><testsuite name="health"><testcase name="later"><skipped/></testcase></testsuite></testsuites>`;

type Runner = typeof import('../../src/exercises/exerciseRunner');

interface Seen {
  tasks: { definition: Record<string, unknown>; name: string; source: string; problemMatchers: unknown; presentationOptions: unknown }[];
  terminal: string;
  closedWith: number | undefined;
  /** Every emitter and token source the runner made, to check it disposed of them. */
  made: { disposed: boolean }[];
  /** The check's pseudoterminal, once the task system has it. */
  pty?: { close(): void };
}

/** How the stand-in task system treats the check's pseudoterminal. */
interface TaskSystem {
  readonly executeTask: 'run' | 'reject';
  /** How many times it opens the terminal (VS Code opens it once; 0: the task never starts). */
  readonly opens: number;
  /** Runs just before the terminal opens. */
  readonly beforeOpen?: () => void;
}

class Emitter<T> {
  private listeners: ((value: T) => void)[] = [];
  disposed = false;
  get listenerCount(): number {
    return this.listeners.length;
  }
  readonly event = (listener: (value: T) => void) => {
    this.listeners.push(listener);
    return { dispose: () => (this.listeners = this.listeners.filter((other) => other !== listener)) };
  };
  fire(value: T): void {
    for (const listener of [...this.listeners]) listener(value);
  }
  dispose(): void {
    this.disposed = true;
    this.listeners = [];
  }
}

function fakeVscode(seen: Seen, system: TaskSystem) {
  class Task {
    presentationOptions: unknown;
    constructor(
      readonly definition: Record<string, unknown>,
      readonly scope: unknown,
      readonly name: string,
      readonly source: string,
      readonly execution: { callback: () => Promise<{ onDidWrite: (listener: (text: string) => void) => void; onDidClose: (listener: (code: number) => void) => void; open(): void; close(): void }> },
      readonly problemMatchers: unknown,
    ) {}
  }
  class CustomExecution {
    constructor(readonly callback: () => Promise<unknown>) {}
  }
  class CancellationTokenSource {
    readonly token = new Token();
    disposed = false;
    constructor() {
      seen.made.push(this);
    }
    cancel(): void {
      if (!this.token.isCancellationRequested) this.token.cancel();
    }
    dispose(): void {
      this.disposed = true;
    }
  }
  class EventEmitter<T> extends Emitter<T> {
    constructor() {
      super();
      seen.made.push(this);
    }
  }
  return lenient({
    CancellationTokenSource,
    l10n: { t: (message: string, ...args: unknown[]) => message.replace(/\{(\d+)\}/g, (_match, index: string) => String(args[Number(index)])) },
    EventEmitter,
    Task,
    CustomExecution,
    TaskRevealKind: { Always: 'always', Silent: 'silent', Never: 'never' },
    TaskPanelKind: { Shared: 'shared', Dedicated: 'dedicated', New: 'new' },
    Uri: { joinPath: (base: { path: string }, ...parts: string[]) => ({ path: [base.path, ...parts].join('/') }) },
    tasks: {
      executeTask: async (task: Task) => {
        seen.tasks.push({ definition: task.definition, name: task.name, source: task.source, problemMatchers: task.problemMatchers, presentationOptions: task.presentationOptions });
        if (system.executeTask === 'reject') throw new Error('the task system is busy');
        const pty = await task.execution.callback();
        pty.onDidWrite((text) => (seen.terminal += text));
        pty.onDidClose((code) => (seen.closedWith = code));
        system.beforeOpen?.();
        for (let open = 0; open < system.opens; open += 1) pty.open();
        seen.pty = pty;
        return { terminate() {} };
      },
    },
  });
}

class Token {
  isCancellationRequested = false;
  readonly emitter = new Emitter<void>();
  readonly onCancellationRequested = this.emitter.event;
  cancel(): void {
    this.isCancellationRequested = true;
    this.emitter.fire();
  }
}

const skill = { number: 2, position: 2, id: 'rest-basics', title: 'REST Basics', summary: '', minutes: 30, objectives: [], stageId: 'foundation', folder: '02-rest-basics' };
const exercise = { title: 'Health', language: 'node', files: ['src/app.js'] };

describe('exercise runner (Check Exercise) with a stand-in test tool', function () {
  if (process.platform === 'win32') return; // the stand-in tool is a shell script
  // Each check takes well under a second; a run that never settles fails its test instead of hanging.
  this.timeout(10_000);
  let root: string;
  let tool: string;
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'bp-runner-'));
    tool = join(root, 'fake-node');
    writeFileSync(tool, TOOL);
    chmodSync(tool, 0o755);
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  let count = 0;
  interface CheckOptions {
    token?: Token;
    timeoutSeconds?: number;
    nodePath?: string;
    executeTask?: 'run' | 'reject';
    opens?: number;
    beforeOpen?: () => void;
    observer?: CheckRunOptions['observer'];
    whileRunning?: (seen: Seen) => void;
  }
  async function check(scenario: Scenario, options: CheckOptions = {}) {
    const seen: Seen = { tasks: [], terminal: '', closedWith: undefined, made: [] };
    const runner = await loadWithFakeVscode<Runner>('src/exercises/exerciseRunner.ts', fakeVscode(seen, { executeTask: options.executeTask ?? 'run', opens: options.opens ?? 1, beforeOpen: options.beforeOpen }));
    const folder = join(root, `exercise-${++count}`);
    mkdirSync(folder);
    writeFileSync(join(folder, 'exit-code.txt'), String(scenario.exitCode ?? 0));
    if (scenario.stdout !== undefined) writeFileSync(join(folder, 'stdout.txt'), scenario.stdout);
    if (scenario.report !== undefined) writeFileSync(join(folder, 'report.xml'), scenario.report);
    if (scenario.hang) writeFileSync(join(folder, 'hang'), '');
    const runOptions: CheckRunOptions = {
      settings: { nodePath: options.nodePath ?? tool, phpPath: '' },
      timeoutSeconds: options.timeoutSeconds ?? 20,
      token: (options.token ?? new Token()) as unknown as CheckRunOptions['token'],
      describeProblem: (problem) => `problem: ${problem.reason}`,
      ...(options.observer ? { observer: options.observer } : {}),
    };
    const running = runner.runExerciseTests({ fsPath: folder } as never, { name: 'ws', index: 0, uri: {} } as never, skill as never, exercise as never, runOptions);
    options.whileRunning?.(seen);
    const outcome: CheckOutcome = await running;
    const run = existsSync(join(folder, 'args.txt'))
      ? {
          args: readFileSync(join(folder, 'args.txt'), 'utf8').trimEnd().split('\n'),
          pid: Number(readFileSync(join(folder, 'pid.txt'), 'utf8')),
          times: readFileSync(join(folder, 'runs.txt'), 'utf8').length,
        }
      : undefined;
    return { outcome, seen, run, runner, token: runOptions.token as unknown as Token };
  }

  it('passes only when tests ran, none failed and the tool exited 0; the terminal shows the command and a summary', async () => {
    const { outcome, seen, run } = await check({ stdout: 'ok 1 - answers 200\n', report: PASSING, exitCode: 0 });
    assert.equal(outcome.status, 'passed');
    assert.equal(outcome.summary, '2 passed, 0 failed.');
    assert.deepEqual(outcome.failures, []);
    assert.equal(outcome.exitCode, 0);
    assert.equal(outcome.report?.total, 2);
    assert.ok(run, 'the tool ran');
    assert.equal(run.args[0], '--test');
    assert.ok(run.args.includes('--test-reporter=junit'));
    assert.match(seen.terminal, /^> .*fake-node --test /, 'the command is shown first');
    assert.match(seen.terminal, /ok 1 - answers 200\r\n/, 'the output reaches the terminal with terminal line ends');
    assert.match(seen.terminal, /\r\n─{60}\r\nSummary for .*REST Basics\r\n2 passed, 0 failed\.\r\n$/);
    assert.match(seen.terminal, /2 passed, 0 failed\./);
    assert.equal(seen.closedWith, 0);
    // The report lives in a folder of its own, removed after the check.
    const reportFile = run.args.find((arg) => arg.startsWith('--test-reporter-destination=') && !arg.endsWith('=stdout'))?.slice(28);
    assert.ok(reportFile);
    assert.equal(existsSync(dirname(reportFile)), false, 'the report folder is removed');
  });

  it('gives every run a task of its own: the backendPath type, the skill, and a fresh check id', async () => {
    const first = await check({ report: PASSING });
    const second = await check({ report: PASSING });
    const [a] = first.seen.tasks;
    const [b] = second.seen.tasks;
    assert.equal(a.definition.type, 'backendPath');
    assert.equal(a.definition.skillId, 'rest-basics');
    assert.equal(typeof a.definition.checkId, 'string');
    assert.notEqual(a.definition.checkId, b.definition.checkId);
    assert.equal(a.source, 'Backend Path');
    assert.match(a.name, /REST Basics/);
  });

  it('fails with each failing test named and its message, and closes the terminal with 1', async () => {
    const { outcome, seen } = await check({ report: FAILING, exitCode: 1 });
    assert.equal(outcome.status, 'failed');
    assert.equal(outcome.summary, '1 passed, 1 failed.');
    assert.deepEqual(outcome.failures, [{ name: 'health › sends JSON', message: 'expected application/json' }]);
    assert.match(seen.terminal, /✗ health › sends JSON: expected application\/json/);
    assert.equal(seen.closedWith, 1);
  });

  const NEVER_A_PASS: [string, Scenario, RegExp][] = [
    ['no test ran', { report: EMPTY, exitCode: 0 }, /^No tests ran/],
    ['every test was skipped', { report: SKIPPED, exitCode: 0 }, /^Every test was skipped \(1\)/],
    ['no report was written', { exitCode: 0 }, /ended without a report/],
    ['the report is not JUnit', { report: 'not xml at all', exitCode: 0 }, /ended without a report/],
    ['the tool exited 1 although every test passed', { report: PASSING, exitCode: 1 }, /^2 passed, 0 failed\.$/],
    ['the tool failed without a report', { exitCode: 9 }, /exit code 9/],
  ];
  for (const [when, scenario, summary] of NEVER_A_PASS) {
    it(`never passes when ${when}`, async () => {
      const { outcome, seen } = await check(scenario);
      assert.equal(outcome.status, 'failed');
      assert.ok(outcome.status === 'failed');
      assert.match(outcome.summary, summary);
      assert.deepEqual(outcome.failures, [], 'no test failed by name');
      assert.equal(seen.closedWith, 1);
    });
  }

  it('stops a run that does not finish within the time limit, and ends the tool', async () => {
    const started = Date.now();
    const { outcome, seen, run } = await check({ hang: true }, { timeoutSeconds: 1 });
    assert.equal(outcome.status, 'error');
    assert.ok(outcome.status === 'error');
    assert.equal(outcome.reason, 'timeout');
    assert.match(outcome.message, /within 1 seconds/);
    assert.ok(Date.now() - started < 15_000, 'it ends near the limit');
    assert.match(seen.terminal, /■ The tests did not finish/);
    assert.equal(seen.closedWith, 1);
    assert.ok(run, 'the tool had started');
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.throws(() => process.kill(run.pid, 0), 'the hung tool was killed');
  });

  it('stops on Cancel, before or during the run, and records nothing', async () => {
    const during = new Token();
    const cancelled = await check({ hang: true }, { token: during, whileRunning: () => setTimeout(() => during.cancel(), 500) });
    assert.ok(cancelled.outcome.status === 'error');
    assert.equal(cancelled.outcome.reason, 'cancelled');
    assert.match(cancelled.outcome.message, /cancelled/);

    const before = new Token();
    before.cancel();
    const early = await check({ report: PASSING }, { token: before });
    assert.ok(early.outcome.status === 'error');
    assert.equal(early.outcome.reason, 'cancelled');
    assert.equal(early.run, undefined, 'the tool never started');
  });

  it('reports a missing or old tool instead of running, and a task the editor refused to start', async () => {
    const missing = await check({ report: PASSING }, { nodePath: join(root, 'no-such-node') });
    assert.ok(missing.outcome.status === 'error');
    assert.equal(missing.outcome.reason, 'toolchain');
    assert.equal(missing.outcome.message, 'problem: notFound');
    assert.equal(missing.outcome.problem?.reason, 'notFound');
    assert.deepEqual(missing.seen.tasks, [], 'no task starts');

    const refused = await check({ report: PASSING }, { executeTask: 'reject' });
    assert.ok(refused.outcome.status === 'error');
    assert.equal(refused.outcome.reason, 'task');
    assert.equal(refused.outcome.message, 'the task system is busy');
  });
  /** A Testing view stand-in: what it was told, and whether the check waited for it. */
  function observing(delayMs = 0) {
    const seen = { output: [] as string[], finished: [] as { result: TestProcessResult; cases: readonly JUnitCase[] | undefined }[], done: false };
    const observer: CheckRunObserver = {
      output: (text) => seen.output.push(text),
      finished: async (result, cases) => {
        seen.finished.push({ result, cases });
        await new Promise((resolve) => setTimeout(resolve, delayMs));
        seen.done = true;
      },
    };
    return { seen, observer };
  }

  /** Every line end in the terminal is CRLF (a bare LF would not return the cursor). */
  const bareLineEnds = (terminal: string) => terminal.replace(/\r\n/g, '').includes('\n');

  it('shows a pass as counts only, and an exit code only when it is what failed the run', async () => {
    const passed = await check({ stdout: 'line one\nline two\n', report: PASSING, exitCode: 0 });
    assert.doesNotMatch(passed.seen.terminal, /exited with code/);
    assert.equal(bareLineEnds(passed.seen.terminal), false);
    assert.match(passed.seen.terminal, /line one\r\nline two\r\n/);
    const exitOnly = await check({ report: PASSING, exitCode: 1 });
    assert.match(exitOnly.seen.terminal, /2 passed, 0 failed\.\r\nThe test runner exited with code 1; the output above says why\.\r\n/);
  });

  it('writes a failure message that spans lines as terminal lines', async () => {
    const { outcome, seen } = await check({ report: DIFF, exitCode: 1 });
    assert.deepEqual(outcome.status === 'error' ? [] : outcome.failures, [{ name: 'health › sends JSON', message: 'Expected values to be strictly deep-equal:\n+ actual - expected' }]);
    assert.match(seen.terminal, /✗ health › sends JSON: Expected values to be strictly deep-equal:\r\n\+ actual - expected\r\n/);
    assert.equal(bareLineEnds(seen.terminal), false);
  });

  it('tells the Testing view the command, the output as it came, then once how the run ended with its cases, before the check ends', async () => {
    const { seen: view, observer } = observing(150);
    const { outcome, seen } = await check({ stdout: 'ok 1 - answers 200\n', report: FAILING, exitCode: 1 }, { observer });
    assert.equal(view.done, true, 'the outcome waited for the view');
    assert.match(view.output[0], /^> .*fake-node --test .*\n\n$/);
    assert.doesNotMatch(view.output[0], /\r/);
    assert.equal(view.output.slice(1).join(''), 'ok 1 - answers 200\n', 'the output as the tool wrote it');
    assert.equal(view.finished.length, 1);
    const [{ result, cases }] = view.finished;
    assert.equal(result.kind, 'exited');
    assert.ok(result.kind === 'exited' && result.exitCode === 1 && result.reportXml === FAILING);
    assert.deepEqual(cases?.map((testCase) => `${testCase.name}: ${testCase.outcome}`), ['answers 200: passed', 'sends JSON: failed']);
    assert.equal(outcome.status, 'failed');
    assert.match(seen.terminal, /^> /, 'the terminal shows the command too');
  });

  it('tells the Testing view once how a check ended that ran no tests: a missing tool, a refused task, a cancel, a time limit', async () => {
    const missing = observing();
    await check({ report: PASSING }, { nodePath: join(root, 'no-such-node'), observer: missing.observer });
    assert.deepEqual(missing.seen.finished, [{ result: { kind: 'spawnError', message: 'problem: notFound' }, cases: undefined }]);

    const refused = observing();
    await check({ report: PASSING }, { executeTask: 'reject', observer: refused.observer });
    assert.deepEqual(refused.seen.finished, [{ result: { kind: 'spawnError', message: 'the task system is busy' }, cases: undefined }]);

    const early = observing();
    const before = new Token();
    before.cancel();
    await check({ report: PASSING }, { token: before, observer: early.observer });
    assert.deepEqual(early.seen.finished, [{ result: { kind: 'cancelled' }, cases: undefined }]);

    const during = observing();
    const token = new Token();
    await check({ hang: true }, { token, observer: during.observer, whileRunning: () => setTimeout(() => token.cancel(), 400) });
    assert.deepEqual(during.seen.finished, [{ result: { kind: 'cancelled' }, cases: undefined }]);

    const late = observing();
    await check({ hang: true }, { timeoutSeconds: 1, observer: late.observer });
    assert.deepEqual(late.seen.finished, [{ result: { kind: 'timeout' }, cases: undefined }]);
  });

  it('stops the run when its terminal is closed, as Cancel does', async () => {
    const { outcome, seen, run } = await check({ hang: true }, { whileRunning: (seen) => setTimeout(() => seen.pty?.close(), 400) });
    assert.ok(outcome.status === 'error');
    assert.equal(outcome.reason, 'cancelled');
    assert.match(seen.terminal, /■ The check was cancelled; nothing was recorded\.\r\n$/);
    assert.ok(run, 'the tool had started');
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.throws(() => process.kill(run.pid, 0), 'the tool was killed');
  });

  it('runs the tests once even if the terminal is opened twice', async () => {
    const { outcome, run } = await check({ report: PASSING }, { opens: 2 });
    assert.equal(outcome.status, 'passed');
    assert.equal(run?.times, 1);
  });

  it('never starts the tool when Cancel comes before the terminal opens, and ends on Cancel when it never opens', async () => {
    const token = new Token();
    const cancelled = await check({ report: PASSING }, { token, beforeOpen: () => token.cancel() });
    assert.ok(cancelled.outcome.status === 'error');
    assert.equal(cancelled.outcome.reason, 'cancelled');
    assert.equal(cancelled.run, undefined, 'the tool never ran');

    const waiting = new Token();
    const never = await check({ report: PASSING }, { token: waiting, opens: 0, whileRunning: () => setTimeout(() => waiting.cancel(), 300) });
    assert.ok(never.outcome.status === 'error');
    assert.equal(never.outcome.reason, 'cancelled');
    assert.equal(never.run, undefined);
  });

  it('creates no task at all for a check cancelled before it began', async () => {
    const token = new Token();
    token.cancel();
    const { outcome, seen } = await check({ report: PASSING }, { token });
    assert.ok(outcome.status === 'error' && outcome.reason === 'cancelled');
    assert.deepEqual(seen.tasks, []);
  });

  it('says when the tool it found cannot be started', async () => {
    const copy = join(root, `fake-node-${count}`);
    copyFileSync(tool, copy);
    chmodSync(copy, 0o755);
    const { outcome, seen } = await check({ report: PASSING }, { nodePath: copy, beforeOpen: () => chmodSync(copy, 0o644) });
    assert.ok(outcome.status === 'error');
    assert.equal(outcome.reason, 'task');
    assert.match(outcome.message, /^The tests could not be started: spawn .*EACCES/);
    assert.match(seen.terminal, /EACCES\r\n$/);
    assert.equal(seen.closedWith, 1);
  });

  it('says when the run\'s report folder cannot be made', async () => {
    const tmp = process.env.TMPDIR;
    let outcome: CheckOutcome;
    try {
      ({ outcome } = await check({ report: PASSING }, { beforeOpen: () => (process.env.TMPDIR = join(root, 'no-such-tmp')) }));
    } finally {
      if (tmp === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = tmp;
    }
    assert.ok(outcome.status === 'error');
    assert.equal(outcome.reason, 'task');
    assert.match(outcome.message, /^The tests could not be started: ENOENT.*mkdtemp/);
  });

  it('disposes of its emitters and token sources, and leaves no listener on the caller\'s token', async () => {
    for (const scenario of [{ report: PASSING }, { exitCode: 3 }]) {
      const { seen, token } = await check(scenario);
      assert.ok(seen.made.length >= 4);
      assert.ok(seen.made.every((made) => made.disposed), 'all disposed');
      assert.equal(token.emitter.listenerCount, 0);
    }
    const cancelToken = new Token();
    const cancelled = await check({ hang: true }, { token: cancelToken, whileRunning: () => setTimeout(() => cancelToken.cancel(), 300) });
    assert.ok(cancelled.seen.made.every((made) => made.disposed));
    assert.equal(cancelToken.emitter.listenerCount, 0);
  });

  it('runs as a task with no problem matchers, revealed in a cleared panel of its own, with an id of its own', async () => {
    const { seen } = await check({ report: PASSING });
    const [task] = seen.tasks;
    assert.deepEqual(task.problemMatchers, []);
    assert.deepEqual(task.presentationOptions, { reveal: 'always', clear: true, panel: 'dedicated' });
    assert.match(String(task.definition.checkId), /^[0-9a-z]+-[0-9a-z]+$/, 'time and random part, base 36');
  });

  it('finds an exercise\'s folder under the exercises folder of the workspace', async () => {
    const runner = await loadWithFakeVscode<Runner>('src/exercises/exerciseRunner.ts', fakeVscode({ tasks: [], terminal: '', closedWith: undefined, made: [] }, { executeTask: 'run', opens: 1 }));
    assert.deepEqual(runner.exerciseFolder({ path: '/ws' } as never, skill as never), { path: `/ws/${EXERCISES_FOLDER}/02-rest-basics` });
  });
});
