import * as assert from 'assert';
import * as vscode from 'vscode';
import type { BackendPathApi } from '../../src/api';
import { Commands } from '../../src/constants';
import { activateFromView, closeAllEditors, rawCurriculum, resetProgress, waitFor } from './helpers';

interface StoredHints {
  skills?: Record<string, { exercises?: Record<string, { hints?: string[] }> }>;
}

describe('exercise hints', function () {
  // The first open renders the lesson's hints in the worker, cold.
  this.timeout(60_000);
  let api: BackendPathApi;
  const skills = rawCurriculum().stages.flatMap((stage) => stage.skills);
  const [first, second] = skills;

  before(async () => {
    api = await activateFromView();
    await resetProgress(api);
  });

  after(async () => {
    await resetProgress(api);
    await closeAllEditors();
  });

  async function open(skillId: string): Promise<string> {
    const ready = api.lessonPanel.whenReady();
    await vscode.commands.executeCommand(Commands.openLesson, skillId);
    await ready;
    return api.lessonPanel.html ?? '';
  }

  const storedHints = (stack: string): string[] => (api.storedProgress() as StoredHints).skills?.[first.id]?.exercises?.[stack]?.hints ?? [];
  /** The card's stack and its hint ids, in order, from the page itself. */
  function cardHints(html: string): { stack: string; ids: string[] } {
    const stack = /<div class="hints" id="bp-hints" data-skill="[^"]*" data-stack="(php|node)"/.exec(html)?.[1];
    assert.ok(stack, 'the exercise card has its hints');
    return { stack, ids: [...html.matchAll(/<li class="hint" id="bp-hint-[^"]*" data-hint-id="([^"]+)"/g)].map((match) => match[1]) };
  }
  const isHidden = (html: string, id: string) => new RegExp(`data-hint-id="${id}" tabindex="-1" hidden>`).test(html);

  it('reveals a hint from the card, stores it, and shows it again after reopening the lesson', async () => {
    const html = await open(first.id);
    const { stack, ids } = cardHints(html);
    assert.ok(ids.length >= 2, `${first.id} has 2–4 hints (found ${ids.length})`);
    assert.ok(ids.every((id) => isHidden(html, id)), 'no hint shows before it is asked for');
    assert.match(html, new RegExp(`data-hint-id="${ids[0]}">Show hint 1 of ${ids.length}<`));

    const receive = api.lessonPanel.receive;
    assert.ok(receive, 'the test hook is there in ExtensionMode.Test');
    await receive({ type: 'revealHint', skillId: first.id, stack, hintId: ids[0] });
    assert.deepStrictEqual(storedHints(stack), [ids[0]], 'the reveal is in the synced progress');

    await open(second.id);
    const reopened = await open(first.id);
    assert.strictEqual(isHidden(reopened, ids[0]), false, 'the revealed hint shows');
    assert.ok(ids.slice(1).every((id) => isHidden(reopened, id)), 'the others stay hidden');
    assert.match(reopened, new RegExp(`data-hint-id="${ids[1]}">Show hint 2 of ${ids.length}<`));
    assert.match(reopened, /<p id="bp-hint-status" class="hint-status" role="status" aria-live="polite">1 hint used<\/p>/);
  });

  it('Show Hint reveals every hint up to the one named and opens the lesson on them', async () => {
    await open(second.id);
    const { stack, ids } = cardHints(await open(first.id));
    await open(second.id);
    const target = ids[Math.min(2, ids.length - 1)];
    const shown = await vscode.commands.executeCommand<string | undefined>(Commands.showHint, { skillId: first.id, stack, hintId: target });
    assert.strictEqual(shown, target);
    assert.deepStrictEqual(storedHints(stack), ids.slice(0, ids.indexOf(target) + 1));
    await waitFor(() => api.lessonPanel.skillId === first.id || undefined, 'the lesson opens');
    assert.strictEqual(isHidden(api.lessonPanel.html ?? '', target), false);

    const unknown = await vscode.commands.executeCommand<string | undefined>(Commands.showHint, { skillId: first.id, stack, hintId: 'no-such-hint' });
    assert.strictEqual(unknown, undefined, 'an unknown hint reveals nothing');
  });

  it('Reset Progress clears the hints used', async () => {
    const { stack } = cardHints(await open(first.id));
    assert.ok(storedHints(stack).length > 0);
    await resetProgress(api);
    assert.deepStrictEqual(storedHints(stack), []);
  });
});
