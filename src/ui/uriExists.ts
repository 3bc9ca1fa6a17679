import * as vscode from 'vscode';

/** True when something exists at the URI; workspace.fs has no exists(), only a throwing stat(). */
export async function uriExists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
