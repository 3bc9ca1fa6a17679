import * as assert from 'node:assert/strict';
import { Commands, EXERCISES_FOLDER, LESSON_VIEW_TYPE, SKILLS_VIEW_ID, Settings, VIEW_CONTAINER_ID } from '../../src/constants';
import { readRepoFile } from './helpers';

const manifest = JSON.parse(readRepoFile('package.json'));
const nls = JSON.parse(readRepoFile('package.nls.json')) as Record<string, string>;

describe('package.json and constants agree', () => {
  it('contributes exactly the commands the constants name, all in the Backend Path category', () => {
    const contributed = (manifest.contributes.commands as { command: string; category: string }[]);
    assert.deepEqual(contributed.map((command) => command.command).sort(), Object.values(Commands).sort());
    assert.ok(contributed.every((command) => command.category === 'Backend Path'));
  });

  it('contributes the view container, the skills view and the lesson panel activation', () => {
    assert.equal(manifest.contributes.viewsContainers.activitybar[0].id, VIEW_CONTAINER_ID);
    const views = manifest.contributes.views[VIEW_CONTAINER_ID] as { id: string }[];
    assert.ok(views.some((view) => view.id === SKILLS_VIEW_ID));
    assert.ok(manifest.activationEvents.includes(`onWebviewPanel:${LESSON_VIEW_TYPE}`));
  });

  it('activates lazily: no "*" or onStartupFinished', () => {
    for (const event of manifest.activationEvents as string[]) assert.doesNotMatch(event, /^\*$|onStartupFinished/);
  });

  it('activates in a workspace with started exercises, so the Testing view lists them, without a deep search', () => {
    const contains = (manifest.activationEvents as string[]).filter((event) => event.startsWith('workspaceContains:'));
    assert.deepEqual(contains.sort(), [`workspaceContains:${EXERCISES_FOLDER}/*/package.json`, `workspaceContains:${EXERCISES_FOLDER}/*/phpunit.xml`]);
  });

  it('declares the completeOnPass setting, true by default', () => {
    const setting = manifest.contributes.configuration.properties[`${Settings.section}.${Settings.completeOnPass}`];
    assert.equal(setting.default, true);
  });

  it('targets VS Code ^1.100.0 with matching @types/vscode', () => {
    assert.equal(manifest.engines.vscode, '^1.100.0');
    assert.match(manifest.devDependencies['@types/vscode'], /1\.100\./);
  });

  it('has a package.nls.json entry for every %placeholder%', () => {
    const placeholders = [...JSON.stringify(manifest).matchAll(/%([\w.]+)%/g)].map((match) => match[1]);
    assert.ok(placeholders.length > 10);
    for (const key of placeholders) assert.ok(key in nls, `package.nls.json lacks "${key}"`);
  });

  it('menus refer only to contributed commands', () => {
    const known = new Set(Object.values(Commands) as string[]);
    for (const entries of Object.values(manifest.contributes.menus) as { command: string }[][]) {
      for (const entry of entries) assert.ok(known.has(entry.command), entry.command);
    }
  });
});
