import * as vscode from 'vscode';
import { Commands } from '../constants';
import { skillLabel } from '../curriculum/types';
import { stackName } from '../exercises/stackChoice';
import { hintForFailingTests, hintsToReveal, parseShowHintRequest } from '../exercises/hintTargets';
import type { ExerciseTarget } from './exerciseTarget';
import type { Services } from './services';

/** Where the lesson page scrolls to show the hints (the card's hints part). */
const HINTS_ANCHOR = 'bp-hints';

/**
 * `backendPath.showHint` `{ skillId, stack?, hintId? }`: reveals the hint (and those before it, each
 * stored in progress) and opens the lesson on the exercise card's hints. The Testing view and the
 * Check Exercise summary call it for a failing test a hint addresses.
 */
export function registerHintCommands(services: Services): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.showHint, async (argument?: unknown): Promise<string | undefined> => {
    const request = parseShowHintRequest(argument);
    const catalog = await services.library.catalog();
    const skill = request && catalog.skills.find((candidate) => candidate.id === request.skillId);
    if (!request || !skill) {
      services.log.warn(`Show Hint ignored an argument that names no skill: ${JSON.stringify(argument)?.slice(0, 200)}`);
      void vscode.window.showWarningMessage(vscode.l10n.t('Show Hint needs a skill whose exercise has hints.'));
      return undefined;
    }
    // Without a stack: the skill's first (a skill about one stack has only that one).
    const { exercise } = await services.library.exercise(skill, request.stack);
    if (!exercise) {
      void vscode.window.showInformationMessage(vscode.l10n.t('{0} has no exercise in {1}.', skillLabel(skill), request.stack ? stackName(request.stack) : '—'));
      return undefined;
    }
    const stack = exercise.language;
    const ids = hintsToReveal(exercise.hints, services.progress.exerciseProgress(skill.id, stack).hints, request.hintId);
    if (!ids) {
      if (request.hintId !== undefined) services.log.warn(`Show Hint: ${skill.id} (${stack}) has no hint "${request.hintId}".`);
      void vscode.window.showInformationMessage(vscode.l10n.t('The exercise of {0} has no such hint.', skillLabel(skill)));
      return undefined;
    }
    for (const id of ids) await services.progress.revealHint(skill.id, stack, id);
    await services.panel.show(skill.id, HINTS_ANCHOR);
    return ids.at(-1);
  });
}

/**
 * The warning of a failed check, with "Show hint" when a hint of the exercise addresses one of the
 * failing tests (exercise.json `hints[].tests`, matched to the runner's test names).
 */
export async function warnCheckFailed(target: ExerciseTarget, detail: string, failingTests: readonly string[]): Promise<void> {
  const hint = hintForFailingTests(target.exercise.hints, failingTests);
  if (!hint) {
    void vscode.window.showWarningMessage(detail);
    return;
  }
  const showHint = vscode.l10n.t('Show Hint');
  const choice = await vscode.window.showWarningMessage(detail, showHint);
  if (choice === showHint) await vscode.commands.executeCommand(Commands.showHint, { skillId: target.skill.id, stack: target.stack, hintId: hint.id });
}
