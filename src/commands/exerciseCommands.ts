import * as vscode from 'vscode';
import { Commands, EXERCISE_BACKUPS_FOLDER, EXERCISES_FOLDER, SOLUTION_SCHEME, Settings } from '../constants';
import type { ExerciseLanguage } from '../curriculum/types';
import { skillLabel } from '../curriculum/types';
import type { CheckOutcome } from '../exercises/exerciseRunner';
import { runExerciseTests } from '../exercises/exerciseRunner';
import { exerciseFolderUri } from '../exercises/startedExercises';
import { stackName } from '../exercises/stackChoice';
import { recordStackPass } from '../exercises/stackProgress';
import { bundledFileUri } from '../ui/solutionDocuments';
import type { ExerciseStatus } from '../lessonPanel/protocol';
import { copyTreeSafely, resetTreeToStarter } from '../scaffold/workspaceScaffolder';
import { uriExists as exists } from '../ui/uriExists';
import { offerToolchainFix, describeToolProblem, toolSettings } from './toolchainMessages';
import type { ExerciseTarget } from './exerciseTarget';
import { columnBesideLesson, exerciseFor, parseExerciseArgument } from './exerciseTarget';
import { warnCheckFailed } from './hintCommands';
import type { Services } from './services';

const STACK_COMMANDS: readonly { readonly id: string; readonly command: string; readonly stack: ExerciseLanguage }[] = [
  { id: Commands.startExerciseInPhp, command: Commands.startExercise, stack: 'php' },
  { id: Commands.startExerciseInNode, command: Commands.startExercise, stack: 'node' },
  { id: Commands.checkExerciseInPhp, command: Commands.checkExercise, stack: 'php' },
  { id: Commands.checkExerciseInNode, command: Commands.checkExercise, stack: 'node' },
];

function workspaceFolderOrWarn(): vscode.WorkspaceFolder | undefined {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) void vscode.window.showWarningMessage(vscode.l10n.t('Open a folder first: exercises are created inside your workspace.'));
  return folder;
}

/** Options a caller may pass as the second argument (tests use `cancel` to press Cancel). */
interface CheckOptions {
  readonly cancel?: vscode.CancellationToken;
}

export function registerExerciseCommands(services: Services): vscode.Disposable {
  const post = (skillId: string, status: ExerciseStatus, detail: string) =>
    services.panel.post({ type: 'exerciseStatus', skillId, status, detail });

  return vscode.Disposable.from(
    vscode.commands.registerCommand(Commands.startExercise, async (argument?: unknown) => {
      const found = await exerciseFor(services, argument, vscode.l10n.t('Start Exercise'));
      const workspaceFolder = found && workspaceFolderOrWarn();
      if (!found || !workspaceFolder) return undefined;
      const { skill, stack, exercise } = found;
      const target = await exerciseFolderUri(workspaceFolder.uri, skill, stack);
      const source = vscode.Uri.joinPath(services.extensionUri, 'lessons', skill.folder, 'exercise', stack, 'starter');
      // Starting again never touches the learner's work: existing files are always kept.
      const outcome = await copyTreeSafely({ source, base: workspaceFolder.uri, target, onConflict: 'keep' }, services.prompts);
      services.startedExercises.refresh();
      if (outcome.refused) {
        services.log.warn(`Start Exercise refused for ${skill.id}: ${outcome.refused}`);
        void vscode.window.showErrorMessage(vscode.l10n.t('The exercise was not started. {0}', outcome.refused));
        return outcome;
      }
      if (outcome.failed) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Starting the exercise stopped at {0}: {1}', outcome.failed.path, outcome.failed.message));
        return outcome;
      }
      const firstFile = vscode.Uri.joinPath(target, ...exercise.files[0].split('/'));
      // Beside the lesson, so the instructions stay in view while the learner edits.
      await vscode.window.showTextDocument(firstFile, { preview: false, viewColumn: columnBesideLesson() });
      const where = vscode.workspace.asRelativePath(target);
      const detail =
        outcome.kept.length > 0
          ? vscode.l10n.t('Exercise ready in {0} (your {1} changed files were kept).', where, outcome.kept.length)
          : vscode.l10n.t('Exercise ready in {0}. Edit {1}, then press Check exercise.', where, exercise.files[0]);
      await post(skill.id, 'running', detail);
      return outcome;
    }),

    vscode.commands.registerCommand(Commands.resetExercise, async (argument?: unknown) => {
      const found = await exerciseFor(services, argument, vscode.l10n.t('Reset Exercise to Starter'));
      const workspaceFolder = found && workspaceFolderOrWarn();
      if (!found || !workspaceFolder) return undefined;
      const { skill, stack } = found;
      const target = await exerciseFolderUri(workspaceFolder.uri, skill, stack);
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      const backup = vscode.Uri.joinPath(workspaceFolder.uri, EXERCISES_FOLDER, EXERCISE_BACKUPS_FOLDER, `${target.path.split('/').pop() ?? skill.folder}-${stamp}`);
      const reset = vscode.l10n.t('Reset to Starter');
      const answer = await services.prompts.ask(
        vscode.l10n.t('Reset the {1} exercise of {0} to its starter?', skillLabel(skill), stackName(stack)),
        vscode.l10n.t('Your files that differ from the starter are first copied to {0}, then replaced by the starter files. Other files are left alone.', vscode.workspace.asRelativePath(backup)),
        [reset],
      );
      if (answer !== reset) return undefined;
      const source = vscode.Uri.joinPath(services.extensionUri, 'lessons', skill.folder, 'exercise', stack, 'starter');
      const outcome = await resetTreeToStarter(source, workspaceFolder.uri, target, backup);
      services.startedExercises.refresh();
      if (outcome.refused || outcome.failed) {
        const reason = outcome.refused ?? `${outcome.failed?.path}: ${outcome.failed?.message}`;
        services.log.warn(`Reset Exercise stopped for ${skill.id}: ${reason}`);
        void vscode.window.showErrorMessage(vscode.l10n.t('The exercise was not reset. {0}', reason));
        return outcome;
      }
      services.exerciseResults.forget(skill.id, stack);
      services.log.info(`Reset ${skill.id} to its starter: ${outcome.written.length} files written, ${outcome.backedUp.length} backed up to ${backup.fsPath}.`);
      void vscode.window.showInformationMessage(
        outcome.backedUp.length > 0
          ? vscode.l10n.t('{0} is back to its starter. Your {1} changed files are in {2}.', skillLabel(skill), outcome.backedUp.length, vscode.workspace.asRelativePath(backup))
          : vscode.l10n.t('{0} is back to its starter; none of your files differed from it.', skillLabel(skill)),
      );
      return outcome;
    }),

    vscode.commands.registerCommand(Commands.checkExercise, async (argument?: unknown, options?: CheckOptions): Promise<CheckOutcome | undefined> => {
      // The gate that counts: package.json enablement only hides the command, this refuses it.
      if (!vscode.workspace.isTrusted) {
        const message = vscode.l10n.t('Checking an exercise runs its code, so it is disabled in Restricted Mode. Trust this workspace to check exercises.');
        void vscode.window.showWarningMessage(message);
        return { status: 'error', message };
      }
      const found = await exerciseFor(services, argument, vscode.l10n.t('Check Exercise'));
      const workspaceFolder = found && workspaceFolderOrWarn();
      if (!found || !workspaceFolder) return undefined;
      const { skill, stack, exercise } = found;
      if (workspaceFolder.uri.scheme !== 'file') {
        const message = vscode.l10n.t('Checking an exercise runs its tests on this machine, so it needs a folder on disk, not a virtual workspace.');
        void vscode.window.showWarningMessage(message);
        return { status: 'error', message };
      }
      const folder = await exerciseFolderUri(workspaceFolder.uri, skill, stack);
      if (!(await exists(folder))) {
        const start = vscode.l10n.t('Start Exercise');
        const message = vscode.l10n.t('There is no {1} exercise folder for {0} yet.', skillLabel(skill), stackName(stack));
        void vscode.window.showWarningMessage(message, start).then((choice) => {
          if (choice === start) void vscode.commands.executeCommand(Commands.startExercise, { skillId: skill.id, stack });
        });
        return { status: 'error', message };
      }
      await post(skill.id, 'running', vscode.l10n.t('Running your tests…'));
      const config = vscode.workspace.getConfiguration(Settings.section);
      const timeoutSeconds = Math.max(1, config.get<number>(Settings.checkTimeoutSeconds, 120));
      // The same run fills the Testing view, test by test.
      const observer = await services.testing.beginCheckRun(folder);
      const outcome = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Checking {0}…', skillLabel(skill)), cancellable: true },
        (_progress, token) => {
          const cancel = new vscode.CancellationTokenSource();
          const links = [token.onCancellationRequested(() => cancel.cancel()), options?.cancel?.onCancellationRequested(() => cancel.cancel())];
          if (options?.cancel?.isCancellationRequested) cancel.cancel();
          return runExerciseTests(folder, workspaceFolder, skill, exercise, {
            settings: toolSettings(),
            timeoutSeconds,
            token: cancel.token,
            describeProblem: describeToolProblem,
            observer,
          }).finally(() => {
            for (const link of links) link?.dispose();
            cancel.dispose();
          });
        },
      );
      if (outcome.status !== 'error') services.exerciseResults.set(skill.id, stack, outcome.status);
      await reportCheck(services, found, outcome, post);
      return outcome;
    }),

    vscode.commands.registerCommand(Commands.showSolution, async (argument?: unknown) => {
      const found = await exerciseFor(services, argument, vscode.l10n.t('Show Solution'));
      if (!found) return false;
      const { skill, stack, exercise } = found;
      const show = vscode.l10n.t('Show Solution');
      const answer = await services.prompts.ask(
        vscode.l10n.t('Show the solution for {0}?', skillLabel(skill)),
        vscode.l10n.t('You learn most by getting the tests to pass yourself. The solution opens read-only, as a diff next to your file; nothing of yours is changed.'),
        [show],
      );
      if (answer !== show) return false;
      const workspaceFolder = vscode.workspace.workspaceFolders?.[0];
      const learnerFolder = workspaceFolder && (await exerciseFolderUri(workspaceFolder.uri, skill, stack));
      for (const file of exercise.files) {
        const solution = bundledFileUri(skill.folder, stack, file, 'solution');
        const learner = learnerFolder && vscode.Uri.joinPath(learnerFolder, ...file.split('/'));
        const left = learner && (await exists(learner)) ? learner : bundledFileUri(skill.folder, stack, file, 'starter');
        await vscode.commands.executeCommand('vscode.diff', left, solution, vscode.l10n.t('{0}: yours ↔ solution (read-only)', file), {
          preview: false,
          viewColumn: columnBesideLesson(),
        });
      }
      return true;
    }),

    // The tree's entries for one stack: the same commands, with the stack named.
    ...STACK_COMMANDS.map(({ id, command, stack }) =>
      vscode.commands.registerCommand(id, (argument?: unknown) => {
        const { skillId } = parseExerciseArgument(argument);
        return skillId === undefined ? undefined : vscode.commands.executeCommand(command, { skillId, stack });
      }),
    ),

    vscode.commands.registerCommand(Commands.copySolution, async (uri?: unknown) => {
      const target = uri instanceof vscode.Uri ? uri : vscode.window.activeTextEditor?.document.uri;
      if (target?.scheme !== SOLUTION_SCHEME) return false;
      const document = await vscode.workspace.openTextDocument(target);
      await vscode.env.clipboard.writeText(document.getText());
      void vscode.window.setStatusBarMessage(vscode.l10n.t('Solution copied to the clipboard.'), 3000);
      return true;
    }),
  );
}

async function reportCheck(
  services: Services,
  target: ExerciseTarget,
  outcome: CheckOutcome,
  post: (skillId: string, status: ExerciseStatus, detail: string) => Thenable<void>,
): Promise<void> {
  const { skill, stack } = target;
  if (outcome.status === 'error') {
    services.log.warn(`Check of ${skill.id} ended without a result: ${outcome.message}`);
    await post(skill.id, 'error', outcome.message);
    if (outcome.problem) void offerToolchainFix(services, outcome.message, outcome.problem);
    else void vscode.window.showErrorMessage(outcome.message);
    return;
  }
  const failures = outcome.failures.map((failure) => `✗ ${failure.name}: ${failure.message}`);
  services.log.info(`Check of ${skill.id}: ${outcome.status}. ${outcome.summary}${failures.length ? `\n${failures.join('\n')}` : ''}`);
  if (outcome.status === 'failed') {
    const shown = failures.slice(0, 3).join('\n');
    const more = failures.length > 3 ? `\n${vscode.l10n.t('… and {0} more (see the terminal).', failures.length - 3)}` : '';
    const detail = shown ? `${outcome.summary}\n${shown}${more}` : outcome.summary;
    await post(skill.id, 'failed', detail);
    void warnCheckFailed(target, detail, outcome.failures.map((failure) => failure.name));
    return;
  }
  await recordStackPass(services.progress, skill.id, stack);
  const completeOnPass = vscode.workspace.getConfiguration(Settings.section).get<boolean>(Settings.completeOnPass, true);
  if (completeOnPass) await services.progress.setComplete(skill.id, true);
  const detail = completeOnPass
    ? vscode.l10n.t('All tests pass ({0}). {1} is marked complete.', outcome.summary, skillLabel(skill))
    : vscode.l10n.t('All tests pass ({0}).', outcome.summary);
  await post(skill.id, 'passed', detail);
  void vscode.window.showInformationMessage(detail);
}
