import * as assert from 'assert';
import * as vscode from 'vscode';

describe('smoke', () => {
  it('runs inside VS Code 1.100', () => {
    assert.ok(vscode.version.startsWith('1.100'), `VS Code ${vscode.version}`);
  });

  it('has the test workspace open and trusted', () => {
    assert.strictEqual(vscode.workspace.workspaceFolders?.length, 1);
    assert.strictEqual(vscode.workspace.isTrusted, true);
  });
});
