import { spawn } from 'node:child_process';
import * as os from 'node:os';
import * as vscode from 'vscode';
import type { Log } from '../ui/log';
import type { Prompts } from '../ui/prompts';
import type { ActionHost, Refusal, RunResult } from './lessonActions';

const EDITOR_LANGUAGE: Record<string, string> = { javascript: 'javascript', typescript: 'typescript', php: 'php', sql: 'sql', bash: 'shellscript', json: 'json', yaml: 'yaml', ini: 'ini' };
const MAX_OUTPUT_CHARS = 20_000;

/** The vscode side of the lesson actions: dialogs, clipboard, editor, terminal and a Node child process. */
export function createVsCodeActionHost(deps: {
  readonly log: Log;
  readonly prompts: () => Prompts;
  readonly lastTextEditor: () => vscode.TextEditor | undefined;
}): ActionHost {
  let terminal: vscode.Terminal | undefined;
  return {
    isTrusted: () => vscode.workspace.isTrusted,
    refused(reason: Refusal) {
      const text: Record<Refusal, string> = {
        untrusted: vscode.l10n.t('Running commands is disabled in Restricted Mode. Trust this workspace first.'),
        controlCharacters: vscode.l10n.t('This block contains control characters, so it is not sent to a terminal. Copy it instead and check it.'),
        tooLong: vscode.l10n.t('This block is too long to show in full before running it. Copy it into a terminal instead.'),
        notRunnable: vscode.l10n.t('This block is an example and cannot run here. Copy it instead.'),
      };
      void vscode.window.showWarningMessage(text[reason]);
    },
    async confirmRun(command) {
      const run = vscode.l10n.t('Run');
      const answer = await deps.prompts().ask(vscode.l10n.t('Run this command in a terminal?'), command, [run]);
      return answer === run;
    },
    async openExternal(url) {
      await deps.prompts().openExternal(vscode.Uri.parse(url, true));
    },
    async copy(text) {
      await vscode.env.clipboard.writeText(text);
      void vscode.window.setStatusBarMessage(vscode.l10n.t('Code copied to the clipboard'), 2500);
    },
    async insert(code, language) {
      const editor = deps.lastTextEditor();
      if (editor && !editor.document.isClosed) {
        await vscode.window.showTextDocument(editor.document, editor.viewColumn);
        await editor.insertSnippet(new vscode.SnippetString().appendText(code));
        return;
      }
      const document = await vscode.workspace.openTextDocument({ content: code, language: EDITOR_LANGUAGE[language] ?? 'plaintext' });
      await vscode.window.showTextDocument(document, vscode.ViewColumn.Beside);
    },
    sendToTerminal(command) {
      if (!terminal || terminal.exitStatus !== undefined) terminal = vscode.window.createTerminal({ name: 'Backend Path' });
      terminal.show();
      terminal.sendText(command, true);
    },
    runNode(code, timeoutMs) {
      const configured = vscode.workspace.getConfiguration('backendPath').get<string>('nodePath', '').trim();
      const cwd = vscode.workspace.workspaceFolders?.[0]?.uri.scheme === 'file' ? vscode.workspace.workspaceFolders[0].uri.fsPath : os.tmpdir();
      return runNodeSnippet(configured || 'node', code, cwd, timeoutMs);
    },
    async executeCommand(command, argument) {
      await vscode.commands.executeCommand(command, argument);
    },
    warn: (message) => deps.log.warn(message),
  };
}

/** Runs `code` from stdin (`node -`), collecting stdout and stderr in arrival order, within `timeoutMs`. */
export function runNodeSnippet(node: string, code: string, cwd: string, timeoutMs: number): Promise<RunResult> {
  return new Promise((resolve) => {
    let output = '';
    let settled = false;
    const finish = (result: RunResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const append = (chunk: Buffer) => {
      if (output.length < MAX_OUTPUT_CHARS) output += chunk.toString('utf8');
      if (output.length > MAX_OUTPUT_CHARS) output = `${output.slice(0, MAX_OUTPUT_CHARS)}\n…`;
    };
    const child = spawn(node, ['-'], { cwd, stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      finish({ status: 'timedOut', output: `${output}\n${vscode.l10n.t('Stopped after {0} seconds.', timeoutMs / 1000)}` });
    }, timeoutMs);
    child.stdout.on('data', append);
    child.stderr.on('data', append);
    child.on('error', (error) => finish({ status: 'failed', output: vscode.l10n.t('Could not start Node.js ({0}): {1}. Set backendPath.nodePath.', node, error.message) }));
    child.on('close', (exitCode) => finish({ status: exitCode === 0 ? 'done' : 'failed', output }));
    child.stdin.on('error', () => undefined);
    child.stdin.end(code);
  });
}
