// Runs an exercise's test command as its own process group, streams its output, stops it (and
// the test files it started) on timeout or Cancel, and reads the JUnit report it wrote. Shared by
// Check Exercise and the Testing view, so both decide from the same run. No `vscode` import: the
// cancellation token is anything with VS Code's CancellationToken shape.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface CancellationLike {
  readonly isCancellationRequested: boolean;
  onCancellationRequested(listener: () => void): { dispose(): void };
}

export interface TestProcessOptions {
  readonly executable: string;
  /** Arguments; `reportFile` is given the report's path, in a fresh temporary folder. */
  readonly args: (reportFile: string) => readonly string[];
  readonly cwd: string;
  readonly timeoutSeconds: number;
  readonly token: CancellationLike;
  /** Output as it arrives (stdout and stderr), decoded as UTF-8. */
  readonly onOutput?: (text: string) => void;
  /** Called once the process exists, with the command line it runs. */
  readonly onStart?: (commandLine: string) => void;
}

export type TestProcessResult =
  | { readonly kind: 'exited'; readonly exitCode: number | undefined; readonly reportXml: string | undefined }
  | { readonly kind: 'timeout' | 'cancelled' }
  | { readonly kind: 'spawnError'; readonly message: string };

/** Stops the run and everything it started (node --test runs each file in a child process). */
export function killTree(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    // Stryker disable next-line ObjectLiteral,BooleanLiteral: windowsHide only hides a console window on Windows
    if (process.platform === 'win32') spawn('taskkill', ['/pid', String(pid), '/T', '/F'], { windowsHide: true });
    else process.kill(-pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

export async function runTestProcess(options: TestProcessOptions): Promise<TestProcessResult> {
  const reportFolder = await mkdtemp(join(tmpdir(), 'backend-path-check-'));
  const reportFile = join(reportFolder, 'report.xml');
  const args = options.args(reportFile);
  try {
    return await new Promise<TestProcessResult>((resolve) => {
      let settled = false;
      // Set once the process exists; a timeout or Cancel before that has nothing to stop.
      const running: { pid?: number } = {};
      const cleanups: (() => void)[] = [];
      const finish = (result: TestProcessResult) => {
        if (settled) return;
        settled = true;
        killTree(running.pid);
        for (const cleanup of cleanups) cleanup();
        resolve(result);
      };
      if (options.token.isCancellationRequested) {
        finish({ kind: 'cancelled' });
        return;
      }
      const timer = setTimeout(() => finish({ kind: 'timeout' }), Math.max(1, options.timeoutSeconds) * 1000);
      cleanups.push(() => clearTimeout(timer));
      const cancellation = options.token.onCancellationRequested(() => finish({ kind: 'cancelled' }));
      cleanups.push(() => cancellation.dispose());

      const child = spawn(options.executable, args, {
        cwd: options.cwd,
        // Its own process group, so a timeout or Cancel also ends the test files it started.
        // Stryker disable next-line ConditionalExpression,StringLiteral: true everywhere but Windows, so the same on the Linux machine that measures
        detached: process.platform !== 'win32',
        // Stryker disable next-line BooleanLiteral: only hides a console window on Windows
        windowsHide: true,
        env: { ...process.env, FORCE_COLOR: '1' },
      });
      running.pid = child.pid;
      if (child.pid !== undefined) options.onStart?.([options.executable, ...args].join(' '));
      const forward = (chunk: Buffer) => {
        if (!settled) options.onOutput?.(chunk.toString('utf8'));
      };
      child.stdout.on('data', forward);
      child.stderr.on('data', forward);
      child.on('error', (error) => finish({ kind: 'spawnError', message: error.message }));
      child.on('close', (code) => {
        void readFile(reportFile, 'utf8').then(
          (reportXml) => finish({ kind: 'exited', exitCode: code ?? undefined, reportXml }),
          () => finish({ kind: 'exited', exitCode: code ?? undefined, reportXml: undefined }),
        );
      });
    });
  } finally {
    await rm(reportFolder, { recursive: true, force: true });
  }
}
