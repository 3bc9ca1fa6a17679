import * as vscode from 'vscode';

/**
 * Every question the extension asks the learner goes through this seam, so integration tests
 * can answer modal dialogs (which would otherwise block) and check that a question was asked.
 */
export interface Prompts {
  /** A modal question; resolves to the chosen action or undefined when dismissed. */
  ask<T extends string>(message: string, detail: string | undefined, actions: readonly T[]): Promise<T | undefined>;
  pickSaveLocation(defaultUri: vscode.Uri | undefined): Promise<vscode.Uri | undefined>;
  pickOpenFile(): Promise<vscode.Uri | undefined>;
  pickFolder(title: string): Promise<vscode.Uri | undefined>;
  openExternal(uri: vscode.Uri): Promise<boolean>;
  /** A QuickPick of fixed items; resolves to the chosen one or undefined when dismissed. */
  pick<T extends vscode.QuickPickItem>(items: readonly T[], options: { title: string; placeHolder?: string }): Promise<T | undefined>;
}

export function createVsCodePrompts(): Prompts {
  return {
    async ask(message, detail, actions) {
      return vscode.window.showWarningMessage(message, { modal: true, detail }, ...actions);
    },
    async pickSaveLocation(defaultUri) {
      return vscode.window.showSaveDialog({ defaultUri, filters: { JSON: ['json'] } });
    },
    async pickOpenFile() {
      const picked = await vscode.window.showOpenDialog({ canSelectMany: false, filters: { JSON: ['json'] } });
      return picked?.[0];
    },
    async pickFolder(title) {
      const picked = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: false, title, openLabel: title });
      return picked?.[0];
    },
    async openExternal(uri) {
      return vscode.env.openExternal(uri);
    },
    async pick(items, options) {
      return vscode.window.showQuickPick([...items], { title: options.title, placeHolder: options.placeHolder });
    },
  };
}
