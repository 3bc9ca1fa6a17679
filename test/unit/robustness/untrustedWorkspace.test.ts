import * as assert from 'node:assert/strict';
import type { Skill } from '../../../src/curriculum/types';
import type { PageLabels, PageModel } from '../../../src/lessonPanel/pageHtml';
import { buildPageHtml, createNonce } from '../../../src/lessonPanel/pageHtml';
import { renderLesson } from '../../../src/lessons/renderLesson';
import { attribute, findElements, parsePage, readRootFile } from './support';

interface MenuItem {
  readonly command: string;
  readonly when?: string;
}

const manifest = JSON.parse(readRootFile('package.json'));
/** Commands that run the learner's code (a task or process in the workspace). */
const RUNS_LEARNER_CODE = ['backendPath.checkExercise', 'backendPath.checkExerciseInPhp', 'backendPath.checkExerciseInNode'];

/**
 * True when the clause requires a trusted workspace on every path: a top-level `&& isWorkspaceTrusted`
 * term, or `false` (an entry that never shows, such as a command hidden from the palette).
 */
function requiresTrust(when: string | undefined): boolean {
  if (when?.trim() === 'false') return true;
  if (!when || when.includes('||')) return false;
  return when.split('&&').map((term) => term.trim()).includes('isWorkspaceTrusted');
}

const skill: Skill = {
  number: 8, position: 8, id: 'orm-basics', title: 'ORM Basics', summary: 's', minutes: 30, objectives: [], stageId: 'data', folder: '08-orm-basics',
};
const labels = new Proxy({}, { get: (_target, key) => `[${String(key)}]` }) as PageLabels;
const resources = { cspSource: 'vscode-webview://abc', asWebviewUri: (path: string) => `vscode-webview://abc/${path}` };

function page(workspaceTrusted: boolean, lessonMarkdown: string): string {
  const model: PageModel = {
    skill, stageTitle: 'Data', position: 8, total: 22, complete: false,
    lessonHtml: renderLesson(lessonMarkdown, { skillIdForFolder: () => undefined }).html,
    quiz: [], exercise: { title: 'Models', stack: 'php', stacks: ['php'] }, workspaceTrusted, labels,
  };
  return buildPageHtml(model, resources, createNonce());
}

describe('robustness: untrusted workspace (manifest and page)', () => {
  let checks = 0;
  after(() => {
    console.log(`    robustness: untrusted workspace — ${checks} gates checked (manifest enablement, menus, capability, page button), all hold`);
  });

  it('declares limited support for untrusted workspaces', () => {
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.ok(manifest.capabilities.untrustedWorkspaces.description, 'it says what is limited');
    checks += 1;
  });

  for (const command of RUNS_LEARNER_CODE) {
    it(`gates ${command} by isWorkspaceTrusted in its enablement and in every menu`, () => {
      const contributed = (manifest.contributes.commands as { command: string; enablement?: string }[]).find((entry) => entry.command === command);
      assert.ok(contributed, `${command} is contributed`);
      assert.ok(requiresTrust(contributed.enablement), `enablement "${contributed.enablement}"`);
      checks += 1;
      const menus = manifest.contributes.menus as Record<string, MenuItem[]>;
      let placed = 0;
      for (const [menu, items] of Object.entries(menus)) {
        for (const item of items.filter((entry) => entry.command === command)) {
          assert.ok(requiresTrust(item.when), `${menu}: when "${item.when}"`);
          placed += 1;
          checks += 1;
        }
      }
      assert.ok(placed >= 2, 'the command appears in the palette and the tree menu');
      for (const binding of (manifest.contributes.keybindings ?? []) as MenuItem[]) {
        if (binding.command === command) assert.ok(requiresTrust(binding.when), `keybinding when "${binding.when}"`);
      }
    });
  }

  it('has a trust test that refuses clauses a learner could get around', () => {
    for (const when of [undefined, '', 'true', '!isWorkspaceTrusted', 'isWorkspaceTrusted || true', 'isWorkspaceTrustedX', 'view == x']) {
      assert.equal(requiresTrust(when), false, String(when));
    }
    assert.equal(requiresTrust('view == x && isWorkspaceTrusted'), true);
  });

  it('disables the Check button on an untrusted page, and only there', () => {
    const hostile = '<vscode-button data-action="exercise" data-exercise-action="check" data-skill="orm-basics">Check</vscode-button>';
    for (const trusted of [false, true]) {
      const { document } = parsePage(page(trusted, hostile));
      const checkButtons = findElements(document, (element) => attribute(element, 'data-exercise-action') === 'check');
      assert.equal(checkButtons.length, 1, 'the lesson text cannot add a second Check button');
      const disabled = attribute(checkButtons[0], 'disabled') !== undefined;
      assert.equal(disabled, !trusted, `trusted=${trusted}`);
      const notes = findElements(document, (element) => element.tagName === 'p' && attribute(element, 'class') === 'note');
      assert.equal(notes.length, trusted ? 0 : 1, 'the untrusted page says why');
      // Start and Show Solution copy files and open them; they run nothing, so they stay enabled.
      for (const action of ['start', 'showSolution']) {
        const [button] = findElements(document, (element) => attribute(element, 'data-exercise-action') === action);
        assert.equal(attribute(button, 'disabled'), undefined, action);
      }
      checks += 1;
    }
  });
});
