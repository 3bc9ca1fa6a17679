import * as vscode from 'vscode';
import type { ContentReader } from './lessonLibrary';

/** Reads the extension's own files (lessons/, templates/) through workspace.fs. */
export function createExtensionContentReader(extensionUri: vscode.Uri): ContentReader {
  const decoder = new TextDecoder('utf-8');
  return {
    async readText(relativePath) {
      try {
        const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, ...relativePath.split('/')));
        return decoder.decode(bytes);
      } catch (error) {
        if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return undefined;
        throw error;
      }
    },
  };
}
