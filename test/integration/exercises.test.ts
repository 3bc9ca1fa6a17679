// Start and Check on real exercises: the learner's own tests run as a VS Code task with real Node
// and PHPUnit, a failing check leaves the skill alone and a passing one ticks it.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { BackendPathApi } from '../../src/api';
import { Commands, EXERCISES_FOLDER } from '../../src/constants';
import { legacyStack } from '../../src/curriculum/exerciseStacks';
import { activateFromView, closeAllEditors, extension, fakePrompts, rawCurriculum, resetProgress, skillItem, storedCompleted, tempDir, usePrompts, waitFor } from './helpers';

interface CheckResult {
  readonly status: string;
  readonly message?: string;
  readonly reason?: string;
  readonly summary?: string;
  readonly failures: readonly { name: string; message: string }[];
}

interface Outcome {
  readonly status: string;
  readonly message?: string;
  readonly kept?: readonly string[];
  readonly written?: readonly string[];
}

/** The skill's row in the tree, as the learner sees it. */
async function skillDescription(api: BackendPathApi, skillId: string): Promise<string> {
  return String((await skillItem(api, skillId)).description);
}

function workspaceRoot(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the integration run opens a workspace folder');
  return folder.uri.fsPath;
}

/** The first skill with an exercise in both stacks (skill 1 preferred), with its legacy folder's stack. */
function twoStackSkill(): { skillId: string; folder: string; title: string; legacyStack: 'php' | 'node' } | undefined {
  const lessons = path.join(extension().extensionPath, 'lessons');
  for (const stage of rawCurriculum().stages) {
    for (const skill of stage.skills) {
      const folder = `${String(skill.number).padStart(2, '0')}-${skill.id}`;
      const has = (stack: string) => fs.existsSync(path.join(lessons, folder, 'exercise', stack, 'exercise.json'));
      if (has('php') && has('node')) return { skillId: skill.id, folder, title: skill.title, legacyStack: legacyStack(skill.id) };
    }
  }
  return undefined;
}

/** Copies every file of `from` into `to`, replacing files of the same name. */
function copyTree(from: string, to: string): void {
  fs.cpSync(from, to, { recursive: true, force: true });
}

function exerciseSource(folder: string, stack: 'php' | 'node', part: 'starter' | 'solution', file: string): string {
  return path.join(extension().extensionPath, 'lessons', folder, 'exercise', stack, part, file);
}

/** The Node.js exercise of skill 1, named explicitly (the skill has a PHP one too). */
const HTTP_NODE = { skillId: 'http-fundamentals', stack: 'node' } as const;

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
    // The next suites start from a workspace without exercises, as a learner's first day.
    fs.rmSync(path.join(workspaceRoot(), EXERCISES_FOLDER), { recursive: true, force: true });
    await waitFor(async () => !/PHP|Node/.test(await skillDescription(api, 'http-fundamentals')), 'the tree to forget the removed exercises');
  });

  // Each names its stack: with both stacks, a skill's exercise is ambiguous without it.
  for (const [skillId, folder, stack, file] of [
    ['http-fundamentals', '01-http-fundamentals', 'node', 'src/app.js'],
    ['sql-fundamentals', '06-sql-fundamentals', 'php', 'src/Reports.php'],
  ] as const) {
    describe(`${folder} (${stack})`, () => {
      const target = () => path.join(workspaceRoot(), EXERCISES_FOLDER, `${folder}-${stack}`);
      const argument = { skillId, stack };

      it('Start Exercise copies the starter into the workspace and opens the file to edit', async () => {
        const outcome = await vscode.commands.executeCommand<Outcome>(Commands.startExercise, argument);
        assert.ok(outcome.written && outcome.written.length > 0, 'files were written');
        assert.ok(fs.existsSync(path.join(target(), 'README.md')), 'README.md copied');
        assert.strictEqual(fs.readFileSync(path.join(target(), file), 'utf8'), fs.readFileSync(exerciseSource(folder, stack, 'starter', file), 'utf8'));
        const opened = vscode.window.visibleTextEditors.map((editor) => editor.document.uri.fsPath);
        assert.ok(opened.includes(path.join(target(), file)), `${file} is open (open: ${opened.join(', ')})`);
      });

      it('starting again never overwrites the learner\'s work', async () => {
        const learnerFile = path.join(target(), file);
        const original = fs.readFileSync(learnerFile, 'utf8');
        fs.writeFileSync(learnerFile, `${original}\n// my work in progress\n`);
        const outcome = await vscode.commands.executeCommand<Outcome>(Commands.startExercise, argument);
        assert.ok(outcome.kept?.includes(file), `${file} was kept`);
        assert.deepStrictEqual(outcome.written, [], 'nothing was written over existing files');
        assert.match(fs.readFileSync(learnerFile, 'utf8'), /my work in progress/);
        fs.writeFileSync(learnerFile, original);
      });

      it('Check Exercise runs the starter\'s failing tests and does not tick the skill', async () => {
        const outcome = await vscode.commands.executeCommand<Outcome>(Commands.checkExercise, argument);
        assert.strictEqual(outcome.status, 'failed', `the untouched starter fails its tests (${outcome.message ?? ''})`);
        assert.ok(!storedCompleted(api).includes(skillId), 'the skill is not ticked');
        assert.match(await skillDescription(api, skillId), new RegExp(`${stack === 'php' ? 'PHP' : 'Node\\.js'} ✗`), 'the tree shows the failed check');
      });

      it('Check Exercise passes with the solution in place and ticks the skill', async () => {
        fs.copyFileSync(exerciseSource(folder, stack, 'solution', file), path.join(target(), file));
        const outcome = await vscode.commands.executeCommand<Outcome>(Commands.checkExercise, argument);
        assert.strictEqual(outcome.status, 'passed', `the solved exercise passes (${outcome.message ?? ''})`);
        assert.ok(storedCompleted(api).includes(skillId), 'the skill is ticked in stored progress');
        const stored = api.storedProgress() as { skills: Record<string, { exercisePassedAt?: string; exercises?: Record<string, { passedAt?: string }> }> };
        assert.ok(stored.skills[skillId].exercisePassedAt, 'the pass is recorded');
        assert.ok(stored.skills[skillId].exercises?.[stack]?.passedAt, `the pass is recorded for ${stack}`);
        assert.match(await skillDescription(api, skillId), new RegExp(`${stack === 'php' ? 'PHP' : 'Node\\.js'} ✓`), 'the tree shows the passed check');
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
        const outcome = await vscode.commands.executeCommand<Outcome>(Commands.checkExercise, HTTP_NODE);
        assert.strictEqual(outcome.status, 'error');
        // Node 20 on this machine's PATH: "too old", naming the executable and where it was found.
        assert.match(outcome.message ?? '', /Node\.js is too old: the exercises need Node\.js 22 or newer, and the one that runs is "v\d+[^"]*" at \S*node \(found on the PATH/);
        assert.match(outcome.message ?? '', /backendPath\.nodePath/);
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
        const shown = await vscode.commands.executeCommand<boolean>(Commands.showSolution, HTTP_NODE);
        assert.strictEqual(shown, true);
        const diffs = vscode.window.tabGroups.all
          .flatMap((group) => group.tabs)
          .map((tab) => tab.input)
          .filter((input): input is vscode.TabInputTextDiff => input instanceof vscode.TabInputTextDiff);
        assert.strictEqual(diffs.length, 1, 'one diff editor is open');
        assert.match(diffs[0].original.fsPath, /backend-path-exercises[\\/]01-http-fundamentals-node[\\/]src[\\/]app\.js$/);
        // Read-only: a virtual document, never the extension's own lessons/ file.
        assert.strictEqual(diffs[0].modified.scheme, 'backend-path-solution');
        const solutionDocument = await vscode.workspace.openTextDocument(diffs[0].modified);
        const solutionPath = exerciseSource('01-http-fundamentals', 'node', 'solution', 'src/app.js');
        const onDisk = fs.readFileSync(solutionPath, 'utf8');
        assert.strictEqual(solutionDocument.getText(), onDisk, 'the learner sees the real solution');
        const edit = new vscode.WorkspaceEdit();
        edit.insert(diffs[0].modified, new vscode.Position(0, 0), '// an edit\n');
        await vscode.workspace.applyEdit(edit);
        assert.strictEqual(await solutionDocument.save(), false, 'a solution cannot be saved');
        assert.strictEqual(fs.readFileSync(solutionPath, 'utf8'), onDisk, 'lessons/ is unchanged');
        // Copyable: the Copy Solution File command puts the whole text on the clipboard.
        assert.strictEqual(await vscode.commands.executeCommand(Commands.copySolution, diffs[0].modified), true);
        assert.strictEqual(await vscode.env.clipboard.readText(), solutionDocument.getText());
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
        const shown = await vscode.commands.executeCommand<boolean>(Commands.showSolution, HTTP_NODE);
        assert.strictEqual(shown, false);
        assert.strictEqual(prompts.asked.length, 1);
        assert.match(prompts.asked[0].message, /solution/i);
      } finally {
        restore();
      }
    });
  });

  describe('exercise flow', () => {
    it('Start Exercise opens the file beside the lesson, which stays visible', async () => {
      await closeAllEditors();
      const ready = api.lessonPanel.whenReady();
      await vscode.commands.executeCommand(Commands.openLesson, 'http-fundamentals');
      await ready;
      await vscode.commands.executeCommand(Commands.startExercise, HTTP_NODE);
      const lessonTabs = vscode.window.tabGroups.all.flatMap((group) =>
        group.tabs.filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('backendPath.lesson')),
      );
      assert.strictEqual(lessonTabs.length, 1, 'the lesson is still open');
      assert.ok(lessonTabs[0].isActive, 'the lesson is the visible tab of its group');
      const editor = vscode.window.activeTextEditor;
      assert.ok(editor, 'the exercise file is the active editor');
      assert.match(editor.document.uri.fsPath, /01-http-fundamentals-node[\\/]src[\\/]app\.js$/);
      assert.notStrictEqual(editor.viewColumn, lessonTabs[0].group.viewColumn, 'in another group, beside the lesson');
      await closeAllEditors();
    });

    it('from the palette with no lesson open, it asks which exercise with a picker', async () => {
      await closeAllEditors();
      let offered: string[] = [];
      const prompts = fakePrompts(undefined, (_title, labels) => {
        offered = [...labels];
        return labels.findIndex((label) => label.endsWith('SQL Fundamentals'));
      });
      const restore = usePrompts(api, prompts);
      try {
        const outcome = await vscode.commands.executeCommand<Outcome>(Commands.startExercise);
        assert.strictEqual(prompts.picks.length, 1, 'the picker was shown');
        assert.ok(offered.length >= 2 && offered.every((label) => /^\d+ · /.test(label)), `path-position labels: ${offered.join(', ')}`);
        assert.ok(outcome, 'the picked exercise started');
        assert.match(vscode.window.activeTextEditor?.document.uri.fsPath ?? '', /06-sql-fundamentals-php[\\/]src[\\/]Reports\.php$/);
        // Dismissing the picker starts nothing.
        const dismissed = fakePrompts(undefined, () => undefined);
        const restoreDismissed = usePrompts(api, dismissed);
        try {
          await closeAllEditors();
          assert.strictEqual(await vscode.commands.executeCommand(Commands.startExercise), undefined);
          assert.strictEqual(vscode.window.activeTextEditor, undefined);
        } finally {
          restoreDismissed();
        }
      } finally {
        restore();
        await closeAllEditors();
      }
    });

    it('from the palette with the lesson as the active tab, it uses that lesson without asking', async () => {
      await closeAllEditors();
      const prompts = fakePrompts(undefined, () => assert.fail('no picker when the lesson is the active tab'));
      const restore = usePrompts(api, prompts);
      try {
        const ready = api.lessonPanel.whenReady();
        await vscode.commands.executeCommand(Commands.openLesson, 'sql-fundamentals');
        await ready;
        await vscode.commands.executeCommand(Commands.startExercise);
        assert.deepStrictEqual(prompts.picks, [], 'the one stack started decides, so nothing is asked');
        assert.match(vscode.window.activeTextEditor?.document.uri.fsPath ?? '', /06-sql-fundamentals-php[\\/]src[\\/]Reports\.php$/);
      } finally {
        restore();
        await closeAllEditors();
      }
    });

    it('Reset Exercise to Starter asks first, keeps a backup of changed files and restores the starter', async () => {
      const folder = path.join(workspaceRoot(), EXERCISES_FOLDER, '01-http-fundamentals-node');
      const file = path.join(folder, 'src', 'app.js');
      fs.writeFileSync(file, '// my half-finished attempt\n');
      const declined = fakePrompts(() => undefined);
      let restore = usePrompts(api, declined);
      try {
        assert.strictEqual(await vscode.commands.executeCommand(Commands.resetExercise, HTTP_NODE), undefined);
        assert.strictEqual(declined.asked.length, 1);
        assert.match(declined.asked[0].message, /Reset the Node\.js exercise of 1 · HTTP Fundamentals/);
        assert.strictEqual(fs.readFileSync(file, 'utf8'), '// my half-finished attempt\n', 'declined: nothing changed');
      } finally {
        restore();
      }
      restore = usePrompts(api, fakePrompts((_message, actions) => actions[0]));
      try {
        const outcome = await vscode.commands.executeCommand<{ backedUp: string[]; written: string[] }>(Commands.resetExercise, HTTP_NODE);
        assert.deepStrictEqual(outcome.backedUp, ['src/app.js']);
        assert.strictEqual(fs.readFileSync(file, 'utf8'), fs.readFileSync(exerciseSource('01-http-fundamentals', 'node', 'starter', 'src/app.js'), 'utf8'));
        const backups = path.join(workspaceRoot(), EXERCISES_FOLDER, '.backups');
        const [backup] = fs.readdirSync(backups).filter((name) => name.startsWith('01-http-fundamentals-node-'));
        assert.ok(backup, 'a backup folder was made');
        assert.strictEqual(fs.readFileSync(path.join(backups, backup, 'src', 'app.js'), 'utf8'), '// my half-finished attempt\n');
      } finally {
        restore();
      }
    });
  });

  describe('check guarantees', () => {
    const folder = () => path.join(workspaceRoot(), EXERCISES_FOLDER, '01-http-fundamentals-node');
    const config = () => vscode.workspace.getConfiguration('backendPath');

    before(async () => {
      await resetProgress(api);
      await vscode.commands.executeCommand(Commands.startExercise, HTTP_NODE);
    });

    afterEach(async () => {
      fs.rmSync(path.join(folder(), 'tests', 'hang.test.js'), { force: true });
      await config().update('checkTimeoutSeconds', undefined, vscode.ConfigurationTarget.Workspace);
      await config().update('nodePath', undefined, vscode.ConfigurationTarget.Workspace);
    });

    it('a failing check ends on a summary: counts and each failing test with its message', async () => {
      const outcome = await vscode.commands.executeCommand<CheckResult>(Commands.checkExercise, HTTP_NODE);
      assert.strictEqual(outcome.status, 'failed');
      assert.match(outcome.summary ?? '', /^\d+ passed, [1-9]\d* failed\.$/);
      assert.ok(outcome.failures && outcome.failures.length > 0, 'the failing tests are listed');
      for (const failure of outcome.failures) {
        assert.ok(failure.name.length > 0 && failure.message.length > 0, JSON.stringify(failure));
        assert.doesNotMatch(failure.message, /\n\s+at /, 'no stack frames');
      }
    });

    it('zero tests run is a failure with a clear message, and does not tick the skill', async () => {
      const tests = path.join(folder(), 'tests');
      // Out of the exercise folder entirely: node --test finds *.test.js files in any subfolder.
      const moved = path.join(tempDir('moved-tests'), 'tests');
      fs.renameSync(tests, moved);
      try {
        const outcome = await vscode.commands.executeCommand<CheckResult>(Commands.checkExercise, HTTP_NODE);
        assert.strictEqual(outcome.status, 'failed');
        assert.match(outcome.summary ?? '', /No tests ran/);
        assert.ok(!storedCompleted(api).includes('http-fundamentals'));
      } finally {
        fs.renameSync(moved, tests);
      }
    });

    it('another task for the same skill that ends first does not decide the outcome', async () => {
      const other = new vscode.Task(
        { type: 'backendPath', skillId: 'http-fundamentals' },
        vscode.TaskScope.Workspace,
        'impostor',
        'test',
        new vscode.ShellExecution('true'),
      );
      const [outcome] = await Promise.all([
        vscode.commands.executeCommand<CheckResult>(Commands.checkExercise, HTTP_NODE),
        vscode.tasks.executeTask(other),
      ]);
      assert.strictEqual(outcome.status, 'failed', 'the starter still fails its own tests');
      assert.ok(!storedCompleted(api).includes('http-fundamentals'));
    });

    it('a hung test run is stopped after backendPath.checkTimeoutSeconds', async () => {
      fs.writeFileSync(
        path.join(folder(), 'tests', 'hang.test.js'),
        "import { test } from 'node:test';\ntest('never ends', () => new Promise(() => setInterval(() => {}, 1000)));\n",
      );
      await config().update('checkTimeoutSeconds', 5, vscode.ConfigurationTarget.Workspace);
      const started = Date.now();
      const outcome = await vscode.commands.executeCommand<CheckResult>(Commands.checkExercise, HTTP_NODE);
      assert.strictEqual(outcome.status, 'error');
      assert.strictEqual(outcome.reason, 'timeout');
      assert.match(outcome.message ?? '', /did not finish within 5 seconds/);
      assert.ok(Date.now() - started < 30_000, 'it did not wait for the test');
    });

    it('Cancel stops the run and records nothing', async () => {
      fs.writeFileSync(
        path.join(folder(), 'tests', 'hang.test.js'),
        "import { test } from 'node:test';\ntest('never ends', () => new Promise(() => setInterval(() => {}, 1000)));\n",
      );
      const cancel = new vscode.CancellationTokenSource();
      setTimeout(() => cancel.cancel(), 1500);
      const outcome = await vscode.commands.executeCommand<CheckResult>(Commands.checkExercise, HTTP_NODE, { cancel: cancel.token });
      assert.strictEqual(outcome.status, 'error');
      assert.strictEqual(outcome.reason, 'cancelled');
      assert.ok(!storedCompleted(api).includes('http-fundamentals'));
    });

    it('backendPath.nodePath picks the executable, and a wrong one is named in the message', async () => {
      await config().update('nodePath', '/nowhere/bin/node', vscode.ConfigurationTarget.Workspace);
      const outcome = await vscode.commands.executeCommand<CheckResult>(Commands.checkExercise, HTTP_NODE);
      assert.strictEqual(outcome.status, 'error');
      assert.match(outcome.message ?? '', /Node\.js could not be run from \/nowhere\/bin\/node \(the setting backendPath\.nodePath\)/);
    });
  });

  describe('links', () => {
    it('Start Exercise refuses an exercise folder that links outside the workspace, naming the link', async () => {
      const outside = tempDir('outside');
      const link = path.join(workspaceRoot(), EXERCISES_FOLDER, '02-request-response-cycle');
      fs.mkdirSync(path.dirname(link), { recursive: true });
      fs.rmSync(link, { recursive: true, force: true });
      fs.symlinkSync(outside, link);
      try {
        // The legacy NN-id folder is the Node.js exercise of skill 2 (its stack before both existed).
        const outcome = await vscode.commands.executeCommand<Outcome & { refused?: string }>(Commands.startExercise, { skillId: 'request-response-cycle', stack: 'node' });
        assert.deepStrictEqual(outcome.written, []);
        assert.ok(outcome.refused?.includes(link), outcome.refused);
        assert.deepStrictEqual(fs.readdirSync(outside), [], 'nothing was written outside');
      } finally {
        fs.rmSync(link, { force: true });
      }
    });
  });

  // Both versions of one skill side by side. The skill is the first that has both stacks in this
  // build (skill 1 once its PHP exercise is in); it is named in the test titles' output below.
  describe('both stacks', () => {
    const both = twoStackSkill();
    const config = () => vscode.workspace.getConfiguration('backendPath');
    const folderOf = (name: string) => path.join(workspaceRoot(), EXERCISES_FOLDER, name);

    before(async function () {
      if (!both) this.skip(); // no skill has both stacks in this build yet
      await resetProgress(api);
      await closeAllEditors();
      for (const name of [both.folder, `${both.folder}-php`, `${both.folder}-node`]) fs.rmSync(folderOf(name), { recursive: true, force: true });
      await config().update('stack', 'ask', vscode.ConfigurationTarget.Global);
      // The extension notices folders removed by hand (a file watcher); wait until the tree shows none started.
      await waitFor(async () => !/PHP|Node/.test(await skillDescription(api, both.skillId)), 'the tree to show no stack started');
    });

    after(async () => {
      await config().update('stack', undefined, vscode.ConfigurationTarget.Global);
      await closeAllEditors();
    });

    it('the palette lists both stacks of a skill while nothing decides between them', async () => {
      assert.ok(both);
      const prompts = fakePrompts(undefined, () => undefined);
      const restore = usePrompts(api, prompts);
      try {
        assert.strictEqual(await vscode.commands.executeCommand(Commands.startExercise), undefined, 'dismissed: nothing starts');
        const [pick] = prompts.picks;
        const rows = pick.labels.map((label, index) => [label, pick.descriptions[index]]).filter(([label]) => /^\d+ · /.test(label ?? '') && label?.endsWith(both.title));
        assert.deepStrictEqual(rows.map(([, description]) => description), ['PHP', 'Node.js'], JSON.stringify(rows));
      } finally {
        restore();
      }
    });

    it('the first Start Exercise asks which stack once, and remembers the answer in backendPath.stack', async () => {
      assert.ok(both);
      const prompts = fakePrompts(undefined, (_title, labels) => labels.indexOf('Node.js'));
      const restore = usePrompts(api, prompts);
      try {
        const outcome = await vscode.commands.executeCommand<Outcome>(Commands.startExercise, both.skillId);
        assert.deepStrictEqual(prompts.picks.map((pick) => pick.labels), [['PHP', 'Node.js']], 'asked once, offering both stacks');
        assert.ok(outcome.written && outcome.written.length > 0);
        assert.ok(fs.existsSync(folderOf(`${both.folder}-node`)), 'started in NN-id-node');
        assert.ok(!fs.existsSync(folderOf(`${both.folder}-php`)));
        assert.strictEqual(config().inspect('stack')?.globalValue, 'node', 'the answer is the setting now');
        // Asked once: the next Start (here from the Command Palette with the lesson's id) follows the setting.
        await vscode.commands.executeCommand(Commands.startExercise, both.skillId);
        assert.strictEqual(prompts.picks.length, 1, 'not asked again');
      } finally {
        restore();
      }
    });

    it('a changed setting is followed, and the other stack starts beside the first', async () => {
      assert.ok(both);
      const prompts = fakePrompts(undefined, () => assert.fail('no question once the stack is set'));
      const restore = usePrompts(api, prompts);
      try {
        await config().update('stack', 'php', vscode.ConfigurationTarget.Global);
        await vscode.commands.executeCommand(Commands.startExercise, both.skillId);
        assert.ok(fs.existsSync(folderOf(`${both.folder}-php`)), 'PHP started in NN-id-php');
        assert.ok(fs.existsSync(folderOf(`${both.folder}-node`)), 'the Node.js version is still there');
        assert.match(vscode.window.activeTextEditor?.document.uri.fsPath ?? '', new RegExp(`${both.folder}-php`));
        assert.match(await skillDescription(api, both.skillId), /PHP · Node\.js$/, 'the tree shows both started');
      } finally {
        restore();
      }
    });

    it('the lesson card names its stack, offers the other, and its buttons act on the stack they name', async () => {
      assert.ok(both);
      const ready = api.lessonPanel.whenReady();
      await vscode.commands.executeCommand(Commands.openLesson, both.skillId);
      await ready;
      const html = api.lessonPanel.html ?? '';
      const start = /<vscode-button[^>]*data-exercise-action="start"[^>]*>/.exec(html)?.[0] ?? '';
      assert.match(start, /data-stack="php"/, 'the setting (php) is the card\'s stack');
      assert.match(html, /class="exercise-language" data-stack="php">PHP · PHPUnit</);
      assert.match(html, /Also in Node\.js: <vscode-button[^>]*data-stack="node"/);
      // The page's Check for Node.js runs the Node.js tests (the starter fails them), not PHP's.
      const before = storedCompleted(api);
      await api.lessonPanel.receive?.({ type: 'exercise', skillId: both.skillId, action: 'check', stack: 'node' });
      await waitFor(async () => /Node\.js ✗/.test(await skillDescription(api, both.skillId)), 'the Node.js check to fail', 60_000);
      assert.match(await skillDescription(api, both.skillId), /^[^·]+· PHP · Node\.js ✗$/, 'only Node.js was checked');
      assert.deepStrictEqual(storedCompleted(api), before);
    });

    it('passing either stack completes the skill', async () => {
      assert.ok(both);
      copyTree(path.join(extension().extensionPath, 'lessons', both.folder, 'exercise', 'php', 'solution'), folderOf(`${both.folder}-php`));
      const outcome = await vscode.commands.executeCommand<Outcome>(Commands.checkExercise, { skillId: both.skillId, stack: 'php' });
      assert.strictEqual(outcome.status, 'passed', outcome.message);
      assert.ok(storedCompleted(api).includes(both.skillId));
      const item = await skillItem(api, both.skillId);
      assert.match(String(item.description), /PHP ✓ · Node\.js ✗$/);
      // The context menu's "in PHP" / "in Node.js" entries key on this.
      assert.strictEqual(item.contextValue, 'skill.done.exercise.php.node');
    });

    it('a legacy NN-id folder stays the learner\'s exercise in its stack: reused, not duplicated', async () => {
      assert.ok(both);
      const legacy = folderOf(both.folder);
      const stack = both.legacyStack;
      fs.rmSync(folderOf(`${both.folder}-${stack}`), { recursive: true, force: true });
      copyTree(path.join(extension().extensionPath, 'lessons', both.folder, 'exercise', stack, 'starter'), legacy);
      fs.writeFileSync(path.join(legacy, 'my-notes.md'), 'mine\n');
      const outcome = await vscode.commands.executeCommand<Outcome>(Commands.startExercise, { skillId: both.skillId, stack });
      assert.deepStrictEqual(outcome.written, [], 'everything was already there');
      assert.ok(!fs.existsSync(folderOf(`${both.folder}-${stack}`)), 'no second copy');
      assert.ok(vscode.window.activeTextEditor?.document.uri.fsPath.startsWith(`${legacy}${path.sep}`), 'the legacy folder\'s file is open');
      // Check runs the legacy folder's tests: with its solution in place they pass.
      copyTree(path.join(extension().extensionPath, 'lessons', both.folder, 'exercise', stack, 'solution'), legacy);
      const checked = await vscode.commands.executeCommand<Outcome>(Commands.checkExercise, { skillId: both.skillId, stack });
      assert.strictEqual(checked.status, 'passed', checked.message);
      assert.strictEqual(fs.readFileSync(path.join(legacy, 'my-notes.md'), 'utf8'), 'mine\n');
    });
  });
});
