import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { BackendPathApi } from '../../src/api';
import { Commands } from '../../src/constants';
import type { RecordedPrompts } from './helpers';
import { activateFromView, closeAllEditors, extension, fakePrompts, listFiles, tempDir, usePrompts } from './helpers';

interface ScaffoldResult {
  readonly written: readonly string[];
  readonly kept: readonly string[];
  readonly cancelled: boolean;
  readonly target: vscode.Uri;
}

describe('scaffold starter project', () => {
  let api: BackendPathApi;
  let prompts: RecordedPrompts;
  let restorePrompts: () => void;

  before(async () => {
    api = await activateFromView();
  });

  beforeEach(() => {
    // "Keep My Files" is the first action of the conflict question.
    prompts = fakePrompts((_message, actions) => actions[0]);
    restorePrompts = usePrompts(api, prompts);
  });

  afterEach(async () => {
    restorePrompts();
    await closeAllEditors();
  });

  for (const [template, folder] of [['node', 'node-starter'], ['php', 'php-starter']] as const) {
    it(`writes the ${template} starter into the folder it is given`, async () => {
      const parent = tempDir(`scaffold-${template}`);
      const result = await vscode.commands.executeCommand<ScaffoldResult>(Commands.scaffoldProject, {
        template,
        parentFolder: vscode.Uri.file(parent),
      });
      const expected = listFiles(path.join(extension().extensionPath, 'templates', template));
      assert.ok(expected.length > 0);
      assert.ok(result, 'the command returns what it did');
      assert.strictEqual(result.target.fsPath, path.join(parent, folder));
      assert.deepStrictEqual(listFiles(path.join(parent, folder)), expected);
      assert.deepStrictEqual([...result.written].sort(), expected);
      assert.deepStrictEqual(result.kept, []);
      assert.deepStrictEqual(prompts.asked, [], 'nothing to ask about in an empty folder');
      for (const file of expected) {
        assert.ok(
          fs.readFileSync(path.join(parent, folder, file)).equals(
            fs.readFileSync(path.join(extension().extensionPath, 'templates', template, file)),
          ),
          `${file} is a byte-for-byte copy`,
        );
      }
    });
  }

  it('a second run overwrites nothing', async () => {
    const parent = tempDir('scaffold-twice');
    const args = { template: 'node', parentFolder: vscode.Uri.file(parent) };
    await vscode.commands.executeCommand(Commands.scaffoldProject, args);
    const target = path.join(parent, 'node-starter');
    const files = listFiles(target);
    // The learner edits one file and deletes another before scaffolding again.
    const [edited, deleted] = files;
    fs.writeFileSync(path.join(target, edited), 'learner edit\n');
    fs.rmSync(path.join(target, deleted));

    const second = await vscode.commands.executeCommand<ScaffoldResult>(Commands.scaffoldProject, args);
    assert.strictEqual(prompts.asked.length, 1, 'the learner is asked about the existing files');
    assert.ok(second);
    assert.strictEqual(fs.readFileSync(path.join(target, edited), 'utf8'), 'learner edit\n', 'the edit is kept');
    assert.deepStrictEqual([...second.written], [deleted], 'only the missing file is written back');
    assert.deepStrictEqual(listFiles(target), files);
  });

  it('dismissing the question writes nothing', async () => {
    const parent = tempDir('scaffold-dismiss');
    const args = { template: 'node', parentFolder: vscode.Uri.file(parent) };
    await vscode.commands.executeCommand(Commands.scaffoldProject, args);
    const target = path.join(parent, 'node-starter');
    const [deleted] = listFiles(target);
    fs.rmSync(path.join(target, deleted));
    restorePrompts();
    prompts = fakePrompts(() => undefined);
    restorePrompts = usePrompts(api, prompts);
    await vscode.commands.executeCommand(Commands.scaffoldProject, args);
    assert.strictEqual(prompts.asked.length, 1);
    assert.ok(!fs.existsSync(path.join(target, deleted)), 'nothing was written');
  });

  it('scaffolds into the workspace folder when no folder is given', async () => {
    const workspace = vscode.workspace.workspaceFolders?.[0];
    assert.ok(workspace, 'the test workspace is open');
    const result = await vscode.commands.executeCommand<ScaffoldResult>(Commands.scaffoldProject, { template: 'node' });
    assert.ok(result);
    assert.strictEqual(result.target.fsPath, path.join(workspace.uri.fsPath, 'node-starter'));
    assert.ok(fs.existsSync(path.join(workspace.uri.fsPath, 'node-starter', 'package.json')));
  });
});
