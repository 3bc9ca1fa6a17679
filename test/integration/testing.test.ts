// The Testing view in the real VS Code: started exercises' tests are listed by skill, stack, file and
// test; a run on the starter fails each test with its message and the place it failed; with the
// solution laid in, one test and then all pass. Check Exercise fills the same view.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { BackendPathApi } from '../../src/api';
import { Commands, EXERCISES_FOLDER } from '../../src/constants';
import type { RecordedResult, RunRecord } from '../../src/testing/runRecorder';
import { legacyStack } from '../../src/curriculum/exerciseStacks';
import { activateFromView, extension, fakePrompts, resetProgress, skillItem, usePrompts, waitFor } from './helpers';

type Testing = NonNullable<BackendPathApi['testing']>;

function workspaceRoot(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the integration run opens a workspace folder');
  return folder.uri.fsPath;
}

function lessonExercise(skillFolder: string, stack: 'php' | 'node'): string {
  return path.join(extension().extensionPath, 'lessons', skillFolder, 'exercise', stack);
}

/** What Start Exercise does for a stack: the starter copied into backend-path-exercises/NN-id-<stack>/. */
function startExercise(skillFolder: string, stack: 'php' | 'node'): string {
  const target = path.join(workspaceRoot(), EXERCISES_FOLDER, `${skillFolder}-${stack}`);
  fs.rmSync(target, { recursive: true, force: true });
  fs.cpSync(path.join(lessonExercise(skillFolder, stack), 'starter'), target, { recursive: true });
  return target;
}

function layInSolution(skillFolder: string, stack: 'php' | 'node', target: string): void {
  fs.cpSync(path.join(lessonExercise(skillFolder, stack), 'solution'), target, { recursive: true });
}

function children(item: vscode.TestItem): vscode.TestItem[] {
  const found: vscode.TestItem[] = [];
  item.children.forEach((child) => found.push(child));
  return found.sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));
}

function leaves(item: vscode.TestItem): vscode.TestItem[] {
  const below = children(item);
  return below.length === 0 ? [item] : below.flatMap(leaves);
}

function rootItem(testing: Testing, id: string): vscode.TestItem {
  const item = testing.controller.items.get(id);
  assert.ok(item, `the Testing view lists ${id}`);
  return item;
}

function child(item: vscode.TestItem, id: string): vscode.TestItem {
  const found = item.children.get(id);
  assert.ok(found, `${item.id} holds ${id} (it holds ${children(item).map((c) => c.id).join(', ')})`);
  return found;
}

function lastRun(testing: Testing): RunRecord {
  const runs = testing.runs();
  assert.ok(runs.length > 0, 'a run was recorded');
  const run = runs[runs.length - 1];
  assert.ok(run.ended, 'the run ended');
  return run;
}

function result(run: RunRecord, item: vscode.TestItem): RecordedResult {
  const found = run.results.get(item.id);
  assert.ok(found, `the run reported ${item.label}`);
  return found;
}

describe('Testing view', function () {
  // Real node --test and PHPUnit runs on a loaded machine.
  this.timeout(180_000);
  let api: BackendPathApi;
  let testing: Testing;
  let hintCommand: vscode.Disposable | undefined;

  before(async () => {
    api = await activateFromView();
    assert.ok(api.testing, 'the Testing view\'s test hooks exist in ExtensionMode.Test');
    testing = api.testing;
    // Until the hints feature registers its command, a stand-in lets failures offer "Show hint".
    if (!(await vscode.commands.getCommands(true)).includes('backendPath.showHint')) {
      hintCommand = vscode.commands.registerCommand('backendPath.showHint', () => undefined);
    }
  });

  after(async () => {
    hintCommand?.dispose();
    // The next suites (the tree's) start from a workspace without exercises, as a learner's first day:
    // no passes or check results (reset) and no exercise folders.
    await resetProgress(api);
    fs.rmSync(path.join(workspaceRoot(), EXERCISES_FOLDER), { recursive: true, force: true });
    await waitFor(async () => {
      for (const stage of await api.treeChildren()) {
        for (const node of await api.treeChildren(stage)) if (/PHP|Node/.test(String(api.treeItem(node).description))) return false;
      }
      return true;
    }, 'the tree to forget the removed exercises');
  });

  describe('a Node.js exercise (01 HTTP Fundamentals)', () => {
    let target: string;
    let exercise: vscode.TestItem;
    let file: vscode.TestItem;

    before(async () => {
      target = startExercise('01-http-fundamentals', 'node');
      await testing.refresh();
    });

    it('lists the exercise under its skill and stack, each test at its line in the file', () => {
      const skill = rootItem(testing, 'skill:http-fundamentals');
      assert.match(skill.label, /HTTP Fundamentals/);
      exercise = child(skill, 'exercise:01-http-fundamentals-node');
      assert.strictEqual(exercise.label, 'Node.js');
      file = child(exercise, 'exercise:01-http-fundamentals-node/tests/app.test.js');
      const source = fs.readFileSync(path.join(target, 'tests', 'app.test.js'), 'utf8').split('\n');
      const declared = source.map((line, index) => ({ line, index })).filter(({ line }) => line.startsWith('test('));
      const tests = children(file);
      assert.strictEqual(tests.length, declared.length, 'one item per test() in the file');
      for (const [index, test] of tests.entries()) {
        assert.strictEqual(test.range?.start.line, declared[index].index, `${test.label} starts at its test() call`);
        assert.ok(declared[index].line.includes(test.label.slice(0, 12)), `${test.label} is the title on its line`);
        assert.strictEqual(test.uri?.fsPath, path.join(target, 'tests', 'app.test.js'));
      }
    });

    it('runs the starter: every test fails with its message, where it failed, and the run\'s output', async () => {
      await testing.run([exercise]);
      const run = lastRun(testing);
      const tests = leaves(file);
      for (const test of tests) {
        const outcome = result(run, test);
        assert.strictEqual(outcome.state, 'failed', `${test.label} fails on the starter`);
        const [message] = outcome.messages ?? [];
        assert.match(message.text, /Not implemented yet: createApp\(\) in src\/app\.js/);
        assert.strictEqual(message.location?.path, path.join(target, 'tests', 'app.test.js'), 'the failure points into the test file');
        const line = fs.readFileSync(path.join(target, 'tests', 'app.test.js'), 'utf8').split('\n')[message.location.line];
        assert.match(line, /createApp\(/, 'at the line that called the unfinished code');
        assert.ok(message.stack.some((frame) => frame.startsWith(`${path.join(target, 'src', 'app.js')}:`)), 'the stack reaches the learner\'s file');
      }
      assert.match(run.output, /--test-reporter=junit/, 'the output shows the command');
      assert.match(run.output, /\r\n/, 'the output uses CRLF, as the test output terminal needs');
      assert.doesNotMatch(run.output.replace(/\r\n/g, ''), /\n/, 'no bare LF');
    });

    it('offers the hint the exercise names for a failing test', async () => {
      const spec = JSON.parse(fs.readFileSync(path.join(lessonExercise('01-http-fundamentals', 'node'), 'exercise.json'), 'utf8')) as { hints: { id: string; tests?: string[] }[] };
      const named = spec.hints.find((hint) => (hint.tests ?? []).length > 0);
      assert.ok(named?.tests, 'the exercise names a test in a hint');
      const test = leaves(file).find((item) => item.label === named.tests?.[0]);
      assert.ok(test, `the hinted test ${named.tests[0]} is listed`);
      const [message] = result(lastRun(testing), test).messages ?? [];
      assert.strictEqual(message.markdown, true);
      const link = /\(command:backendPath\.showHint\?([^)]+)\)/.exec(message.text);
      assert.ok(link, `a Show hint link in ${message.text}`);
      assert.deepStrictEqual(JSON.parse(decodeURIComponent(link[1])), [{ skillId: 'http-fundamentals', stack: 'node', hintId: named.id }]);
      const other = leaves(file).find((item) => !spec.hints.some((hint) => (hint.tests ?? []).includes(item.label)));
      if (other) assert.strictEqual(result(lastRun(testing), other).messages?.[0].markdown, false, 'a test no hint names gets the plain message');
    });

    it('with the solution in place, runs one test alone, then the whole file, all passing', async () => {
      layInSolution('01-http-fundamentals', 'node', target);
      const [first, ...rest] = leaves(file);
      await testing.run([first]);
      const one = lastRun(testing);
      assert.strictEqual(result(one, first).state, 'passed');
      assert.ok(rest.every((test) => !one.results.has(test.id)), 'only the chosen test ran');
      assert.match(one.output, /--test-name-pattern=/);

      await testing.run([file]);
      const all = lastRun(testing);
      for (const test of leaves(file)) {
        const outcome = result(all, test);
        assert.strictEqual(outcome.state, 'passed', `${test.label}: ${outcome.messages?.[0]?.text ?? ''}`);
        assert.ok(typeof outcome.durationMs === 'number' && outcome.durationMs >= 0, 'with its duration');
      }
    });

    it('lists a test added to the file after the change is seen', async () => {
      const testFile = path.join(target, 'tests', 'app.test.js');
      fs.appendFileSync(testFile, "\ntest('a test the learner added', () => {});\n");
      await testing.refresh();
      assert.ok(leaves(file).some((test) => test.label === 'a test the learner added'));
    });
  });

  describe('a PHP exercise (06 SQL Fundamentals)', () => {
    let target: string;
    let file: vscode.TestItem;

    before(async () => {
      target = startExercise('06-sql-fundamentals', 'php');
      await testing.refresh();
      const exercise = child(rootItem(testing, 'skill:sql-fundamentals'), 'exercise:06-sql-fundamentals-php');
      assert.strictEqual(exercise.label, 'PHP');
      file = child(exercise, 'exercise:06-sql-fundamentals-php/tests/ReportsTest.php');
    });

    it('runs a test file of the starter: each method fails, located in the test class', async () => {
      const methods = leaves(file);
      assert.ok(methods.length >= 3 && methods.every((test) => /^test/.test(test.label)), 'the test methods are listed');
      await testing.run([file]);
      const run = lastRun(testing);
      assert.match(run.output, /--log-junit/);
      const failed = methods.filter((test) => result(run, test).state === 'failed');
      // A few checks (e.g. "never interpolates into SQL") already hold for the untouched starter.
      assert.ok(failed.length > methods.length / 2, `most methods fail on the starter (${failed.length} of ${methods.length})`);
      assert.ok(methods.every((test) => ['passed', 'failed'].includes(result(run, test).state)), 'every method has a result');
      for (const test of failed) {
        const outcome = result(run, test);
        const [message] = outcome.messages ?? [];
        assert.ok(message.text.length > 0 && !message.text.includes('ReportsTest::'), 'the message, without the test id');
        assert.ok(message.location, 'with a location');
        assert.ok(message.location.path.startsWith(target), `inside the exercise (${message.location.path})`);
      }
    });

    it('with the solution in place, one method runs alone (--filter) and passes', async () => {
      layInSolution('06-sql-fundamentals', 'php', target);
      const [first, ...rest] = leaves(file);
      await testing.run([first]);
      const run = lastRun(testing);
      assert.strictEqual(result(run, first).state, 'passed', result(run, first).messages?.[0]?.text);
      assert.ok(rest.every((test) => !run.results.has(test.id)), 'only the chosen method ran');
      assert.match(run.output, /--filter/);
    });
  });

  describe('one listing of backend-path-exercises/', () => {
    it('the Testing view and the path view agree: a legacy NN-id folder is its legacy stack, a file named like a folder is nothing', async () => {
      const skillFolder = '02-request-response-cycle';
      const skillId = 'request-response-cycle';
      const stack = legacyStack(skillId);
      const other = stack === 'php' ? 'node' : 'php';
      const base = path.join(workspaceRoot(), EXERCISES_FOLDER);
      const legacy = path.join(base, skillFolder);
      const decoy = path.join(base, `${skillFolder}-${other}`);
      fs.rmSync(path.join(base, `${skillFolder}-${stack}`), { recursive: true, force: true });
      fs.cpSync(path.join(lessonExercise(skillFolder, stack), 'starter'), legacy, { recursive: true });
      fs.rmSync(decoy, { recursive: true, force: true });
      fs.writeFileSync(decoy, 'a file, not an exercise\n');
      try {
        await testing.refresh();
        const skill = rootItem(testing, `skill:${skillId}`);
        assert.deepStrictEqual(children(skill).map((item) => item.id), [`exercise:${skillFolder}`], 'only the legacy folder is an exercise');
        assert.strictEqual(child(skill, `exercise:${skillFolder}`).label, stack === 'php' ? 'PHP' : 'Node.js');
        const stackName = stack === 'php' ? 'PHP' : 'Node\\.js';
        const otherName = other === 'php' ? 'PHP' : 'Node\\.js';
        const description = await waitFor(async () => {
          const text = String((await skillItem(api, skillId)).description);
          return new RegExp(stackName).test(text) ? text : undefined;
        }, 'the path view to show the legacy folder\'s stack');
        assert.doesNotMatch(String(description), new RegExp(otherName), 'the file named like a folder is not a started exercise');
      } finally {
        fs.rmSync(legacy, { recursive: true, force: true });
        fs.rmSync(decoy, { force: true });
        await testing.refresh();
      }
      assert.strictEqual(testing.controller.items.get(`skill:${skillId}`), undefined, 'removed from the Testing view with its folder');
    });
  });

  describe('Check Exercise', () => {
    it('fills the Testing view from the same run, and its outcome counts what the view shows', async () => {
      const restore = usePrompts(api, fakePrompts((_message, actions) => actions[0]));
      try {
        // Whatever folder Start Exercise uses, the check has one to run (starter or solved, either counts).
        // Named: skill 1 has both stacks, and without one the command would ask (and set backendPath.stack).
        const nodeVersion = { skillId: 'http-fundamentals', stack: 'node' };
        await vscode.commands.executeCommand(Commands.startExercise, nodeVersion);
        // The recorder keeps only the latest runs, so a new run is told by identity, not by count.
        const lastBefore = testing.runs().at(-1);
        const taskNames: string[] = [];
        const listening = vscode.tasks.onDidStartTask((event) => taskNames.push(event.execution.task.name));
        let outcome: { status: string; report?: { total: number; passed: number; failed: number } };
        try {
          outcome = await vscode.commands.executeCommand(Commands.checkExercise, nodeVersion);
        } finally {
          listening.dispose();
        }
        assert.ok(taskNames.some((name) => /HTTP Fundamentals \(Node\.js\)$/.test(name)), `the check's terminal names the stack (${taskNames.join(', ')})`);
        assert.ok(outcome.status === 'passed' || outcome.status === 'failed', `the check ran (${outcome.status})`);
        const runs = testing.runs();
        assert.ok(runs.length > 0 && runs.at(-1) !== lastBefore, 'Check Exercise recorded a Testing view run');
        const run = runs[runs.length - 1];
        assert.match(run.name ?? '', /HTTP Fundamentals \(Node\.js\)/, 'the run names the skill and the stack');
        assert.ok(run.ended, 'the Testing view was up to date when the check returned');
        const states = [...run.results.values()].map((entry) => entry.state);
        const seen = `${[...run.results.entries()].map(([id, entry]) => `${id}=${entry.state}`).join('\n')}\n${run.output.slice(-400)}`;
        assert.strictEqual(states.filter((state) => state === 'passed').length, outcome.report?.passed, seen);
        assert.strictEqual(states.filter((state) => state === 'failed').length, outcome.report?.failed, seen);
        assert.match(run.output, /--test-reporter=junit|--log-junit/, 'the run\'s output is in the Testing view too');
      } finally {
        restore();
      }
    });
  });
});
