import { join } from 'node:path';
import * as vscode from 'vscode';
import { EXERCISES_FOLDER } from '../constants';
import type { ExerciseSpec, Skill } from '../curriculum/types';
import { skillLabel } from '../curriculum/types';
import type { Verdict } from './checkVerdict';
import { judgeRun } from './checkVerdict';
import type { FailedTest, JUnitCase, TestReport } from './junitReport';
import { readJUnitCases, summarise } from './junitReport';
import { stackName } from './stackChoice';
import { testRunArguments } from '../testing/runArguments';
import type { TestProcessResult } from './testProcess';
import { runTestProcess } from './testProcess';
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
  /** Also follows the run (the Testing view shows Check Exercise's results per test). */
  readonly observer?: CheckRunObserver;
}

/** Sees the same run as the terminal: its output as it comes, then how it ended and its test cases. */
export interface CheckRunObserver {
  output(text: string): void;
  /** The check's outcome waits for this, so whoever reads the check's result finds the view up to date. */
  finished(result: TestProcessResult, cases: readonly JUnitCase[] | undefined): Promise<void>;
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
  if (!toolchain.ok) {
    const message = options.describeProblem(toolchain);
    await options.observer?.finished({ kind: 'spawnError', message }, undefined);
    return { status: 'error', message, problem: toolchain, reason: 'toolchain' };
  }

  return new Promise<CheckOutcome>((resolve) => {
    let settled = false;
    const write = new vscode.EventEmitter<string>();
    const close = new vscode.EventEmitter<number>();
    // Closing the terminal stops the run like Cancel does.
    const closed = new vscode.CancellationTokenSource();
    const cancel = new vscode.CancellationTokenSource();
    const links = [options.token.onCancellationRequested(() => cancel.cancel()), closed.token.onCancellationRequested(() => cancel.cancel())];
    if (options.token.isCancellationRequested) cancel.cancel();
    let observed = false;
    const finish = (outcome: CheckOutcome, terminalLines: readonly string[], exitCode: number) => {
      // Stryker disable next-line ConditionalExpression: no flow finishes a check twice, and a second finish would change nothing (emitters disposed, promise settled)
      if (settled) return;
      // Stryker disable next-line BooleanLiteral: as above; the open and output guards also stop at the cancelled token
      settled = true;
      // The Testing view's run ends with the check, whichever way it ended.
      if (!observed) {
        // Stryker disable next-line ConditionalExpression: only an error ends a check before its run was observed
        const message = outcome.status === 'error' ? outcome.message : outcome.summary;
        void options.observer?.finished({ kind: 'spawnError', message }, undefined);
      }
      write.fire(`\r\n${terminalLines.map((line) => line.replace(/\r?\n/g, '\r\n')).join('\r\n')}\r\n`);
      close.fire(exitCode);
      for (const link of links) link.dispose();
      for (const disposable of [write, close, closed, cancel]) disposable.dispose();
      resolve(outcome);
    };
    const stopped = (reason: 'timeout' | 'cancelled') => {
      const message =
        reason === 'timeout'
          ? vscode.l10n.t('The tests did not finish within {0} seconds and were stopped. A test may be waiting forever (an open server or timer?). The time limit is the setting backendPath.checkTimeoutSeconds.', options.timeoutSeconds)
          : vscode.l10n.t('The check was cancelled; nothing was recorded.');
      finish({ status: 'error', message, reason }, [`■ ${message}`], 1);
    };
    const ended = async (result: TestProcessResult) => {
      // Stryker disable next-line ConditionalExpression,LogicalOperator: readJUnitCases of no text is undefined too
      const cases = result.kind === 'exited' && result.reportXml !== undefined ? readJUnitCases(result.reportXml) : undefined;
      observed = true;
      await options.observer?.finished(result, cases);
      if (result.kind === 'spawnError') {
        return finish({ status: 'error', message: vscode.l10n.t('The tests could not be started: {0}', result.message), reason: 'task' }, [result.message], 1);
      }
      if (result.kind !== 'exited') return stopped(result.kind);
      const report: TestReport | undefined = cases ? summarise(cases) : undefined;
      const verdict = judgeRun(result.exitCode, report);
      const lines = summaryLines(verdict);
      finish(
        { status: verdict.kind === 'passed' ? 'passed' : 'failed', exitCode: result.exitCode, report, summary: lines[0], failures: report?.failures ?? [] },
        ['─'.repeat(60), vscode.l10n.t('Summary for {0}', skillLabel(skill)), ...lines],
        verdict.kind === 'passed' ? 0 : 1,
      );
    };

    let started = false;
    const pty: vscode.Pseudoterminal = {
      onDidWrite: write.event,
      onDidClose: close.event,
      open: () => {
        if (settled || started) return;
        started = true;
        void runTestProcess({
          executable: toolchain.executable,
          args: (reportFile) => [...toolchain.args, ...testRunArguments(exercise.language, reportFile)],
          cwd: folder.fsPath,
          timeoutSeconds: options.timeoutSeconds,
          token: cancel.token,
          onStart: (commandLine) => {
            write.fire(`> ${commandLine}\r\n\r\n`);
            options.observer?.output(`> ${commandLine}\n\n`);
          },
          onOutput: (text) => {
            // Stryker disable next-line ConditionalExpression: the check settles only after the process stopped forwarding output (or before it started)
            if (settled) return;
            write.fire(text.replace(/\r?\n/g, '\r\n'));
            options.observer?.output(text);
          },
        }).then(ended, (error: unknown) => ended({ kind: 'spawnError', message: error instanceof Error ? error.message : String(error) }));
      },
      close: () => closed.cancel(),
    };
    // Cancel before the terminal opened: nothing was started.
    links.push(cancel.token.onCancellationRequested(() => void (started || ended({ kind: 'cancelled' }))));
    if (cancel.token.isCancellationRequested) {
      void ended({ kind: 'cancelled' });
      return;
    }

    const task = new vscode.Task(
      // A fresh checkId per run: two checks (or another task for this skill) are never "the same task".
      { type: 'backendPath', skillId: skill.id, checkId: `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}` },
      workspaceFolder,
      // Named with its stack: with both versions started, the terminal tab says which one is running.
      vscode.l10n.t('Check exercise {0} ({1})', skillLabel(skill), stackName(exercise.language)),
      'Backend Path',
      new vscode.CustomExecution(async () => pty),
      [],
    );
    task.presentationOptions = { reveal: vscode.TaskRevealKind.Always, clear: true, panel: vscode.TaskPanelKind.Dedicated };
    vscode.tasks.executeTask(task).then(undefined, (error: unknown) =>
      // Stryker disable next-line ArrayDeclaration: the task never ran, so no terminal shows these lines
      finish({ status: 'error', message: error instanceof Error ? error.message : String(error), reason: 'task' }, [], 1),
    );
  });
}
