import * as vscode from 'vscode';
import { EXERCISES_FOLDER } from '../constants';
import type { ExerciseSpec, Skill } from '../curriculum/types';
import { createProcessProbe } from './processProbe';
import { resolveTestCommand } from './toolchain';
import { uriExists as exists } from '../ui/uriExists';

export type CheckOutcome =
  | { readonly status: 'passed' | 'failed'; readonly exitCode: number | undefined }
  | { readonly status: 'error'; readonly message: string };

export function exerciseFolder(workspaceFolder: vscode.Uri, skill: Skill): vscode.Uri {
  return vscode.Uri.joinPath(workspaceFolder, EXERCISES_FOLDER, skill.folder);
}

/**
 * Runs the learner's own tests as a VS Code task, so the output shows in the terminal, and
 * resolves with the process's exit code. Never call this in an untrusted workspace.
 */
export async function runExerciseTests(
  folder: vscode.Uri,
  workspaceFolder: vscode.WorkspaceFolder,
  skill: Skill,
  exercise: ExerciseSpec,
): Promise<CheckOutcome> {
  const hasVendor = await exists(vscode.Uri.joinPath(folder, 'vendor', 'bin', 'phpunit'));
  const toolchain = await resolveTestCommand(exercise.language, createProcessProbe(folder.fsPath), hasVendor);
  if (!toolchain.ok) return { status: 'error', message: `${toolchain.problem} ${toolchain.nextStep}` };

  const task = new vscode.Task(
    { type: 'backendPath', skillId: skill.id },
    workspaceFolder,
    vscode.l10n.t('Check exercise {0}', `${skill.number} · ${skill.title}`),
    'Backend Path',
    new vscode.ShellExecution(toolchain.command, { cwd: folder.fsPath }),
    [],
  );
  task.presentationOptions = { reveal: vscode.TaskRevealKind.Always, clear: true, panel: vscode.TaskPanelKind.Dedicated };
  return new Promise<CheckOutcome>((resolve) => {
    let execution: vscode.TaskExecution | undefined;
    const subscription = vscode.tasks.onDidEndTaskProcess((event) => {
      if (event.execution !== execution && event.execution.task.definition.skillId !== skill.id) return;
      subscription.dispose();
      resolve({ status: event.exitCode === 0 ? 'passed' : 'failed', exitCode: event.exitCode });
    });
    vscode.tasks.executeTask(task).then(
      (started) => {
        execution = started;
      },
      (error: unknown) => {
        subscription.dispose();
        resolve({ status: 'error', message: error instanceof Error ? error.message : String(error) });
      },
    );
  });
}
