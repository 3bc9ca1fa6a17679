import * as vscode from 'vscode';
import { Commands } from '../constants';
import { checkExternalUrl } from '../lessons/linkPolicy';
import type { CodeBlock } from '../lessons/renderLesson';
import type { Log } from '../ui/log';
import type { Prompts } from '../ui/prompts';
import type { LessonActions } from './lessonPanel';

const EDITOR_LANGUAGE: Record<string, string> = { javascript: 'javascript', typescript: 'typescript', php: 'php', sql: 'sql', bash: 'shellscript', json: 'json', yaml: 'yaml', ini: 'ini' };

/**
 * What the lesson page may ask for. Each action re-checks its input: a link is opened only if it is
 * a plain https URL, and terminal commands run only in a trusted workspace after the learner agrees.
 */
export function createLessonActions(deps: {
  readonly log: Log;
  readonly prompts: () => Prompts;
  readonly lastTextEditor: () => vscode.TextEditor | undefined;
}): LessonActions {
  let terminal: vscode.Terminal | undefined;
  return {
    async openExternal(href) {
      const checked = checkExternalUrl(href);
      if (!checked.ok) {
        deps.log.warn(`Refused to open a link from a lesson (${checked.reason}): ${href.slice(0, 200)}`);
        return;
      }
      await deps.prompts().openExternal(vscode.Uri.parse(checked.url, true));
    },
    async copyCode(block: CodeBlock) {
      await vscode.env.clipboard.writeText(block.code);
      void vscode.window.setStatusBarMessage(vscode.l10n.t('Code copied to the clipboard'), 2500);
    },
    async insertCode(block: CodeBlock) {
      const editor = deps.lastTextEditor();
      if (editor && !editor.document.isClosed) {
        await vscode.window.showTextDocument(editor.document, editor.viewColumn);
        await editor.insertSnippet(new vscode.SnippetString().appendText(block.code));
        return;
      }
      const document = await vscode.workspace.openTextDocument({ content: block.code, language: EDITOR_LANGUAGE[block.language] ?? 'plaintext' });
      await vscode.window.showTextDocument(document, vscode.ViewColumn.Beside);
    },
    async runInTerminal(block: CodeBlock) {
      if (!vscode.workspace.isTrusted) {
        void vscode.window.showWarningMessage(vscode.l10n.t('Running commands is disabled in Restricted Mode. Trust this workspace first.'));
        return;
      }
      const run = vscode.l10n.t('Run');
      const answer = await deps.prompts().ask(
        vscode.l10n.t('Run this command in a terminal?'),
        block.code.length > 600 ? `${block.code.slice(0, 600)}…` : block.code,
        [run],
      );
      if (answer !== run) return;
      if (!terminal || terminal.exitStatus !== undefined) terminal = vscode.window.createTerminal({ name: 'Backend Path' });
      terminal.show();
      terminal.sendText(block.code, true);
    },
    async exercise(skillId, action) {
      const command = { start: Commands.startExercise, check: Commands.checkExercise, showSolution: Commands.showSolution }[action];
      await vscode.commands.executeCommand(command, skillId);
    },
  };
}
