import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { BackendPathApi } from '../../src/api';
import { Commands } from '../../src/constants';
import {
  activateFromView,
  closeAllEditors,
  fakePrompts,
  rawCurriculum,
  resetProgress,
  stageDescription,
  storedCompleted,
  tempDir,
  usePrompts,
  checkboxState,
} from './helpers';

describe('progress', () => {
  let api: BackendPathApi;
  const curriculum = rawCurriculum();
  const firstStage = curriculum.stages[0];
  const [s1, s2, s3] = firstStage.skills;

  before(async () => {
    api = await activateFromView();
  });

  beforeEach(async () => {
    await resetProgress(api);
  });

  after(async () => {
    await resetProgress(api);
    await closeAllEditors();
  });

  it('a checkbox tick stores the skill as complete and updates the stage count', async () => {
    await api.applyCheckbox(s1.id, true);
    assert.deepStrictEqual(storedCompleted(api), [s1.id]);
    assert.strictEqual(await stageDescription(api, firstStage.id), `1/${firstStage.skills.length}`);
    const [stage] = await api.treeChildren();
    const [skill] = await api.treeChildren(stage);
    assert.strictEqual(checkboxState(api.treeItem(skill)), vscode.TreeItemCheckboxState.Checked);
    assert.match(String(api.treeItem(skill).contextValue), /^skill\.done/);

    await api.applyCheckbox(s1.id, false);
    assert.deepStrictEqual(storedCompleted(api), []);
    assert.strictEqual(await stageDescription(api, firstStage.id), `0/${firstStage.skills.length}`);
  });

  it('Mark Complete and Mark Incomplete update stored progress and the stage count', async () => {
    await vscode.commands.executeCommand(Commands.markComplete, s2.id);
    assert.deepStrictEqual(storedCompleted(api), [s2.id]);
    assert.strictEqual(await stageDescription(api, firstStage.id), `1/${firstStage.skills.length}`);
    await vscode.commands.executeCommand(Commands.markIncomplete, s2.id);
    assert.deepStrictEqual(storedCompleted(api), []);
  });

  it('Mark Complete without an argument completes the lesson shown', async () => {
    await vscode.commands.executeCommand(Commands.openLesson, s3.id);
    await vscode.commands.executeCommand(Commands.markComplete);
    assert.deepStrictEqual(storedCompleted(api), [s3.id]);
  });

  it('progress survives a reload from the same globalState', async () => {
    await api.applyCheckbox(s1.id, true);
    await api.applyCheckbox(s3.id, true);
    api.reloadProgress();
    assert.deepStrictEqual(storedCompleted(api), [s1.id, s3.id].sort());
    assert.strictEqual(await stageDescription(api, firstStage.id), `2/${firstStage.skills.length}`);
    const [stage] = await api.treeChildren();
    const items = (await api.treeChildren(stage)).map((node) => api.treeItem(node));
    assert.deepStrictEqual(
      items.map((item) => checkboxState(item) === vscode.TreeItemCheckboxState.Checked),
      firstStage.skills.map((skill) => skill.id === s1.id || skill.id === s3.id),
    );
  });

  it('Reset asks first, and answering no changes nothing', async () => {
    await api.applyCheckbox(s1.id, true);
    const prompts = fakePrompts(() => undefined);
    const restore = usePrompts(api, prompts);
    try {
      await vscode.commands.executeCommand(Commands.resetProgress);
    } finally {
      restore();
    }
    assert.strictEqual(prompts.asked.length, 1, 'asked exactly once');
    assert.deepStrictEqual(storedCompleted(api), [s1.id]);
  });

  it('Reset clears everything when the learner confirms', async () => {
    await api.applyCheckbox(s1.id, true);
    await api.applyCheckbox(s2.id, true);
    const prompts = fakePrompts((_message, actions) => actions[0]);
    const restore = usePrompts(api, prompts);
    try {
      await vscode.commands.executeCommand(Commands.resetProgress);
    } finally {
      restore();
    }
    assert.strictEqual(prompts.asked.length, 1);
    assert.deepStrictEqual(storedCompleted(api), []);
    assert.strictEqual(await stageDescription(api, firstStage.id), `0/${firstStage.skills.length}`);
  });

  it('Export then Import gives back the same progress', async () => {
    const completed = [s1.id, s3.id, curriculum.stages[2].skills[0].id].sort();
    for (const id of completed) await api.applyCheckbox(id, true);
    const file = vscode.Uri.file(path.join(tempDir('export'), 'progress.json'));
    const exported = await vscode.commands.executeCommand<vscode.Uri>(Commands.exportProgress, file);
    assert.strictEqual(exported?.fsPath, file.fsPath);
    const text = fs.readFileSync(file.fsPath, 'utf8');
    for (const id of completed) assert.ok(text.includes(id), `export mentions ${id}`);

    await resetProgress(api);
    assert.deepStrictEqual(storedCompleted(api), []);
    await vscode.commands.executeCommand(Commands.importProgress, file);
    assert.deepStrictEqual(storedCompleted(api), completed);
  });

  it('Import refuses a file that is not a progress export and changes nothing', async () => {
    await api.applyCheckbox(s1.id, true);
    const file = path.join(tempDir('import'), 'bad.json');
    fs.writeFileSync(file, '{"hello": "world"}');
    const result = await vscode.commands.executeCommand(Commands.importProgress, vscode.Uri.file(file));
    assert.strictEqual(result, undefined);
    assert.deepStrictEqual(storedCompleted(api), [s1.id]);
  });

  it('Continue Learning opens the first incomplete skill', async () => {
    await api.applyCheckbox(s1.id, true);
    await api.applyCheckbox(s2.id, true);
    const opened = await vscode.commands.executeCommand<string>(Commands.continueLearning);
    assert.strictEqual(opened, s3.id);
    assert.strictEqual(api.lessonPanel.skillId, s3.id);
    assert.strictEqual(api.lessonPanel.title, `${s3.number} · ${s3.title}`);
  });
});
