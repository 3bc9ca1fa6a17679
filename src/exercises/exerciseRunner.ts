import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { EXERCISES_FOLDER } from '../constants';
import type { ExerciseSpec, Skill } from '../curriculum/types';
import { skillLabel } from '../curriculum/types';
import type { Verdict } from './checkVerdict';
import { judgeRun } from './checkVerdict';
import type { FailedTest, TestReport } from './junitReport';
import { parseJUnit } from './junitReport';
import type { ToolProblem, ToolSettings } from './toolchain';
import { resolveTestCommand } from './toolchain';
import { createToolHost } from './toolHost';

export type CheckOutcome =
  | {
      readonly status: 'passed' | 'failed';
      readonly exitCode: number | undefined;
      readonly report?: TestReport;
      /** One line: counts, or why the run proves nothing. */
      readonly summary: string;
      readonly failures: readonly FailedTest[];
    }
  | { readonly status: 'error'; readonly message: string; readonly problem?: ToolProblem; readonly reason?: 'timeout' | 'cancelled' | 'toolchain' | 'task' };

export function exerciseFolder(workspaceFolder: vscode.Uri, skill: Skill): vscode.Uri {
  return vscode.Uri.joinPath(workspaceFolder, EXERCISES_FOLDER, skill.folder);
}

export interface CheckRunOptions {
  readonly settings: ToolSettings;
  readonly timeoutSeconds: number;
  readonly token: vscode.CancellationToken;
  /** Formats a missing or old tool for the learner. */
  readonly describeProblem: (problem: ToolProblem) => string;
}

/** Stops the run and everything it started (node --test runs each file in a child process). */
function killTree(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    if (process.platform === 'win32') spawn('taskkill', ['/pid', String(pid), '/T', '/F'], { windowsHide: true });
    else process.kill(-pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

export function summaryLines(verdict: Verdict): string[] {
  switch (verdict.kind) {
    case 'noTests':
      return [vscode.l10n.t('No tests ran: the exercise folder has no test files the runner could find, so nothing was checked.')];
    case 'noReport':
      return [vscode.l10n.t('The test run ended without a report of its tests, so a pass cannot be confirmed.')];
    case 'allSkipped':
      return [vscode.l10n.t('Every test was skipped ({0}), so nothing was checked.', verdict.report.skipped)];
    case 'passed':
      return [vscode.l10n.t('{0} passed, 0 failed.', verdict.report.passed)];
    case 'failures': {
      if (!verdict.report) return [vscode.l10n.t('The tests failed to run (exit code {0}); the output above says why.', String(verdict.exitCode))];
      const counts = vscode.l10n.t('{0} passed, {1} failed.', verdict.report.passed, verdict.report.failed);
      if (verdict.report.failed === 0) return [counts, vscode.l10n.t('The test runner exited with code {0}; the output above says why.', String(verdict.exitCode))];
      return [counts, ...verdict.report.failures.map((failure) => `✗ ${failure.name}: ${failure.message}`)];
    }
  }
}

/**
 * Runs the learner's own tests as a VS Code task whose process this check spawns itself, so the
 * output shows in the terminal and only this run's exit code and report decide the outcome. Ends
 * after `timeoutSeconds` or on Cancel. Never call this in an untrusted workspace.
 */
export async function runExerciseTests(
  folder: vscode.Uri,
  workspaceFolder: vscode.WorkspaceFolder,
  skill: Skill,
  exercise: ExerciseSpec,
  options: CheckRunOptions,
): Promise<CheckOutcome> {
  const toolchain = await resolveTestCommand(exercise.language, folder.fsPath, options.settings, createToolHost(folder.fsPath), join);
  if (!toolchain.ok) return { status: 'error', message: options.describeProblem(toolchain), problem: toolchain, reason: 'toolchain' };

  const reportFolder = await mkdtemp(join(tmpdir(), 'backend-path-check-'));
  const reportFile = join(reportFolder, 'report.xml');
  const args =
    exercise.language === 'node'
      ? [...toolchain.args, '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=junit', `--test-reporter-destination=${reportFile}`]
      : [...toolchain.args, '--log-junit', reportFile];

  try {
    return await new Promise<CheckOutcome>((resolve) => {
      let settled = false;
      let pid: number | undefined;
      const write = new vscode.EventEmitter<string>();
      const close = new vscode.EventEmitter<number>();
      const cleanups: (() => void)[] = [() => write.dispose(), () => close.dispose()];
      const finish = (outcome: CheckOutcome, terminalLines: readonly string[], exitCode: number) => {
        if (settled) return;
        settled = true;
        killTree(pid);
        write.fire(`\r\n${terminalLines.map((line) => line.replace(/\r?\n/g, '\r\n')).join('\r\n')}\r\n`);
        close.fire(exitCode);
        for (const cleanup of cleanups) cleanup();
        resolve(outcome);
      };
      const stopWith = (reason: 'timeout' | 'cancelled') => {
        const message =
          reason === 'timeout'
            ? vscode.l10n.t('The tests did not finish within {0} seconds and were stopped. A test may be waiting forever (an open server or timer?). The time limit is the setting backendPath.checkTimeoutSeconds.', options.timeoutSeconds)
            : vscode.l10n.t('The check was cancelled; nothing was recorded.');
        finish({ status: 'error', message, reason }, [`■ ${message}`], 1);
      };

      const timer = setTimeout(() => stopWith('timeout'), Math.max(1, options.timeoutSeconds) * 1000);
      cleanups.push(() => clearTimeout(timer));
      const cancellation = options.token.onCancellationRequested(() => stopWith('cancelled'));
      cleanups.push(() => cancellation.dispose());
      if (options.token.isCancellationRequested) {
        stopWith('cancelled');
        return;
      }

      const pty: vscode.Pseudoterminal = {
        onDidWrite: write.event,
        onDidClose: close.event,
        open: () => {
          if (settled) return;
          write.fire(`> ${[toolchain.executable, ...args].join(' ')}\r\n\r\n`);
          const child = spawn(toolchain.executable, args, {
            cwd: folder.fsPath,
            // Its own process group, so a timeout or Cancel also ends the test files it started.
            detached: process.platform !== 'win32',
            windowsHide: true,
            env: { ...process.env, FORCE_COLOR: '1' },
          });
          pid = child.pid;
          const forward = (chunk: Buffer) => {
            if (!settled) write.fire(chunk.toString('utf8').replace(/\r?\n/g, '\r\n'));
          };
          child.stdout.on('data', forward);
          child.stderr.on('data', forward);
          child.on('error', (error) => finish({ status: 'error', message: vscode.l10n.t('The tests could not be started: {0}', error.message), reason: 'task' }, [error.message], 1));
          child.on('close', (code) => {
            void readFile(reportFile, 'utf8')
              .then(parseJUnit, () => undefined)
              .then((report) => {
                const exitCode = code ?? undefined;
                const verdict = judgeRun(exitCode, report);
                const lines = summaryLines(verdict);
                finish(
                  {
                    status: verdict.kind === 'passed' ? 'passed' : 'failed',
                    exitCode,
                    report,
                    summary: lines[0],
                    failures: report?.failures ?? [],
                  },
                  ['─'.repeat(60), vscode.l10n.t('Summary for {0}', skillLabel(skill)), ...lines],
                  verdict.kind === 'passed' ? 0 : 1,
                );
              });
          });
        },
        close: () => stopWith('cancelled'),
      };

      const task = new vscode.Task(
        // A fresh checkId per run: two checks (or another task for this skill) are never "the same task".
        { type: 'backendPath', skillId: skill.id, checkId: `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}` },
        workspaceFolder,
        vscode.l10n.t('Check exercise {0}', skillLabel(skill)),
        'Backend Path',
        new vscode.CustomExecution(async () => pty),
        [],
      );
      task.presentationOptions = { reveal: vscode.TaskRevealKind.Always, clear: true, panel: vscode.TaskPanelKind.Dedicated };
      vscode.tasks.executeTask(task).then(undefined, (error: unknown) =>
        finish({ status: 'error', message: error instanceof Error ? error.message : String(error), reason: 'task' }, [], 1),
      );
    });
  } finally {
    await rm(reportFolder, { recursive: true, force: true });
  }
}
