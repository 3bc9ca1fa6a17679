// Runs first (files load in name order): the extension must still be inactive here.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { SKILLS_VIEW_ID, VIEW_CONTAINER_ID } from '../../src/constants';
import { activateFromView, extension } from './helpers';

interface Manifest {
  activationEvents?: string[];
  contributes: {
    commands: { command: string }[];
    viewsContainers: { activitybar: { id: string; title: string }[] };
    views: Record<string, { id: string }[]>;
  };
}

describe('activation', () => {
  it('is not active before its view or a command is used', () => {
    assert.strictEqual(extension().isActive, false);
  });

  it('contributes the Backend Path view container and skills view', () => {
    const manifest = extension().packageJSON as Manifest;
    const container = manifest.contributes.viewsContainers.activitybar.find((c) => c.id === VIEW_CONTAINER_ID);
    assert.ok(container, 'activity bar container backendPath');
    assert.strictEqual(container.title, 'Backend Path', 'title, after package.nls.json is applied');
    assert.ok(manifest.contributes.views[VIEW_CONTAINER_ID]?.some((view) => view.id === SKILLS_VIEW_ID));
  });

  it('activates when its view opens and returns the test API', async () => {
    const api = await activateFromView();
    assert.strictEqual(extension().isActive, true);
    assert.strictEqual(typeof api.treeChildren, 'function');
    assert.strictEqual(typeof api.setPrompts, 'function');
  });

  it('registers every command listed in package.json', async () => {
    const manifest = extension().packageJSON as Manifest;
    const registered = new Set(await vscode.commands.getCommands(true));
    const declared = manifest.contributes.commands.map((c) => c.command);
    assert.ok(declared.length > 0, 'package.json declares commands');
    const missing = declared.filter((id) => !registered.has(id));
    assert.deepStrictEqual(missing, []);
  });
});
