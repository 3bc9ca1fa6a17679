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

  it('a second run with nothing changed asks nothing and counts every file as up to date', async () => {
    const parent = tempDir('scaffold-same');
    const args = { template: 'node', parentFolder: vscode.Uri.file(parent) };
    const first = await vscode.commands.executeCommand<ScaffoldResult & { unchanged: string[] }>(Commands.scaffoldProject, args);
    const second = await vscode.commands.executeCommand<ScaffoldResult & { unchanged: string[] }>(Commands.scaffoldProject, args);
    assert.deepStrictEqual(prompts.asked, [], 'identical files are not conflicts');
    assert.deepStrictEqual(second.written, []);
    assert.deepStrictEqual(second.kept, []);
    assert.deepStrictEqual([...second.unchanged].sort(), [...first.written].sort());
  });

  it('refuses a template file that is a link to a file outside, even after "Overwrite"', async () => {
    const parent = tempDir('scaffold-link');
    const outside = tempDir('scaffold-outside');
    const secret = path.join(outside, 'secret.txt');
    fs.writeFileSync(secret, 'outside\n');
    const target = path.join(parent, 'node-starter');
    fs.mkdirSync(target);
    fs.symlinkSync(secret, path.join(target, 'README.md'));
    restorePrompts();
    prompts = fakePrompts((_message, actions) => actions[actions.length - 1]); // "Overwrite"
    restorePrompts = usePrompts(api, prompts);
    const result = await vscode.commands.executeCommand<ScaffoldResult & { refused?: string }>(Commands.scaffoldProject, {
      template: 'node',
      parentFolder: vscode.Uri.file(parent),
    });
    assert.deepStrictEqual(result.written, []);
    assert.ok(result.refused?.includes(path.join(target, 'README.md')), result.refused);
    assert.strictEqual(fs.readFileSync(secret, 'utf8'), 'outside\n');
    assert.deepStrictEqual(fs.readdirSync(outside), ['secret.txt']);
  });

  it('dismissing the question writes nothing', async () => {
    const parent = tempDir('scaffold-dismiss');
    const args = { template: 'node', parentFolder: vscode.Uri.file(parent) };
    await vscode.commands.executeCommand(Commands.scaffoldProject, args);
    const target = path.join(parent, 'node-starter');
    const [deleted, edited] = listFiles(target);
    fs.rmSync(path.join(target, deleted));
    fs.writeFileSync(path.join(target, edited), 'learner edit\n');
    restorePrompts();
    prompts = fakePrompts(() => undefined);
    restorePrompts = usePrompts(api, prompts);
    await vscode.commands.executeCommand(Commands.scaffoldProject, args);
    assert.strictEqual(prompts.asked.length, 1);
    assert.ok(!fs.existsSync(path.join(target, deleted)), 'nothing was written');
    assert.strictEqual(fs.readFileSync(path.join(target, edited), 'utf8'), 'learner edit\n');
  });

  it('asks where to create the project when no folder is given, offering the workspace folder', async () => {
    const workspace = vscode.workspace.workspaceFolders?.[0];
    assert.ok(workspace, 'the test workspace is open');
    const result = await vscode.commands.executeCommand<ScaffoldResult>(Commands.scaffoldProject, { template: 'node' });
    assert.strictEqual(prompts.picks.length, 1, 'the learner was asked where');
    assert.match(prompts.picks[0].title, /Where should the starter project go/);
    assert.match(prompts.picks[0].labels[0], new RegExp(workspace.name));
    assert.match(prompts.picks[0].labels.at(-1) ?? '', /Choose a Folder/);
    assert.ok(result);
    assert.strictEqual(result.target.fsPath, path.join(workspace.uri.fsPath, 'node-starter'));
    assert.ok(fs.existsSync(path.join(workspace.uri.fsPath, 'node-starter', 'package.json')));
  });
});
