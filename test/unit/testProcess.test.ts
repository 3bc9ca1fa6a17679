// The test process shared by Check Exercise and the Testing view (src/exercises/testProcess.ts),
// with real child processes of the machine's own node: where and how the run starts, what it sees,
// how its output arrives, how it ends (exit code, signal, time limit, Cancel), that it leaves no
// timer, listener or temporary folder behind, and killTree on a real process group.
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import type { CancellationLike, TestProcessOptions } from '../../src/exercises/testProcess';
import { killTree, runTestProcess } from '../../src/exercises/testProcess';
import { processGone } from './processKit';

const node = process.execPath;

/** A CancellationToken stand-in that fires like VS Code's and counts its listeners. */
function cancellation(): CancellationLike & { cancel(): void; readonly listeners: number } {
  const listeners = new Set<() => void>();
  let cancelled = false;
  return {
    get isCancellationRequested() {
      return cancelled;
    },
    get listeners() {
      return listeners.size;
    },
    onCancellationRequested(listener) {
      const own = () => listener();
      listeners.add(own);
      return { dispose: () => listeners.delete(own) };
    },
    cancel() {
      cancelled = true;
      for (const listener of [...listeners]) listener();
    },
  };
}

function run(script: string, options: Partial<TestProcessOptions> = {}) {
  return runTestProcess({ executable: node, args: () => ['-e', script], cwd: tmpdir(), timeoutSeconds: 30, token: cancellation(), ...options });
}

const gone = (pid: number) => processGone(pid, 60);

async function waitForFile(path: string): Promise<string> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    if (existsSync(path) && readFileSync(path, 'utf8') !== '') return readFileSync(path, 'utf8');
    await new Promise((resolve) => setTimeout(resolve, 30));
  }
  throw new Error(`${path} was never written`);
}

describe('test process: starting and running', function () {
  this.timeout(15_000);

  it('runs in the exercise folder with the editor\'s environment and FORCE_COLOR=1, and passes the report path', async () => {
    const folder = realpathSync(mkdtempSync(join(tmpdir(), 'bp-process-')));
    try {
      let reportFile = '';
      let output = '';
      const result = await runTestProcess({
        executable: node,
        args: (file) => {
          reportFile = file;
          return ['-e', 'console.log(JSON.stringify({ cwd: process.cwd(), color: process.env.FORCE_COLOR, path: process.env.PATH, arg: process.argv[1] }))', file];
        },
        cwd: folder,
        timeoutSeconds: 30,
        token: cancellation(),
        onOutput: (text) => (output += text),
      });
      assert.deepEqual(result, { kind: 'exited', exitCode: 0, reportXml: undefined });
      assert.deepEqual(JSON.parse(output), { cwd: folder, color: '1', path: process.env.PATH, arg: reportFile });
      assert.ok(reportFile.startsWith(join(tmpdir(), 'backend-path-check-')), `a fresh folder of its own in the temporary folder: ${reportFile}`);
      assert.equal(reportFile.slice(-'report.xml'.length), 'report.xml');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('starts the run as the leader of its own process group', async function () {
    if (process.platform !== 'linux') this.skip(); // reads /proc
    let output = '';
    await run("const stat = require('fs').readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' '); console.log(String(stat[2] === String(process.pid)))", { onOutput: (text) => (output += text) });
    assert.equal(output.trim(), 'true', 'process group id = its own pid');
  });

  it('tells onStart the command line once the process exists, and never when it could not start', async () => {
    const started: string[] = [];
    await runTestProcess({ executable: node, args: () => ['-e', '0', 'two words'], cwd: tmpdir(), timeoutSeconds: 30, token: cancellation(), onStart: (line) => started.push(line) });
    assert.deepEqual(started, [`${node} -e 0 two words`]);
    const missing = join(tmpdir(), 'no-such-runner-here');
    const failed = await runTestProcess({ executable: missing, args: () => [], cwd: tmpdir(), timeoutSeconds: 30, token: cancellation(), onStart: (line) => started.push(line) });
    assert.equal(failed.kind, 'spawnError');
    assert.ok(failed.kind === 'spawnError' && failed.message.includes('ENOENT'), 'the system\'s reason');
    assert.equal(started.length, 1, 'no start for a process that never existed');
  });

  it('streams stdout and stderr as UTF-8 text, and runs fine with no callbacks at all', async () => {
    const chunks: string[] = [];
    const result = await run("process.stdout.write('out ë\\n'); process.stderr.write('err ✓\\n')", { onOutput: (text) => chunks.push(text) });
    assert.equal(result.kind, 'exited');
    const all = chunks.join('');
    assert.ok(all.includes('out ë\n') && all.includes('err ✓\n'), JSON.stringify(all));
    assert.deepEqual(await run("console.log('nobody listens'); console.error('still nobody')"), { kind: 'exited', exitCode: 0, reportXml: undefined });
  });

  it('returns the exit code, and none for a run a signal ended', async () => {
    assert.deepEqual(await run('process.exit(7)'), { kind: 'exited', exitCode: 7, reportXml: undefined });
    assert.deepEqual(await run("process.kill(process.pid, 'SIGTERM'); setInterval(() => {}, 1000)"), { kind: 'exited', exitCode: undefined, reportXml: undefined });
  });
});

describe('test process: ending', function () {
  this.timeout(15_000);

  it('gives a time limit under one second a whole second', async function () {
    if (process.platform === 'win32') this.skip(); // runs sh
    // A limit of 0.1 s taken as is would stop this 0.3 s run; a whole second lets it finish.
    const result = await runTestProcess({ executable: '/bin/sh', args: () => ['-c', 'sleep 0.3'], cwd: tmpdir(), timeoutSeconds: 0.1, token: cancellation() });
    assert.deepEqual(result, { kind: 'exited', exitCode: 0, reportXml: undefined });
  });

  it('stops at the time limit, kills the run and removes the report folder', async () => {
    let reportFile = '';
    const started = Date.now();
    const result = await runTestProcess({
      executable: node,
      args: (file) => {
        reportFile = file;
        return ['-e', `require('fs').writeFileSync(${JSON.stringify(file)}, '<testsuites/>'); setInterval(() => {}, 1000)`];
      },
      cwd: tmpdir(),
      timeoutSeconds: 1,
      token: cancellation(),
      onOutput: () => undefined,
      onStart: () => undefined,
    });
    assert.deepEqual(result, { kind: 'timeout' });
    assert.ok(Date.now() - started < 10_000);
    assert.equal(existsSync(join(reportFile, '..')), false, 'the report written before the limit is removed with its folder');
  });

  it('leaves no timer and no Cancel listener behind once the run ends', async () => {
    const token = cancellation();
    // Watch the timers set and cleared while the run is on (the time limit is the only long one).
    const { setTimeout: realSet, clearTimeout: realClear } = globalThis;
    const limits = new Set<unknown>();
    const cleared = new Set<unknown>();
    globalThis.setTimeout = ((handler: () => void, ms?: number, ...rest: unknown[]) => {
      const timer = realSet(handler, ms, ...rest);
      if (ms === 600_000) limits.add(timer);
      return timer;
    }) as typeof setTimeout;
    globalThis.clearTimeout = ((timer: Parameters<typeof clearTimeout>[0]) => {
      cleared.add(timer);
      realClear(timer);
    }) as typeof clearTimeout;
    try {
      const result = await run('process.exit(0)', { token, timeoutSeconds: 600 });
      assert.equal(result.kind, 'exited');
    } finally {
      globalThis.setTimeout = realSet;
      globalThis.clearTimeout = realClear;
    }
    assert.equal(limits.size, 1, 'one time limit of 600 s');
    assert.ok([...limits].every((timer) => cleared.has(timer)), 'the time limit\'s timer is cleared');
    assert.equal(token.listeners, 0, 'the Cancel listener is disposed');
  });

  it('forwards no output after Cancel, although the killed run had more in the pipe', async () => {
    const token = cancellation();
    const chunks: string[] = [];
    let afterCancel = 0;
    // One big write: the first chunk arrives while most of it still waits in the pipe.
    const result = await run("process.stdout.write('x'.repeat(4 * 1024 * 1024)); setInterval(() => {}, 1000)", {
      token,
      onOutput: (text) => {
        if (token.isCancellationRequested) afterCancel += 1;
        chunks.push(text);
        if (chunks.length === 1) token.cancel();
      },
    });
    assert.deepEqual(result, { kind: 'cancelled' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(afterCancel, 0);
    assert.equal(chunks.length, 1);
  });

  it('does nothing for a run cancelled before it started: no process, no report folder left', async () => {
    const token = cancellation();
    token.cancel();
    let reportFile = '';
    let started = false;
    const result = await runTestProcess({
      executable: node,
      args: (file) => {
        reportFile = file;
        return ['-e', `require('fs').writeFileSync(${JSON.stringify(file)}, 'ran')`];
      },
      cwd: tmpdir(),
      timeoutSeconds: 30,
      token,
      onStart: () => (started = true),
    });
    assert.deepEqual(result, { kind: 'cancelled' });
    assert.equal(started, false);
    assert.equal(existsSync(join(reportFile, '..')), false);
  });
});

describe('killTree', function () {
  this.timeout(15_000);

  it('kills a whole process group, the children of its leader included', async function () {
    if (process.platform === 'win32') this.skip();
    const folder = mkdtempSync(join(tmpdir(), 'bp-kill-'));
    const marker = join(folder, 'child.pid');
    try {
      const script = `const c = require('child_process').spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' }); require('fs').writeFileSync(${JSON.stringify(marker)}, String(c.pid)); setInterval(() => {}, 1000);`;
      const leader = spawn(node, ['-e', script], { detached: true, stdio: 'ignore' });
      const exited = new Promise<NodeJS.Signals | null>((resolve) => leader.on('exit', (_code, signal) => resolve(signal)));
      const childPid = Number(await waitForFile(marker));
      killTree(leader.pid);
      assert.equal(await exited, 'SIGKILL');
      assert.ok(await gone(childPid), 'the leader\'s child was killed too');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('does nothing, and does not throw, without a process or for one already gone', async () => {
    assert.doesNotThrow(() => killTree(undefined));
    const done = spawn(node, ['-e', '0'], { detached: true, stdio: 'ignore' });
    await new Promise((resolve) => done.on('exit', resolve));
    assert.doesNotThrow(() => killTree(done.pid));
  });

  const NO_SUCH_PID = 4_194_304 + 4321;

  it('on Windows asks taskkill to end the process and its tree, forcefully', async function () {
    if (process.platform === 'win32') this.skip(); // here a stand-in taskkill on PATH records what it was asked
    const folder = mkdtempSync(join(tmpdir(), 'bp-taskkill-'));
    const record = join(folder, 'args.txt');
    writeFileSync(join(folder, 'taskkill'), `#!/bin/sh\necho "$@" >> ${JSON.stringify(record)}\n`);
    chmodSync(join(folder, 'taskkill'), 0o755);
    const platform = Object.getOwnPropertyDescriptor(process, 'platform');
    const path = process.env.PATH;
    try {
      process.env.PATH = `${folder}${delimiter}${path ?? ''}`;
      Object.defineProperty(process, 'platform', { value: 'win32' });
      killTree(undefined);
      // A pid above this machine's pid_max: were the Linux branch taken instead, it would kill nothing.
      killTree(NO_SUCH_PID);
    } finally {
      if (platform) Object.defineProperty(process, 'platform', platform);
      process.env.PATH = path;
    }
    try {
      assert.equal(await waitForFile(record), `/pid ${NO_SUCH_PID} /T /F\n`, 'one call, for the process given');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
