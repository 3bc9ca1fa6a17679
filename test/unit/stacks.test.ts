// Both stacks of a skill: which exercises the library loads, which stack a command acts on, where
// each lives in the workspace, and how the card and the tree show them.
import * as assert from 'node:assert/strict';
import { LessonLibrary } from '../../src/curriculum/lessonLibrary';
import type { Catalog, ExerciseLanguage, ExerciseSpec, Skill } from '../../src/curriculum/types';
import { exerciseFolderNameFor, exerciseFoldersIn, startedStacks } from '../../src/exercises/exerciseFolders';
import { ExerciseResults } from '../../src/exercises/exerciseResults';
import { decideStack, parseStackSetting } from '../../src/exercises/stackChoice';
import { passedStacks } from '../../src/exercises/stackProgress';
import { stackStatuses, stackSummary } from '../../src/exercises/stackStatus';
import { ENGLISH_PAGE_LABELS } from '../../src/lessonPanel/englishLabels';
import type { PageModel } from '../../src/lessonPanel/pageHtml';
import { buildPageHtml } from '../../src/lessonPanel/pageHtml';
import { parseWebviewMessage } from '../../src/lessonPanel/protocol';
import { reviewFacts } from '../../src/review/progressFacts';
import { readRepoFile } from './helpers';
import { CATALOG, Harness } from './sessionHarness';

const exerciseJson = (language: string, title: string) =>
  JSON.stringify({ language, title, files: ['src/app'], testCommand: language === 'php' ? 'phpunit' : 'node --test' });

/** A library over in-memory files, recording what it reads. */
function libraryOver(files: Record<string, string>): { library: LessonLibrary; reads: string[] } {
  const reads: string[] = [];
  const all = { 'lessons/curriculum.json': readRepoFile('lessons/curriculum.json'), ...files };
  const library = new LessonLibrary({
    readText: async (path) => {
      reads.push(path);
      return Object.hasOwn(all, path) ? all[path as keyof typeof all] : undefined;
    },
  });
  return { library, reads };
}

const spec = (language: ExerciseLanguage, title: string): ExerciseSpec => ({
  language,
  title,
  files: ['a'],
  testCommand: language === 'php' ? 'phpunit' : 'node --test',
  objectives: [],
  hints: [],
});

const skill = (id: string): Skill => {
  const found = CATALOG.skills.find((candidate) => candidate.id === id);
  assert.ok(found, id);
  return found;
};

describe('stacks: the library', () => {
  it('loads every stack of a skill, in path order, once', async () => {
    const { library, reads } = libraryOver({
      'lessons/01-http-fundamentals/exercise/node/exercise.json': exerciseJson('node', 'Node health'),
      'lessons/01-http-fundamentals/exercise/php/exercise.json': exerciseJson('php', 'PHP health'),
    });
    const http = skill('http-fundamentals');
    const { exercises, problems } = await library.exercises(http);
    assert.deepEqual([...exercises.keys()], ['php', 'node']);
    assert.equal(exercises.get('node')?.title, 'Node health');
    assert.deepEqual(problems, []);
    assert.equal((await library.exercise(http, 'node')).exercise?.title, 'Node health');
    assert.equal((await library.exercise(http)).exercise?.title, 'PHP health', 'without a stack: the first');
    await library.exercises(http);
    assert.equal(reads.filter((path) => path.endsWith('exercise.json')).length, 2, 'cached');
  });

  it('reads only the stacks a single-stack skill has', async () => {
    const { library, reads } = libraryOver({
      'lessons/04-nodejs-fundamentals/exercise/node/exercise.json': exerciseJson('node', 'Node only'),
      'lessons/04-nodejs-fundamentals/exercise/php/exercise.json': exerciseJson('php', 'Not part of the path'),
    });
    const { exercises } = await library.exercises(skill('nodejs-fundamentals'));
    assert.deepEqual([...exercises.keys()], ['node']);
    assert.deepEqual(reads.filter((path) => path.endsWith('exercise.json')), ['lessons/04-nodejs-fundamentals/exercise/node/exercise.json']);
  });

  it('drops an exercise.json whose language contradicts its folder, and says so', async () => {
    const { library } = libraryOver({ 'lessons/06-sql-fundamentals/exercise/php/exercise.json': exerciseJson('node', 'Wrong folder') });
    const { exercises, problems } = await library.exercises(skill('sql-fundamentals'));
    assert.equal(exercises.size, 0);
    assert.match(problems.join('\n'), /exercise\/php: exercise\.json language is "node" in the php folder/);
  });

  it('gives the lesson content every stack', async () => {
    const { library } = libraryOver({
      'lessons/06-sql-fundamentals/exercise/php/exercise.json': exerciseJson('php', 'Reports'),
      'lessons/06-sql-fundamentals/exercise/node/exercise.json': exerciseJson('node', 'Reports in Node'),
    });
    const content = await library.content(skill('sql-fundamentals'));
    assert.deepEqual([...content.exercises.keys()], ['php', 'node']);
    assert.equal(content.exercise?.title, 'Reports');
  });
});

describe('stacks: which one a command acts on', () => {
  const both = ['php', 'node'] as const;

  it('takes a named stack, and refuses one the skill does not have', () => {
    assert.deepEqual(decideStack({ available: both, explicit: 'node', editor: 'php', setting: 'php', started: ['php'] }), { kind: 'stack', stack: 'node', reason: 'explicit' });
    assert.deepEqual(decideStack({ available: ['php'], explicit: 'node', setting: 'ask', started: [] }), { kind: 'unavailable', stack: 'node' });
  });

  it('never asks for a skill with one stack, whatever the setting', () => {
    assert.deepEqual(decideStack({ available: ['node'], setting: 'php', started: [] }), { kind: 'stack', stack: 'node', reason: 'only' });
    assert.deepEqual(decideStack({ available: ['php'], setting: 'ask', started: [] }), { kind: 'stack', stack: 'php', reason: 'only' });
  });

  it('then the edited file\'s folder, then the setting, then the one stack started', () => {
    assert.deepEqual(decideStack({ available: both, editor: 'node', setting: 'php', started: [] }), { kind: 'stack', stack: 'node', reason: 'editor' });
    assert.deepEqual(decideStack({ available: both, setting: 'php', started: ['node'] }), { kind: 'stack', stack: 'php', reason: 'setting' });
    assert.deepEqual(decideStack({ available: both, setting: 'ask', started: ['node'] }), { kind: 'stack', stack: 'node', reason: 'started' });
  });

  it('asks when nothing decides: no setting and none or both started', () => {
    assert.deepEqual(decideStack({ available: both, setting: 'ask', started: [] }), { kind: 'ask', stacks: both });
    assert.deepEqual(decideStack({ available: both, setting: 'ask', started: ['php', 'node'] }), { kind: 'ask', stacks: both });
  });

  it('reads anything but php or node in the setting as "ask"', () => {
    assert.equal(parseStackSetting('php'), 'php');
    assert.equal(parseStackSetting('node'), 'node');
    for (const junk of ['PHP', 'ruby', '', undefined, 1, null]) assert.equal(parseStackSetting(junk), 'ask');
  });
});

describe('stacks: folders in the workspace', () => {
  const http = skill('http-fundamentals'); // legacy stack: node
  const sql = skill('sql-fundamentals'); // legacy stack: php

  it('puts each stack in NN-id-php / NN-id-node', () => {
    assert.equal(exerciseFolderNameFor(http, 'php', false), '01-http-fundamentals-php');
    assert.equal(exerciseFolderNameFor(http, 'node', false), '01-http-fundamentals-node');
  });

  it('keeps a legacy NN-id folder as the exercise of the stack it was started in, and only that one', () => {
    assert.equal(exerciseFolderNameFor(http, 'node', true), '01-http-fundamentals');
    assert.equal(exerciseFolderNameFor(http, 'php', true), '01-http-fundamentals-php');
    assert.equal(exerciseFolderNameFor(sql, 'php', true), '06-sql-fundamentals');
    assert.equal(exerciseFolderNameFor(sql, 'node', true), '06-sql-fundamentals-node');
  });

  const folder = (name: string) => ({ name, isFolder: true });

  it('lists the stacks started per skill from the folder names, ignoring anything else', () => {
    const found = exerciseFoldersIn(
      [...['01-http-fundamentals-php', '01-http-fundamentals', '06-sql-fundamentals-node', '.backups', '06-sql-fundamentals-ruby', '01-http-fundamentals-node'].map(folder), { name: 'notes.md', isFolder: false }],
      CATALOG.skills,
    );
    assert.deepEqual(Object.fromEntries(startedStacks(found)), { 'http-fundamentals': ['php', 'node'], 'sql-fundamentals': ['node'] });
  });

  it('finds folders only, each once, by path position then PHP before Node.js, a legacy folder as its legacy stack', () => {
    const found = exerciseFoldersIn(
      [
        folder('06-sql-fundamentals'),
        folder('01-http-fundamentals-node'),
        { name: '06-sql-fundamentals-node', isFolder: false }, // a file with a folder's name is no exercise
        folder('01-http-fundamentals-php'),
        folder('06-sql-fundamentals-php-old'),
        folder('01-HTTP-fundamentals-php'),
      ],
      CATALOG.skills,
    );
    assert.deepEqual(found, [
      { skillId: 'http-fundamentals', stack: 'php', folderName: '01-http-fundamentals-php' },
      { skillId: 'http-fundamentals', stack: 'node', folderName: '01-http-fundamentals-node' },
      { skillId: 'sql-fundamentals', stack: 'php', folderName: '06-sql-fundamentals' },
    ]);
  });

  it('agrees with where Start puts each stack: every folder Start would create is found as that skill and stack', () => {
    for (const skill of CATALOG.skills) {
      for (const stack of ['php', 'node'] as const) {
        for (const legacyExists of [false, true]) {
          const name = exerciseFolderNameFor(skill, stack, legacyExists);
          assert.deepEqual(exerciseFoldersIn([folder(name)], CATALOG.skills), [{ skillId: skill.id, stack, folderName: name }], `${skill.id} ${stack} legacy=${legacyExists}`);
        }
      }
    }
  });
});

describe('stacks: passes and status', () => {
  it('reads passes per stack, and a record from before both stacks as the legacy stack\'s pass', () => {
    assert.deepEqual(passedStacks('http-fundamentals', { exercises: { php: { passedAt: '2026-01-01T00:00:00.000Z' }, node: { hints: ['a'] } } }), ['php']);
    assert.deepEqual(passedStacks('http-fundamentals', { exercisePassedAt: '2026-01-01T00:00:00.000Z' }), ['node']);
    assert.deepEqual(passedStacks('sql-fundamentals', { exercisePassedAt: '2026-01-01T00:00:00.000Z' }), ['php']);
    assert.deepEqual(passedStacks('sql-fundamentals', { exercises: { php: { passedAt: 5 } } }), []);
    assert.deepEqual(passedStacks('sql-fundamentals', undefined), []);
  });

  it('shows this session\'s check first, then a stored pass, then a started folder', () => {
    const statuses = stackStatuses(['php', 'node'], ['node'], ['php'], (stack) => (stack === 'node' ? 'failed' : undefined));
    assert.deepEqual(statuses, [
      { stack: 'php', state: 'passed' },
      { stack: 'node', state: 'failed' },
    ]);
    assert.equal(stackSummary(statuses), 'PHP ✓ · Node.js ✗');
    assert.equal(stackSummary(stackStatuses(['php', 'node'], ['node'], [], () => undefined)), 'Node.js');
    assert.equal(stackSummary(stackStatuses(['php', 'node'], [], [], () => undefined)), '');
  });

  it('keeps this session\'s results apart per stack', () => {
    const results = new ExerciseResults();
    const fired: string[] = [];
    results.onDidChange((skillId) => fired.push(skillId));
    results.set('http-fundamentals', 'php', 'passed');
    results.set('http-fundamentals', 'node', 'failed');
    assert.equal(results.get('http-fundamentals', 'php'), 'passed');
    results.forget('http-fundamentals', 'node');
    assert.equal(results.get('http-fundamentals', 'node'), undefined);
    assert.equal(results.get('http-fundamentals', 'php'), 'passed');
    results.clear();
    assert.equal(results.get('http-fundamentals', 'php'), undefined);
    assert.deepEqual(fired, ['http-fundamentals', 'http-fundamentals', 'http-fundamentals', 'http-fundamentals']);
  });

  it('gives the dashboard each stack\'s status', async () => {
    const sql = skill('sql-fundamentals');
    const exercises = new Map<ExerciseLanguage, ExerciseSpec>([
      ['php', spec('php', 'p')],
      ['node', spec('node', 'n')],
    ]);
    const facts = await reviewFacts(
      { isComplete: () => false, quizBest: () => undefined, entry: () => ({ exercises: { node: { passedAt: '2026-01-01T00:00:00.000Z' } } }) },
      { get: (_skillId, stack) => (stack === 'php' ? 'failed' : undefined) },
      { exercises: async () => ({ exercises }) },
      sql,
    );
    assert.deepEqual(facts.exercise, { php: 'failed', node: 'passed' });
    const startedOnly = await reviewFacts(
      { isComplete: () => false, quizBest: () => undefined, entry: () => undefined },
      { get: () => undefined },
      { exercises: async () => ({ exercises }) },
      sql,
      { stacks: async () => ['node'] },
    );
    assert.deepEqual(startedOnly.exercise, { node: 'started' }, 'a started folder shows as started');
  });
});

describe('stacks: the lesson page', () => {
  const catalog: Catalog = CATALOG;
  const http = skill('http-fundamentals');
  const model = (exercise: PageModel['exercise'], workspaceTrusted = true): PageModel => ({
    skill: http,
    stageTitle: 'Foundations',
    position: 1,
    total: catalog.skills.length,
    complete: false,
    lessonHtml: '<h1 id="h-t">T</h1>',
    quiz: [],
    exercise,
    workspaceTrusted,
    labels: ENGLISH_PAGE_LABELS,
  });
  const resources = { cspSource: 'vscode-webview://test', asWebviewUri: (path: string) => `vscode-webview://test/${path}` };
  const card = (html: string) => html.slice(html.indexOf('<section class="exercise"'), html.indexOf('</section>', html.indexOf('<section class="exercise"')));

  it('names the stack, and every button carries it', () => {
    const html = card(buildPageHtml(model({ title: 'Health', stack: 'php', stacks: ['php'] }), resources, 'n'));
    assert.match(html, /PHP · PHPUnit/);
    const buttons = html.match(/<vscode-button[^>]*>/g) ?? [];
    assert.equal(buttons.length, 3);
    for (const button of buttons) assert.match(button, /data-stack="php"/);
    assert.doesNotMatch(html, /Also in/, 'no other stack to offer');
  });

  it('offers the other stack with its own Start button', () => {
    const html = card(buildPageHtml(model({ title: 'Health', stack: 'node', stacks: ['php', 'node'] }), resources, 'n'));
    assert.match(html, /Node\.js · node:test/);
    assert.match(html, /<p class="exercise-other">Also in PHP: <vscode-button secondary data-action="exercise" data-exercise-action="start" data-skill="http-fundamentals" data-stack="php" aria-label="Start exercise in PHP">Start exercise<\/vscode-button><\/p>/);
  });

  it('before the learner chose a stack, lists both and the buttons name none (Start asks)', () => {
    const html = card(buildPageHtml(model({ title: 'Health', stacks: ['php', 'node'] }), resources, 'n'));
    assert.match(html, /In PHP \/ Node\.js\. Start asks which one you practise in\./);
    assert.doesNotMatch(html, /data-stack=/);
  });

  it('accepts a stack in the page\'s exercise message only when it is php or node', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'exercise', skillId: 'a', action: 'start', stack: 'node' }), { type: 'exercise', skillId: 'a', action: 'start', stack: 'node' });
    assert.deepEqual(parseWebviewMessage({ type: 'exercise', skillId: 'a', action: 'check' }), { type: 'exercise', skillId: 'a', action: 'check' });
    for (const stack of ['ruby', 'PHP', '', 1, null, ['php']]) assert.equal(parseWebviewMessage({ type: 'exercise', skillId: 'a', action: 'start', stack }), undefined, String(stack));
  });

  it('passes the button\'s stack to the command, and shows the stack the extension picks', async () => {
    const exercises = new Map<ExerciseLanguage, ExerciseSpec>([
      ['php', spec('php', 'PHP health')],
      ['node', spec('node', 'Node health')],
    ]);
    const harness = new Harness({
      content: { [http.id]: { rendered: { html: '', codeBlocks: [], headings: [], text: '' } as never, quiz: [], exercises, exercise: exercises.get('php'), problems: [] } },
    });
    await harness.open(http.id);
    // Without a choice (the harness has no exerciseStack), a two-stack card names no stack.
    assert.doesNotMatch(card(harness.record.html.at(-1) ?? ''), /data-stack=/);
    await harness.session.handleMessage({ type: 'exercise', skillId: http.id, action: 'start', stack: 'node' });
    await harness.session.handleMessage({ type: 'exercise', skillId: http.id, action: 'check' });
    await harness.session.handleMessage({ type: 'exercise', skillId: http.id, action: 'check', stack: 'go' });
    assert.deepEqual(harness.record.commands, [
      ['cmd.start', http.id, 'node'],
      ['cmd.check', http.id],
    ]);
  });
});
