import * as vscode from 'vscode';
import { Commands } from '../constants';
import { loadProgressCatalog } from '../progress/progressCatalog';
import { ImportError } from '../progress/progressTransfer';
import { readReviewExport, withReviews } from '../review/reviewTransfer';
import type { Services } from './services';
import { resolveSkill } from './services';

export function registerProgressCommands(services: Services): vscode.Disposable {
  const { progress } = services;
  const setComplete = async (argument: unknown, complete: boolean) => {
    const skill = await resolveSkill(services, argument);
    if (!skill) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a lesson or pick a skill in the Backend Path view first.'));
      return false;
    }
    await progress.setComplete(skill.id, complete);
    return true;
  };
  return vscode.Disposable.from(
    vscode.commands.registerCommand(Commands.markComplete, (argument?: unknown) => setComplete(argument, true)),
    vscode.commands.registerCommand(Commands.markIncomplete, (argument?: unknown) => setComplete(argument, false)),
    vscode.commands.registerCommand(Commands.resetProgress, async () => {
      const reset = vscode.l10n.t('Reset Progress');
      const answer = await services.prompts.ask(
        vscode.l10n.t('Reset all Backend Path progress?'),
        vscode.l10n.t('Every completed skill, quiz score and set-aside damaged value will be cleared on all your synced machines. Export your progress first if you may want it back.'),
        [reset],
      );
      if (answer !== reset) return false;
      // A failed or refused reset is reported by the store (onDidFailToSave) and changes nothing.
      if ((await progress.reset()) !== 'saved') return false;
      services.exerciseResults.clear();
      try {
        await services.reviews.reset();
      } catch (error) {
        services.log.error(`Reset could not clear the review schedule: ${String(error)}`);
        void vscode.window.showWarningMessage(vscode.l10n.t('Progress was reset, but the review schedule could not be cleared: {0}', String(error)));
      }
      void vscode.window.showInformationMessage(vscode.l10n.t('Backend Path progress was reset.'));
      return true;
    }),
    vscode.commands.registerCommand(Commands.exportProgress, async (target?: unknown) => {
      const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
      const uri =
        target instanceof vscode.Uri
          ? target
          : await services.prompts.pickSaveLocation(folder ? vscode.Uri.joinPath(folder, 'backend-path-progress.json') : undefined);
      if (!uri) return undefined;
      // The review schedule travels in the same file, beside the progress record.
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(withReviews(progress.exportJson(), services.reviews.exportable())));
      void vscode.window.showInformationMessage(vscode.l10n.t('Progress exported to {0}.', uri.fsPath));
      return uri;
    }),
    vscode.commands.registerCommand(Commands.importProgress, async (source?: unknown) => {
      const uri = source instanceof vscode.Uri ? source : await services.prompts.pickOpenFile();
      if (!uri) return undefined;
      try {
        // The size is checked before the file is read: a huge file is refused unread.
        // The bytes the size-checked import read are kept for the review schedule: the file is read once.
        let bytes: Uint8Array = new Uint8Array();
        const source = { size: async () => (await vscode.workspace.fs.stat(uri)).size, read: async () => (bytes = await vscode.workspace.fs.readFile(uri)) };
        const result = await progress.importFrom(source, await loadProgressCatalog(services.library));
        if (result.outcome !== 'saved' && result.outcome !== 'unchanged') return undefined; // reported by the store
        // The progress part was valid and is saved; now the review schedule of the same file.
        const catalog = await services.library.catalog();
        const reviews = readReviewExport(
          new TextDecoder().decode(bytes),
          new Set(catalog.skills.map((skill) => skill.id)),
          new Date(),
        );
        if (Object.keys(reviews.record.cards).length > 0) await services.reviews.merge(reviews.record);
        const ignoredLines = [...result.ignored, ...reviews.ignored];
        for (const line of ignoredLines.slice(0, 200)) services.log.warn(`Import ignored ${line}`);
        const ignored = ignoredLines.length;
        void vscode.window.showInformationMessage(
          ignored === 0
            ? vscode.l10n.t('Progress imported: {0} more skills are now complete.', result.newlyCompleted.length)
            : vscode.l10n.t('Progress imported: {0} more skills are now complete. {1} values in the file were not valid and were ignored; see the "Backend Path" output.', result.newlyCompleted.length, ignored),
        );
        return result.newlyCompleted;
      } catch (error) {
        const message = error instanceof ImportError ? error.message : vscode.l10n.t('The file could not be read: {0}', String(error));
        services.log.warn(`Import refused: ${message}`);
        void vscode.window.showErrorMessage(vscode.l10n.t('Progress was not imported. {0}', message));
        return undefined;
      }
    }),
  );
}
