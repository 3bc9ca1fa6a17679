import * as vscode from 'vscode';
import { Commands, Settings } from '../constants';
import type { ExerciseStatus } from '../lessonPanel/protocol';
import type { ExerciseSpec, Skill } from '../curriculum/types';
import type { CheckOutcome } from '../exercises/exerciseRunner';
import { exerciseFolder, runExerciseTests } from '../exercises/exerciseRunner';
import { copyTreeSafely } from '../scaffold/workspaceScaffolder';
import type { Services } from './services';
import { resolveSkill } from './services';
import { uriExists as exists } from '../ui/uriExists';

async function skillWithExercise(services: Services, argument: unknown): Promise<{ skill: Skill; exercise: ExerciseSpec } | undefined> {
  const skill = await resolveSkill(services, argument);
  if (!skill) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a lesson or pick a skill in the Backend Path view first.'));
    return undefined;
  }
  const { exercise } = await services.library.content(skill);
  if (!exercise) {
    void vscode.window.showInformationMessage(vscode.l10n.t('{0} has no exercise yet.', skill.title));
    return undefined;
  }
  return { skill, exercise };
}

function workspaceFolderOrWarn(): vscode.WorkspaceFolder | undefined {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) void vscode.window.showWarningMessage(vscode.l10n.t('Open a folder first: exercises are created inside your workspace.'));
  return folder;
}

export function registerExerciseCommands(services: Services): vscode.Disposable {
  const post = (skillId: string, status: ExerciseStatus, detail: string) =>
    services.panel.post({ type: 'exerciseStatus', skillId, status, detail });

  return vscode.Disposable.from(
    vscode.commands.registerCommand(Commands.startExercise, async (argument?: unknown) => {
      const found = await skillWithExercise(services, argument);
      const workspaceFolder = found && workspaceFolderOrWarn();
      if (!found || !workspaceFolder) return undefined;
      const { skill, exercise } = found;
      const target = exerciseFolder(workspaceFolder.uri, skill);
      const source = vscode.Uri.joinPath(services.extensionUri, 'lessons', skill.folder, 'exercise', 'starter');
      // Starting again never touches the learner's work: existing files are always kept.
      const outcome = await copyTreeSafely({ source, target, onConflict: 'keep' }, services.prompts);
      if (outcome.failed) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Starting the exercise stopped at {0}: {1}', outcome.failed.path, outcome.failed.message));
        return outcome;
      }
      const firstFile = vscode.Uri.joinPath(target, ...exercise.files[0].split('/'));
      await vscode.commands.executeCommand('markdown.showPreview', vscode.Uri.joinPath(target, 'README.md'));
      await vscode.window.showTextDocument(firstFile, { preview: false });
      const detail =
        outcome.kept.length > 0
          ? vscode.l10n.t('Exercise ready in {0} (your {1} existing files were kept).', vscode.workspace.asRelativePath(target), outcome.kept.length)
          : vscode.l10n.t('Exercise ready in {0}. Edit {1}, then press Check exercise.', vscode.workspace.asRelativePath(target), exercise.files[0]);
      await post(skill.id, 'running', detail);
      return outcome;
    }),

    vscode.commands.registerCommand(Commands.checkExercise, async (argument?: unknown): Promise<CheckOutcome | undefined> => {
      if (!vscode.workspace.isTrusted) {
        const message = vscode.l10n.t('Checking an exercise runs its code, so it is disabled in Restricted Mode. Trust this workspace to check exercises.');
        void vscode.window.showWarningMessage(message);
        return { status: 'error', message };
      }
      const found = await skillWithExercise(services, argument);
      const workspaceFolder = found && workspaceFolderOrWarn();
      if (!found || !workspaceFolder) return undefined;
      const { skill, exercise } = found;
      if (workspaceFolder.uri.scheme !== 'file') {
        const message = vscode.l10n.t('Checking an exercise runs its tests on this machine, so it needs a folder on disk, not a virtual workspace.');
        void vscode.window.showWarningMessage(message);
        return { status: 'error', message };
      }
      const folder = exerciseFolder(workspaceFolder.uri, skill);
      if (!(await exists(folder))) {
        const start = vscode.l10n.t('Start Exercise');
        const message = vscode.l10n.t('There is no exercise folder for {0} yet.', skill.title);
        void vscode.window.showWarningMessage(message, start).then((choice) => {
          if (choice === start) void vscode.commands.executeCommand(Commands.startExercise, skill.id);
        });
        return { status: 'error', message };
      }
      await post(skill.id, 'running', vscode.l10n.t('Running your tests…'));
      const outcome = await runExerciseTests(folder, workspaceFolder, skill, exercise);
      if (outcome.status !== 'error') services.exerciseResults.set(skill.id, outcome.status);
      await reportCheck(services, skill, outcome, post);
      return outcome;
    }),

    vscode.commands.registerCommand(Commands.showSolution, async (argument?: unknown) => {
      const found = await skillWithExercise(services, argument);
      if (!found) return false;
      const { skill, exercise } = found;
      const show = vscode.l10n.t('Show Solution');
      const answer = await services.prompts.ask(
        vscode.l10n.t('Show the solution for {0}?', skill.title),
        vscode.l10n.t('You learn most by getting the tests to pass yourself. The solution opens as a diff next to your file; nothing of yours is changed.'),
        [show],
      );
      if (answer !== show) return false;
      const workspaceFolder = vscode.workspace.workspaceFolders?.[0];
      for (const file of exercise.files) {
        const solution = vscode.Uri.joinPath(services.extensionUri, 'lessons', skill.folder, 'exercise', 'solution', ...file.split('/'));
        const learner = workspaceFolder ? vscode.Uri.joinPath(exerciseFolder(workspaceFolder.uri, skill), ...file.split('/')) : undefined;
        const starter = vscode.Uri.joinPath(services.extensionUri, 'lessons', skill.folder, 'exercise', 'starter', ...file.split('/'));
        const left = learner && (await exists(learner)) ? learner : starter;
        await vscode.commands.executeCommand('vscode.diff', left, solution, vscode.l10n.t('{0} ↔ solution', file), { preview: false });
      }
      return true;
    }),
  );
}

async function reportCheck(
  services: Services,
  skill: Skill,
  outcome: CheckOutcome,
  post: (skillId: string, status: ExerciseStatus, detail: string) => Thenable<void>,
): Promise<void> {
  if (outcome.status === 'error') {
    await post(skill.id, 'error', outcome.message);
    void vscode.window.showErrorMessage(outcome.message);
    return;
  }
  if (outcome.status === 'failed') {
    const detail = vscode.l10n.t('Some tests fail (exit code {0}). The terminal shows which, and what to fix.', String(outcome.exitCode));
    await post(skill.id, 'failed', detail);
    void vscode.window.showWarningMessage(detail);
    return;
  }
  await services.progress.recordExercisePass(skill.id);
  const completeOnPass = vscode.workspace.getConfiguration(Settings.section).get<boolean>(Settings.completeOnPass, true);
  if (completeOnPass) await services.progress.setComplete(skill.id, true);
  const detail = completeOnPass
    ? vscode.l10n.t('All tests pass. {0} is marked complete.', skill.title)
    : vscode.l10n.t('All tests pass.');
  await post(skill.id, 'passed', detail);
  void vscode.window.showInformationMessage(detail);
}
