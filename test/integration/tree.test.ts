import * as assert from 'assert';
import * as vscode from 'vscode';
import type { BackendPathApi } from '../../src/api';
import { activateFromView, rawCurriculum, resetProgress, waitFor } from './helpers';

/** Skill numbers per stage, in the order of the seed (/work/shared/seed-backend-development-path.txt). */
const SEED_ORDER = [
  [1, 2, 3, 4, 6],
  [5, 7, 8, 9, 10, 11, 12, 16, 19, 20],
  [13, 14, 15, 17, 18, 21, 22],
];

describe('skills tree', () => {
  let api: BackendPathApi;

  before(async () => {
    api = await activateFromView();
    await resetProgress(api);
  });

  it('shows the 3 stages in seed order, expanded, with done/total', async () => {
    const curriculum = rawCurriculum();
    const stages = await api.treeChildren();
    assert.strictEqual(stages.length, 3);
    const items = stages.map((node) => api.treeItem(node));
    assert.deepStrictEqual(
      items.map((item) => item.label),
      curriculum.stages.map((stage) => stage.title),
    );
    assert.deepStrictEqual(
      items.map((item) => item.description),
      SEED_ORDER.map((numbers) => `0/${numbers.length}`),
    );
    for (const item of items) assert.strictEqual(item.collapsibleState, vscode.TreeItemCollapsibleState.Expanded);
  });

  it('shows all 22 skills in study order, numbered by path position "N · Title", with "M min"', async () => {
    const expected = rawCurriculum().stages.flatMap((stage) => stage.skills);
    const shown: vscode.TreeItem[] = [];
    for (const stage of await api.treeChildren()) {
      for (const skill of await api.treeChildren(stage)) shown.push(api.treeItem(skill));
    }
    assert.strictEqual(shown.length, 22);
    // The number learners see is the position on the path (1–22 in order), the same in the tab,
    // the header, the picker and the status bar; the seed's own number stays in the tooltip.
    assert.deepStrictEqual(
      shown.map((item) => [item.label, item.description]),
      expected.map((skill, index) => [`${index + 1} · ${skill.title}`, `${skill.minutes} min`]),
    );
    assert.deepStrictEqual(
      expected.map((skill) => skill.number),
      SEED_ORDER.flat(),
      'the seed order is kept',
    );
  });

  it('keeps the seed number in the tooltip ("roadmap #N")', async () => {
    const [, secondStage] = await api.treeChildren();
    const [firstOfStage] = await api.treeChildren(secondStage);
    const item = api.treeItem(firstOfStage);
    const resolved = await api.resolveTreeItem(item, firstOfStage);
    assert.match(String(item.label), /^6 · /, 'the first skill of stage 2 is 6th on the path');
    assert.match((resolved.tooltip as vscode.MarkdownString).value, /roadmap #5(?!\d)/);
  });

  it('gives each skill an unchecked checkbox with its own accessible name, a command that opens its lesson and a label', async () => {
    const [firstStage] = await api.treeChildren();
    const [firstSkill] = await api.treeChildren(firstStage);
    const item = api.treeItem(firstSkill);
    const checkbox = item.checkboxState as { state: vscode.TreeItemCheckboxState; accessibilityInformation?: vscode.AccessibilityInformation; tooltip?: string };
    assert.strictEqual(checkbox.state, vscode.TreeItemCheckboxState.Unchecked);
    assert.strictEqual(checkbox.accessibilityInformation?.label, 'Mark 1 · HTTP Fundamentals complete');
    assert.strictEqual(checkbox.tooltip, 'Mark 1 · HTTP Fundamentals complete');
    assert.strictEqual(item.command?.command, 'backendPath.openLesson');
    assert.match(String(item.contextValue), /^skill\.todo/);
    assert.match(item.accessibilityInformation?.label ?? '', /^Skill 1, HTTP Fundamentals, \d+ minutes, not complete$/);
  });

  it('answers getParent, so the tree can reveal the open lesson', async () => {
    const stages = await api.treeChildren();
    for (const stage of stages) {
      assert.strictEqual(await api.treeParent(stage), undefined, 'a stage is a root');
      for (const skill of await api.treeChildren(stage)) {
        const parent = await api.treeParent(skill);
        assert.ok(parent, 'a skill has a parent');
        assert.strictEqual(api.treeItem(parent).id, api.treeItem(stage).id);
      }
    }
  });

  it('reveals (selects) the skill of a lesson opened from the picker or Continue Learning', async function () {
    // Opening a lesson under load takes a while; what matters is where the selection ends up.
    this.timeout(90_000);
    await vscode.commands.executeCommand('workbench.view.extension.backendPath');
    const ready = api.lessonPanel.whenReady();
    await vscode.commands.executeCommand('backendPath.continueLearning');
    await ready;
    const selected = await waitFor(async () => {
      const ids = api.treeSelection().map((node) => api.treeItem(node).id);
      return ids.length > 0 ? ids : undefined;
    }, 'the tree selection to follow the lesson', 30_000);
    assert.deepStrictEqual(selected, ['skill:http-fundamentals']);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('follows the lesson when the page moves on by itself (a lesson link, Next, Back)', async function () {
    this.timeout(90_000);
    await vscode.commands.executeCommand('workbench.view.extension.backendPath');
    let ready = api.lessonPanel.whenReady();
    await vscode.commands.executeCommand('backendPath.openLesson', 'http-fundamentals');
    await ready;
    // The page asks for another lesson, as a link or the Next button does.
    ready = api.lessonPanel.whenReady();
    await api.lessonPanel.receive!({ type: 'navigate', skillId: 'request-response-cycle' });
    await ready;
    const selected = await waitFor(async () => {
      const ids = api.treeSelection().map((node) => api.treeItem(node).id);
      return ids.includes('skill:request-response-cycle') ? ids : undefined;
    }, 'the tree selection to follow a lesson link', 30_000);
    assert.deepStrictEqual(selected, ['skill:request-response-cycle']);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
