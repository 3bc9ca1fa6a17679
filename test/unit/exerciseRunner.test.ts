// Check Exercise's runner (src/exercises/exerciseRunner.ts) in plain Node: the real spawn, report
// reading, verdict, time limit and Cancel, with a recording stand-in for the vscode task API and a
// stand-in test tool (a shell script posing as `node`) whose output, report and exit code each
// test chooses. The tool stands in for node --test / PHPUnit, so what is tested is the runner's own
// promise: only this run's exit code and report decide, zero tests is never a pass, and a hung run
// ends.
import * as assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { CheckOutcome, CheckRunOptions } from '../../src/exercises/exerciseRunner';
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
if [ -f stdout.txt ]; then cat stdout.txt; fi
if [ -f report.xml ] && [ -n "$report" ]; then cp report.xml "$report"; fi
if [ -f hang ]; then exec sleep 600; fi
exit $(cat exit-code.txt)
`;

const PASSING = `<?xml version="1.0"?><testsuites><testsuite name="health"><testcase name="answers 200"/><testcase name="sends JSON"/></testsuite></testsuites>`;
const FAILING = `<?xml version="1.0"?><testsuites><testsuite name="health"><testcase name="answers 200"/><testcase name="sends JSON"><failure message="expected application/json">stack</failure></testcase></testsuite></testsuites>`;
const EMPTY = `<?xml version="1.0"?><testsuites></testsuites>`;
const SKIPPED = `<?xml version="1.0"?><testsuites><testsuite name="health"><testcase name="later"><skipped/></testcase></testsuite></testsuites>`;

type Runner = typeof import('../../src/exercises/exerciseRunner');

interface Seen {
  tasks: { definition: Record<string, unknown>; name: string; source: string }[];
  terminal: string;
  closedWith: number | undefined;
}

class Emitter<T> {
  private listeners: ((value: T) => void)[] = [];
  readonly event = (listener: (value: T) => void) => {
    this.listeners.push(listener);
    return { dispose: () => (this.listeners = this.listeners.filter((other) => other !== listener)) };
  };
  fire(value: T): void {
    for (const listener of [...this.listeners]) listener(value);
  }
  dispose(): void {
    this.listeners = [];
  }
}

function fakeVscode(seen: Seen, executeTask: 'run' | 'reject') {
  class Task {
    presentationOptions: unknown;
    constructor(
      readonly definition: Record<string, unknown>,
      readonly scope: unknown,
      readonly name: string,
      readonly source: string,
      readonly execution: { callback: () => Promise<{ onDidWrite: (listener: (text: string) => void) => void; onDidClose: (listener: (code: number) => void) => void; open(): void; close(): void }> },
    ) {}
  }
  class CustomExecution {
    constructor(readonly callback: () => Promise<unknown>) {}
  }
  class CancellationTokenSource {
    readonly token = new Token();
    cancel(): void {
      if (!this.token.isCancellationRequested) this.token.cancel();
    }
    dispose(): void {}
  }
  return lenient({
    CancellationTokenSource,
    l10n: { t: (message: string, ...args: unknown[]) => message.replace(/\{(\d+)\}/g, (_match, index: string) => String(args[Number(index)])) },
    EventEmitter: Emitter,
    Task,
    CustomExecution,
    tasks: {
      executeTask: async (task: Task) => {
        seen.tasks.push({ definition: task.definition, name: task.name, source: task.source });
        if (executeTask === 'reject') throw new Error('the task system is busy');
        const pty = await task.execution.callback();
        pty.onDidWrite((text) => (seen.terminal += text));
        pty.onDidClose((code) => (seen.closedWith = code));
        pty.open();
        return { terminate() {} };
      },
    },
  });
}

class Token {
  isCancellationRequested = false;
  private readonly emitter = new Emitter<void>();
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
  async function check(scenario: Scenario, options: { token?: Token; timeoutSeconds?: number; nodePath?: string; executeTask?: 'run' | 'reject'; whileRunning?: (seen: Seen) => void } = {}) {
    const seen: Seen = { tasks: [], terminal: '', closedWith: undefined };
    const runner = await loadWithFakeVscode<Runner>('src/exercises/exerciseRunner.ts', fakeVscode(seen, options.executeTask ?? 'run'));
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
    };
    const running = runner.runExerciseTests({ fsPath: folder } as never, { name: 'ws', index: 0, uri: {} } as never, skill as never, exercise as never, runOptions);
    options.whileRunning?.(seen);
    const outcome: CheckOutcome = await running;
    const run = existsSync(join(folder, 'args.txt'))
      ? { args: readFileSync(join(folder, 'args.txt'), 'utf8').trimEnd().split('\n'), pid: Number(readFileSync(join(folder, 'pid.txt'), 'utf8')) }
      : undefined;
    return { outcome, seen, run };
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
    assert.match(seen.terminal, /Summary for 2\. REST Basics|Summary for .*REST Basics/);
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
        assert.match(outcome.summary, summary);
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
});
