// Start and Check on real exercises: the learner's own tests run as a VS Code task with real Node
// and PHPUnit, a failing check leaves the skill alone and a passing one ticks it.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { BackendPathApi } from '../../src/api';
import { Commands, EXERCISES_FOLDER } from '../../src/constants';
import { activateFromView, closeAllEditors, extension, resetProgress, storedCompleted } from './helpers';

interface Outcome {
  readonly status: string;
  readonly message?: string;
  readonly kept?: readonly string[];
  readonly written?: readonly string[];
}

/** The skill's row in the tree, as the learner sees it. */
async function skillDescription(api: BackendPathApi, skillId: string): Promise<string> {
  for (const stage of await api.treeChildren()) {
    for (const node of await api.treeChildren(stage)) {
      const item = api.treeItem(node);
      if (item.id === `skill:${skillId}`) return String(item.description);
    }
  }
  throw new Error(`no tree item for ${skillId}`);
}

function workspaceRoot(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the integration run opens a workspace folder');
  return folder.uri.fsPath;
}

function exerciseSource(folder: string, part: 'starter' | 'solution', file: string): string {
  return path.join(extension().extensionPath, 'lessons', folder, 'exercise', part, file);
}

describe('exercises', function () {
  // Real test runs (PHPUnit, node --test) inside the editor take a few seconds each.
  this.timeout(120_000);
  let api: BackendPathApi;

  before(async () => {
    api = await activateFromView();
    await resetProgress(api);
  });

  after(async () => {
    await resetProgress(api);
    await closeAllEditors();
  });

  for (const [skillId, folder, file] of [
    ['http-fundamentals', '01-http-fundamentals', 'src/app.js'],
    ['sql-fundamentals', '06-sql-fundamentals', 'src/Reports.php'],
  ] as const) {
    describe(`${folder}`, () => {
      const target = () => path.join(workspaceRoot(), EXERCISES_FOLDER, folder);

      it('Start Exercise copies the starter into the workspace and opens the file to edit', async () => {
        const outcome = await vscode.commands.executeCommand<Outcome>(Commands.startExercise, skillId);
        assert.ok(outcome.written && outcome.written.length > 0, 'files were written');
        assert.ok(fs.existsSync(path.join(target(), 'README.md')), 'README.md copied');
        assert.strictEqual(fs.readFileSync(path.join(target(), file), 'utf8'), fs.readFileSync(exerciseSource(folder, 'starter', file), 'utf8'));
        const opened = vscode.window.visibleTextEditors.map((editor) => editor.document.uri.fsPath);
        assert.ok(opened.includes(path.join(target(), file)), `${file} is open (open: ${opened.join(', ')})`);
      });

      it('starting again never overwrites the learner\'s work', async () => {
        const learnerFile = path.join(target(), file);
        const original = fs.readFileSync(learnerFile, 'utf8');
        fs.writeFileSync(learnerFile, `${original}\n// my work in progress\n`);
        const outcome = await vscode.commands.executeCommand<Outcome>(Commands.startExercise, skillId);
        assert.ok(outcome.kept?.includes(file), `${file} was kept`);
        assert.deepStrictEqual(outcome.written, [], 'nothing was written over existing files');
        assert.match(fs.readFileSync(learnerFile, 'utf8'), /my work in progress/);
        fs.writeFileSync(learnerFile, original);
      });

      it('Check Exercise runs the starter\'s failing tests and does not tick the skill', async () => {
        const outcome = await vscode.commands.executeCommand<Outcome>(Commands.checkExercise, skillId);
        assert.strictEqual(outcome.status, 'failed', `the untouched starter fails its tests (${outcome.message ?? ''})`);
        assert.ok(!storedCompleted(api).includes(skillId), 'the skill is not ticked');
        assert.match(await skillDescription(api, skillId), /tests fail/, 'the tree shows the failed check');
      });

      it('Check Exercise passes with the solution in place and ticks the skill', async () => {
        fs.copyFileSync(exerciseSource(folder, 'solution', file), path.join(target(), file));
        const outcome = await vscode.commands.executeCommand<Outcome>(Commands.checkExercise, skillId);
        assert.strictEqual(outcome.status, 'passed', `the solved exercise passes (${outcome.message ?? ''})`);
        assert.ok(storedCompleted(api).includes(skillId), 'the skill is ticked in stored progress');
        const stored = api.storedProgress() as { skills: Record<string, { exercisePassedAt?: string }> };
        assert.ok(stored.skills[skillId].exercisePassedAt, 'the pass is recorded');
        assert.match(await skillDescription(api, skillId), /tests pass/, 'the tree shows the passed check');
      });
    });
  }

  describe('toolchain', () => {
    it('explains an old Node.js with the next step instead of running the tests', async () => {
      // The probe runs `node --version` from the extension host's PATH; drop the Node 24 folder from it.
      const original = process.env.PATH ?? '';
      const nodeMajor = (dir: string) => {
        try {
          return Number(/^v(\d+)/.exec(execFileSync(path.join(dir, 'node'), ['--version'], { encoding: 'utf8' }))?.[1] ?? 0);
        } catch {
          return 0; // no node here
        }
      };
      process.env.PATH = original.split(path.delimiter).filter((dir) => nodeMajor(dir) < 22).join(path.delimiter);
      try {
        const outcome = await vscode.commands.executeCommand<Outcome>(Commands.checkExercise, 'http-fundamentals');
        assert.strictEqual(outcome.status, 'error');
        // Node 20 on this machine's PATH gives "needs 22 or newer"; a machine without one, "not found".
        assert.match(outcome.message ?? '', /(need Node\.js 22 or newer|Node\.js was not found).*Install Node\.js 24/);
      } finally {
        process.env.PATH = original;
      }
    });
  });

  // After the exercises above, so the learner's files exist (mocha runs a suite's own tests before its sub-suites).
  describe('show solution', () => {
    it('Show Solution, once confirmed, opens a diff of the learner\'s file against the solution', async () => {
      const { fakePrompts, usePrompts } = await import('./helpers');
      const prompts = fakePrompts((_message, actions) => actions[0]);
      const restore = usePrompts(api, prompts);
      try {
        await closeAllEditors();
        const shown = await vscode.commands.executeCommand<boolean>(Commands.showSolution, 'http-fundamentals');
        assert.strictEqual(shown, true);
        const diffs = vscode.window.tabGroups.all
          .flatMap((group) => group.tabs)
          .map((tab) => tab.input)
          .filter((input): input is vscode.TabInputTextDiff => input instanceof vscode.TabInputTextDiff);
        assert.strictEqual(diffs.length, 1, 'one diff editor is open');
        assert.match(diffs[0].original.fsPath, /backend-path-exercises[\\/]01-http-fundamentals[\\/]src[\\/]app\.js$/);
        assert.match(diffs[0].modified.fsPath, /exercise[\\/]solution[\\/]src[\\/]app\.js$/);
      } finally {
        restore();
        await closeAllEditors();
      }
    });

    it('Show Solution asks first and changes nothing when declined', async () => {
      const { fakePrompts, usePrompts } = await import('./helpers');
      const prompts = fakePrompts(() => undefined);
      const restore = usePrompts(api, prompts);
      try {
        const shown = await vscode.commands.executeCommand<boolean>(Commands.showSolution, 'http-fundamentals');
        assert.strictEqual(shown, false);
        assert.strictEqual(prompts.asked.length, 1);
        assert.match(prompts.asked[0].message, /solution/i);
      } finally {
        restore();
      }
    });
  });
});
