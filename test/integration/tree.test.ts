import * as assert from 'assert';
import * as vscode from 'vscode';
import type { BackendPathApi } from '../../src/api';
import { activateFromView, rawCurriculum, resetProgress } from './helpers';

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

  it('shows all 22 skills in seed order as "N · Title" with "M min"', async () => {
    const expected = rawCurriculum().stages.flatMap((stage) => stage.skills);
    const shown: vscode.TreeItem[] = [];
    for (const stage of await api.treeChildren()) {
      for (const skill of await api.treeChildren(stage)) shown.push(api.treeItem(skill));
    }
    assert.strictEqual(shown.length, 22);
    assert.deepStrictEqual(
      shown.map((item) => [item.label, item.description]),
      expected.map((skill) => [`${skill.number} · ${skill.title}`, `${skill.minutes} min`]),
    );
    // The seed lists some skills out of numeric order (6 before 5); the tree keeps the seed's order.
    assert.deepStrictEqual(
      shown.map((item) => Number(/^(\d+) · /.exec(String(item.label))?.[1])),
      SEED_ORDER.flat(),
    );
  });

  it('gives each skill an unchecked checkbox, a command that opens its lesson and an accessible label', async () => {
    const [firstStage] = await api.treeChildren();
    const [firstSkill] = await api.treeChildren(firstStage);
    const item = api.treeItem(firstSkill);
    assert.strictEqual(item.checkboxState, vscode.TreeItemCheckboxState.Unchecked);
    assert.strictEqual(item.command?.command, 'backendPath.openLesson');
    assert.match(String(item.contextValue), /^skill\.todo/);
    assert.ok(item.accessibilityInformation?.label, 'accessibility label');
  });
});
