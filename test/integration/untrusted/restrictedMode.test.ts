// Runs with workspace trust enabled and the test folder not trusted (Restricted Mode).
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { BackendPathApi } from '../../../src/api';
import * as fs from 'fs';
import * as path from 'path';
import { Commands, EXERCISES_FOLDER } from '../../../src/constants';
import type { RecordedPrompts } from '../helpers';
import { activateFromView, closeAllEditors, extension, fakePrompts, rawCurriculum, tempDir, usePrompts } from '../helpers';

interface MenuEntry {
  command: string;
  when?: string;
}

describe('Restricted Mode', function () {
  // Two tests open all 22 lessons; on a loaded machine one open takes about 3 s.
  this.timeout(180_000);
  let api: BackendPathApi;
  let prompts: RecordedPrompts;
  let restorePrompts: () => void;

  before(async () => {
    assert.strictEqual(vscode.workspace.isTrusted, false, 'this suite must run in an untrusted workspace');
    api = await activateFromView();
    // Answer yes to everything: if something that runs code were offered, it would go ahead.
    prompts = fakePrompts((_message, actions) => actions[0]);
    restorePrompts = usePrompts(api, prompts);
  });

  after(async () => {
    restorePrompts();
    await closeAllEditors();
  });

  it('declares limited support for untrusted workspaces', () => {
    const manifest = extension().packageJSON as { capabilities?: { untrustedWorkspaces?: { supported?: unknown } } };
    assert.strictEqual(manifest.capabilities?.untrustedWorkspaces?.supported, 'limited');
  });

  it('still activates and shows the path', async () => {
    const stages = await api.treeChildren();
    assert.strictEqual(stages.length, 3);
  });

  it('hides Check Exercise from every menu and the Command Palette', () => {
    const menus = (extension().packageJSON as { contributes: { menus: Record<string, MenuEntry[]> } }).contributes.menus;
    const checks: string[] = [Commands.checkExercise, Commands.checkExerciseInPhp, Commands.checkExerciseInNode];
    const entries = Object.values(menus).flat().filter((entry) => checks.includes(entry.command));
    assert.ok(entries.some((entry) => entry.when !== undefined), 'Check Exercise has menu entries');
    for (const entry of entries) {
      // `false`: never shown (the per-stack Check commands are hidden from the palette entirely).
      if (entry.when === 'false') continue;
      assert.match(entry.when ?? '', /\bisWorkspaceTrusted\b/, `menu entry ${JSON.stringify(entry)}`);
    }
  });

  it('refuses to check an exercise (which runs the learner\'s code)', async () => {
    const terminalsBefore = vscode.window.terminals.length;
    const skills = rawCurriculum().stages.flatMap((stage) => stage.skills);
    for (const skill of skills.slice(0, 4)) {
      const outcome = await vscode.commands.executeCommand<{ status: string } | undefined>(Commands.checkExercise, skill.id);
      assert.strictEqual(outcome?.status, 'error', `${skill.id}: refused`);
    }
    assert.strictEqual(vscode.window.terminals.length, terminalsBefore, 'no terminal was opened');
  });

  it('does not run lesson code blocks in a terminal, and does not even ask', async () => {
    const terminalsBefore = vscode.window.terminals.length;
    const skills = rawCurriculum().stages.flatMap((stage) => stage.skills);
    for (const skill of skills.slice(0, 3)) {
      const ready = api.lessonPanel.whenReady();
      await vscode.commands.executeCommand(Commands.openLesson, skill.id);
      await ready;
      const blocks = [...(api.lessonPanel.html ?? '').matchAll(/data-action="runInTerminal" data-block="(\d+)"/g)].map((m) => Number(m[1]));
      const allBlocks = [...(api.lessonPanel.html ?? '').matchAll(/data-block="(\d+)"/g)].map((m) => Number(m[1]));
      for (const block of new Set([...blocks, ...allBlocks])) {
        await api.lessonPanel.receive?.({ type: 'runInTerminal', render: api.lessonPanel.render, block });
      }
    }
    assert.deepStrictEqual(prompts.asked, []);
    assert.strictEqual(vscode.window.terminals.length, terminalsBefore);
  });

  it('renders the Check button disabled on lesson pages with an exercise', async () => {
    const skills = rawCurriculum().stages.flatMap((stage) => stage.skills);
    let pagesWithExercise = 0;
    for (const skill of skills) {
      const ready = api.lessonPanel.whenReady();
      await vscode.commands.executeCommand(Commands.openLesson, skill.id);
      await ready;
      const html = api.lessonPanel.html ?? '';
      const check = /<vscode-button[^>]*data-exercise-action="check"[^>]*>/.exec(html)?.[0];
      if (!check) continue;
      pagesWithExercise++;
      assert.match(check, /\sdisabled\b/, `${skill.id}: ${check}`);
    }
    assert.ok(pagesWithExercise > 0, 'at least one lesson has an exercise');
  });

  it('offers no Run-in-terminal buttons on lesson pages', async () => {
    const skills = rawCurriculum().stages.flatMap((stage) => stage.skills);
    const offending: string[] = [];
    for (const skill of skills) {
      const ready = api.lessonPanel.whenReady();
      await vscode.commands.executeCommand(Commands.openLesson, skill.id);
      await ready;
      if (/<vscode-button[^>]*data-action="runInTerminal"/.test(api.lessonPanel.html ?? '')) offending.push(skill.id);
    }
    assert.deepStrictEqual(offending, [], 'lessons whose page offers Run in Restricted Mode');
  });

  it('refuses to write through links exactly as in a trusted workspace', async () => {
    const root = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    assert.ok(root);
    const outside = tempDir('untrusted-outside');
    const link = path.join(root, EXERCISES_FOLDER, '01-http-fundamentals');
    fs.mkdirSync(path.dirname(link), { recursive: true });
    fs.symlinkSync(outside, link);
    try {
      // The legacy NN-id folder is skill 1's Node.js exercise; named, since the skill has both stacks.
      const outcome = await vscode.commands.executeCommand<{ written: string[]; refused?: string }>(Commands.startExercise, { skillId: 'http-fundamentals', stack: 'node' });
      assert.deepStrictEqual(outcome.written, []);
      assert.ok(outcome.refused?.includes(link), outcome.refused);
      assert.deepStrictEqual(fs.readdirSync(outside), []);
    } finally {
      fs.rmSync(link, { force: true });
    }
  });
  it('lists exercise tests in the Testing view but runs none of them, saying why', async () => {
    const testing = api.testing;
    assert.ok(testing, 'the Testing view\'s test hooks exist in ExtensionMode.Test');
    const root = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    assert.ok(root);
    // A test file that leaves a mark if anything ever runs it.
    const folder = path.join(root, EXERCISES_FOLDER, '02-request-response-cycle-node');
    const marker = path.join(folder, 'ran.txt');
    fs.mkdirSync(path.join(folder, 'tests'), { recursive: true });
    fs.writeFileSync(path.join(folder, 'package.json'), '{"type":"module"}\n');
    fs.writeFileSync(path.join(folder, 'tests', 'mark.test.js'), `import { test } from 'node:test';\nimport { writeFileSync } from 'node:fs';\ntest('leaves a mark', () => writeFileSync(${JSON.stringify(marker)}, 'ran'));\n`);
    try {
      await testing.refresh();
      const exercise = testing.controller.items.get('skill:request-response-cycle')?.children.get('exercise:02-request-response-cycle-node');
      assert.ok(exercise, 'the exercise is listed (reading files runs nothing)');
      const test = exercise.children.get('exercise:02-request-response-cycle-node/tests/mark.test.js')?.children.get('exercise:02-request-response-cycle-node/tests/mark.test.js#["leaves a mark"]');
      assert.ok(test, 'its test is listed');
      for (const include of [[test], [exercise], undefined]) {
        await testing.run(include);
        const runs = testing.runs();
        const run = runs[runs.length - 1];
        const refused = [...run.results.values()];
        assert.ok(refused.length > 0 && refused.every((entry) => entry.state === 'errored'), 'every requested item is refused');
        assert.match(refused[0].messages?.[0]?.text ?? '', /Restricted Mode/);
        assert.match(run.output, /Restricted Mode/);
        assert.doesNotMatch(run.output, /--test/, 'no test command was started');
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
      assert.strictEqual(fs.existsSync(marker), false, 'the test never ran');
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});
