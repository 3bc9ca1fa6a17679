import * as vscode from 'vscode';
import { Commands } from '../constants';
import type { LessonLibrary } from '../curriculum/lessonLibrary';
import type { Catalog } from '../curriculum/types';
import { localiseLessonHtml } from '../lessons/localiseLessonHtml';
import type { ProgressStore } from '../progress/progressStore';
import type { Log } from '../ui/log';
import type { Prompts } from '../ui/prompts';
import { codeLabels, pageLabels } from './labels';
import { createLessonActions } from './lessonActions';
import { LessonPanel } from './lessonPanel';
import type { LessonBody, LessonSessionDeps } from './lessonSession';
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
  /** The stack the exercise card acts on (LessonSessionDeps.exerciseStack). */
  readonly exerciseStack: LessonSessionDeps['exerciseStack'];
  readonly onQuizAnswer?: (skillId: string, questionId: string, correct: boolean, elapsedMs: number | undefined) => void;
  /** Renders an exercise's hints with the lesson renderer (in its worker). */
  readonly renderHints?: (markdowns: readonly string[], catalog: Catalog) => Promise<readonly string[]>;
}): LessonPanel {
  const { library, progress, log, renderHints } = deps;
  const host = createVsCodeActionHost(deps);
  const actions = createLessonActions(host, { start: Commands.startExercise, check: Commands.checkExercise, showSolution: Commands.showSolution });
  const session = new LessonSession({
    library,
    progress,
    actions,
    log,
    // Lessons are rendered at build time (or by the library's worker); only the labels and the
    // trust-gated Run buttons are filled in here. The page builder and the actions gate Run again.
    lessonBody: (_catalog, _skill, content): LessonBody | undefined =>
      content.rendered && {
        html: localiseLessonHtml(content.rendered.html, codeLabels(), { trusted: vscode.workspace.isTrusted }),
        codeBlocks: content.rendered.codeBlocks,
      },
    isTrusted: () => vscode.workspace.isTrusted,
    labels: pageLabels,
    // Synced with the progress record and kept through Reset and Import: the choice order stays the learner's.
    learnerSeed: () => progress.learnerSeed(),
    nonce: createNonce,
    showError: (message) => void vscode.window.showErrorMessage(message),
    unknownSkill: (skillId) => vscode.l10n.t('There is no skill with the id "{0}".', skillId),
    exerciseStack: deps.exerciseStack,
    ...(deps.onQuizAnswer ? { onQuizAnswer: deps.onQuizAnswer } : {}),
    ...(renderHints ? { renderHints: async (markdowns: readonly string[], catalog: Catalog) => (await renderHints(markdowns, catalog)).map((html) => localiseLessonHtml(html, codeLabels(), { trusted: false })) } : {}),
  });
  return new LessonPanel(deps.extensionUri, library, session);
}
