import * as assert from 'assert';
import * as vscode from 'vscode';

describe('restricted mode smoke', () => {
  it('opens the workspace untrusted', () => {
    assert.strictEqual(vscode.workspace.workspaceFolders?.length, 1);
    assert.strictEqual(vscode.workspace.isTrusted, false);
  });
});
