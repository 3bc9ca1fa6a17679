// The lesson session when its slowest step is the exercise card: hints rendered after the learner
// moved on must not bring the older lesson back, and without a stack chooser the card acts on a
// skill's only stack, or on none when there are two. A session of its own, so each dependency can
// be slow or absent.
import * as assert from 'node:assert/strict';
import type { LessonContent } from '../../src/curriculum/lessonLibrary';
import type { ExerciseLanguage, ExerciseSpec } from '../../src/curriculum/types';
import { ENGLISH_PAGE_LABELS } from '../../src/lessonPanel/englishLabels';
import { createLessonActions } from '../../src/lessonPanel/lessonActions';
import type { LessonSessionDeps } from '../../src/lessonPanel/lessonSession';
import { LessonSession } from '../../src/lessonPanel/lessonSession';
import { CATALOG, QUIZ, deferred } from './sessionHarness';

const [A, B] = CATALOG.skills;

function exercise(language: ExerciseLanguage): ExerciseSpec {
  return {
    language,
    title: `Health (${language})`,
    files: ['src/health.js'],
    testCommand: language === 'php' ? 'phpunit' : 'node --test',
    objectives: [1],
    hints: [{ id: 'concept', text: 'Think about **status codes**.', tests: [] }],
  };
}

function content(stacks: readonly ExerciseLanguage[]): LessonContent {
  const exercises = new Map(stacks.map((stack) => [stack, exercise(stack)] as const));
  return { rendered: { html: '', codeBlocks: [], headings: [], text: '' } as never, quiz: QUIZ, exercises, exercise: exercises.values().next().value, problems: [] };
}

function session(overrides: Partial<LessonSessionDeps>, stacks: readonly ExerciseLanguage[] = ['node']) {
  const html: string[] = [];
  const warnings: string[] = [];
  const noop = async () => undefined;
  const deps: LessonSessionDeps = {
    library: { catalog: async () => CATALOG, content: async () => content(stacks) },
    progress: { isComplete: () => false, quizBest: () => undefined, setComplete: noop, recordQuizScore: noop, revealHint: noop, exerciseProgress: () => ({ hints: [] }), onDidChange: () => ({ dispose() {} }) },
    actions: createLessonActions(
      { isTrusted: () => true, refused: () => undefined, confirmRun: async () => true, openExternal: noop, copy: noop, insert: noop, sendToTerminal: () => undefined, runNode: async () => ({ status: 'done', output: '' }), executeCommand: noop, warn: () => undefined },
      { start: 'start', check: 'check', showSolution: 'solution' },
    ),
    log: { warn: (message) => void warnings.push(message), error: () => undefined },
    lessonBody: (_catalog, skill) => ({ html: `<h1 id="h-t">${skill.title}</h1>`, codeBlocks: [] }),
    isTrusted: () => true,
    labels: () => ENGLISH_PAGE_LABELS,
    learnerSeed: () => 'seed',
    nonce: () => 'nonce',
    showError: () => undefined,
    unknownSkill: (skillId) => `There is no skill with the id "${skillId}".`,
    ...overrides,
  };
  const lessons = new LessonSession(deps);
  lessons.attach({ setHtml: (page) => void html.push(page), setTitle: () => undefined, post: noop, resources: { cspSource: 'vscode-webview://t', asWebviewUri: (path) => `vscode-webview://t/${path}` } });
  return { lessons, html, warnings };
}

/** The data-stack of the card's Start button, or undefined when it names none. */
function cardStack(page: string): string | undefined {
  const start = /<vscode-button[^>]*data-exercise-action="start"[^>]*>/.exec(page);
  assert.ok(start, 'the page has an exercise card');
  return /data-stack="(\w+)"/.exec(start[0])?.[1];
}

describe('lesson session: the exercise card finishing late', () => {
  it('never commits a lesson whose hints finished rendering after a newer lesson was shown', async () => {
    const slow = deferred<readonly string[]>();
    let calls = 0;
    const { lessons, html } = session({ renderHints: (markdowns) => (++calls === 1 ? slow.promise : Promise.resolve(markdowns.map((text) => `<p>${text}</p>`))) });
    const older = lessons.show(A.id);
    await new Promise((resolve) => setImmediate(resolve));
    await lessons.show(B.id);
    slow.resolve(['<p>late</p>']);
    await older;
    assert.equal(lessons.skillId, B.id);
    assert.equal(html.length, 1, 'only the newer lesson reached the view');
    assert.match(html[0], new RegExp(`<h1 id="h-t">${B.title}</h1>`));
  });

  it('without a stack chooser, acts on the only stack a skill has', async () => {
    const { lessons, html } = session({}, ['php']);
    await lessons.show(A.id);
    assert.equal(cardStack(html[0]), 'php');
  });

  it('without a stack chooser, names no stack when the skill has two, so Start asks', async () => {
    const { lessons, html } = session({}, ['php', 'node']);
    await lessons.show(A.id);
    assert.equal(cardStack(html[0]), undefined);
    assert.match(html[0], /<span class="exercise-language">[^<]*PHP \/ Node\.js/);
  });

  it('opens a lesson whose exercise already passed with the pass beside its hints, and one in progress without', async () => {
    const progress = (passedAt?: string) => ({ isComplete: () => false, quizBest: () => undefined, setComplete: async () => undefined, recordQuizScore: async () => undefined, revealHint: async () => undefined, exerciseProgress: () => ({ hints: [], ...(passedAt ? { passedAt } : {}) }), onDidChange: () => ({ dispose() {} }) });
    const renderHints = async (markdowns: readonly string[]) => markdowns.map((text) => `<p>${text}</p>`);
    const passed = session({ renderHints, progress: progress('2026-11-27T10:00:00.000Z') });
    await passed.lessons.show(A.id);
    assert.match(passed.html[0], /<p id="bp-hint-status"[^>]*>Passed without hints<\/p>/);
    const working = session({ renderHints, progress: progress() });
    await working.lessons.show(A.id);
    assert.match(working.html[0], /<p id="bp-hint-status"[^>]*><\/p>/);
  });

  it('opens the lesson without hints when they cannot be rendered, says why, and tries again next time', async () => {
    let calls = 0;
    const renderHints = async (markdowns: readonly string[]) => {
      calls += 1;
      if (calls === 1) throw new Error('worker crashed');
      return markdowns.map((text) => `<p>${text}</p>`);
    };
    const { lessons, html, warnings } = session({ renderHints });
    await lessons.show(A.id);
    assert.equal(html.length, 1, 'the lesson still opens');
    assert.match(html[0], /data-exercise-action="start"/);
    assert.doesNotMatch(html[0], /bp-hint-status/);
    assert.deepEqual(warnings, [`The hints of ${A.id} (node) could not be rendered: worker crashed`]);
    await lessons.show(B.id);
    await lessons.show(A.id);
    assert.match(html.at(-1) ?? '', /bp-hint-status/, 'a failed render is not kept: the next open renders the hints');
  });

  it('shows no card when the skill has no exercise, even with a stack chooser', async () => {
    let asked = 0;
    const { lessons, html } = session({ exerciseStack: () => (++asked, 'node') }, []);
    await lessons.show(A.id);
    assert.doesNotMatch(html[0], /data-exercise-action/);
    assert.equal(asked, 0, 'no stack is asked for when there is nothing to practise');
  });
});
