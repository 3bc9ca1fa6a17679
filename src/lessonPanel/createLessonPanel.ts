import * as vscode from 'vscode';
import { Commands } from '../constants';
import type { LessonLibrary } from '../curriculum/lessonLibrary';
import { loadRenderer } from '../lessons/loadRenderer';
import type { ProgressStore } from '../progress/progressStore';
import type { Log } from '../ui/log';
import type { Prompts } from '../ui/prompts';
import { codeLabels, pageLabels } from './labels';
import { createLessonActions } from './lessonActions';
import { LessonPanel } from './lessonPanel';
import type { LessonBody } from './lessonSession';
import { LessonSession } from './lessonSession';
import { createNonce } from './pageHtml';
import { createVsCodeActionHost } from './vscodeActionHost';

/** Builds the lesson session with its vscode-bound parts, and the panel that shows it. */
export function createLessonPanel(deps: {
  readonly extensionUri: vscode.Uri;
  readonly library: LessonLibrary;
  readonly progress: ProgressStore;
  readonly log: Log;
  readonly prompts: () => Prompts;
  readonly lastTextEditor: () => vscode.TextEditor | undefined;
}): LessonPanel {
  const { library, progress, log } = deps;
  const host = createVsCodeActionHost(deps);
  const actions = createLessonActions(host, { start: Commands.startExercise, check: Commands.checkExercise, showSolution: Commands.showSolution });
  const session = new LessonSession({
    library,
    progress,
    actions,
    log,
    lessonBody: (catalog, _skill, content): LessonBody | undefined =>
      content.markdown === undefined
        ? undefined
        : loadRenderer().renderLesson(content.markdown, {
            skillIdForFolder: (folder) => catalog.skills.find((candidate) => candidate.folder === folder)?.id,
            codeLabels: codeLabels(),
            // The page builder disables run buttons when the workspace is untrusted, and the actions refuse anyway.
            offerRunInTerminal: true,
          }),
    isTrusted: () => vscode.workspace.isTrusted,
    labels: pageLabels,
    learnerSeed: () => learnerSeedOf(progress),
    nonce: createNonce,
    showError: (message) => void vscode.window.showErrorMessage(message),
    unknownSkill: (skillId) => vscode.l10n.t('There is no skill with the id "{0}".', skillId),
  });
  return new LessonPanel(deps.extensionUri, library, session);
}

/**
 * The synced per-learner seed (ProgressStore.learnerSeed). Until the store offers one, the
 * machine id stands in: stable for this learner on this machine.
 */
function learnerSeedOf(progress: ProgressStore): string {
  const withSeed = progress as ProgressStore & { learnerSeed?: () => string };
  return typeof withSeed.learnerSeed === 'function' ? withSeed.learnerSeed() : vscode.env.machineId;
}
