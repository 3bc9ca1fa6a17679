import * as assert from 'assert';
import * as vscode from 'vscode';
import type { BackendPathApi } from '../../src/api';
import { Commands } from '../../src/constants';
import type { RecordedPrompts } from './helpers';
import { activateFromView, closeAllEditors, fakePrompts, rawCurriculum, resetProgress, storedCompleted, usePrompts } from './helpers';

/** The CSP the page declares, and the nonce its script tags carry. */
function securityOf(html: string): { csp: string; scriptNonces: string[] } {
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1] ?? '';
  const scriptNonces = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => /nonce="([^"]+)"/.exec(m[0])?.[1] ?? '');
  return { csp: csp.replace(/&#39;|&apos;/g, "'").replace(/&quot;/g, '"'), scriptNonces };
}

describe('lesson panel', function () {
  // The first open loads the renderer and the catalog cold; on a loaded machine that alone can take 20 s.
  this.timeout(60_000);
  let api: BackendPathApi;
  let prompts: RecordedPrompts;
  let restorePrompts: () => void;
  const skills = rawCurriculum().stages.flatMap((stage) => stage.skills);
  const [first, second] = skills;

  /** Delivers a message as if the page had posted it (a hook that exists only in ExtensionMode.Test). */
  async function receive(message: unknown): Promise<void> {
    const hook = api.lessonPanel.receive;
    assert.ok(hook, 'the test hook is there in ExtensionMode.Test');
    await hook(message);
  }

  before(async () => {
    api = await activateFromView();
    await resetProgress(api);
    prompts = fakePrompts();
    restorePrompts = usePrompts(api, prompts);
  });

  beforeEach(() => {
    prompts.asked.length = 0;
    prompts.opened.length = 0;
  });

  after(async () => {
    restorePrompts();
    await resetProgress(api);
    await closeAllEditors();
  });

  async function open(skillId: string): Promise<string> {
    const ready = api.lessonPanel.whenReady();
    await vscode.commands.executeCommand(Commands.openLesson, skillId);
    await ready;
    const html = api.lessonPanel.html;
    assert.ok(html, 'the panel has HTML');
    return html;
  }

  it('opens a lesson with its path position and title as the panel title', async () => {
    await open(first.id);
    assert.strictEqual(api.lessonPanel.skillId, first.id);
    assert.strictEqual(api.lessonPanel.title, `${skills.indexOf(first) + 1} · ${first.title}`);
  });

  it('serves HTML with a strict CSP and a fresh nonce on every render', async () => {
    const html = await open(first.id);
    const { csp, scriptNonces } = securityOf(html);
    assert.match(csp, /default-src 'none'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    const nonce = /script-src 'nonce-([^']+)'/.exec(csp)?.[1];
    assert.ok(nonce && nonce.length >= 16, `a script nonce in ${csp}`);
    assert.ok(scriptNonces.length > 0, 'the page has a script');
    for (const scriptNonce of scriptNonces) assert.strictEqual(scriptNonce, nonce, 'every script carries the nonce');
    assert.doesNotMatch(html, /<script(?![^>]*nonce=)/, 'no script without a nonce');
    assert.doesNotMatch(html, /\son[a-z]+=/i, 'no inline event handlers');

    const again = securityOf(await open(second.id)).csp;
    assert.notStrictEqual(/nonce-([^']+)/.exec(again)?.[1], nonce, 'a new nonce per render');
  });

  it('ignores invalid messages from the page', async () => {
    await open(first.id);
    const invalid: unknown[] = [
      null,
      42,
      'setComplete',
      [],
      {},
      { type: 'nope' },
      { type: 'setComplete', skillId: first.id, complete: 'yes' },
      { type: 'setComplete', skillId: '../../etc/passwd', complete: true },
      { type: 'setComplete', skillId: '__proto__', complete: true },
      { type: 'navigate', skillId: 'does-not-exist-<script>' },
      { type: 'navigate', skillId: second.id, anchor: 'a b"c' },
      { type: 'openExternal', href: 42 },
      { type: 'answerQuiz', skillId: first.id, question: -1, choice: 0 },
      { type: 'exercise', skillId: first.id, action: 'rm -rf' },
    ];
    for (const message of invalid) await receive(message);
    assert.strictEqual(api.lessonPanel.skillId, first.id, 'still on the same lesson');
    assert.deepStrictEqual(storedCompleted(api), []);
    assert.deepStrictEqual(prompts.opened, []);
    assert.deepStrictEqual(prompts.asked, []);
  });

  it('marks the lesson complete from the page', async () => {
    await open(first.id);
    await receive({ type: 'setComplete', skillId: first.id, complete: true });
    assert.deepStrictEqual(storedCompleted(api), [first.id]);
    await receive({ type: 'setComplete', skillId: first.id, complete: false });
    assert.deepStrictEqual(storedCompleted(api), []);
  });

  it('follows a lesson-to-lesson link', async () => {
    const html = await open(first.id);
    const linked = /data-lesson="([a-z0-9-]+)"/.exec(html)?.[1];
    assert.ok(linked, 'lesson 1 links to another lesson');
    const target = skills.find((skill) => skill.id === linked);
    assert.ok(target, `${linked} is a skill`);
    const ready = api.lessonPanel.whenReady();
    await receive({ type: 'navigate', skillId: linked });
    await ready;
    assert.strictEqual(api.lessonPanel.skillId, linked);
    assert.strictEqual(api.lessonPanel.title, `${skills.indexOf(target) + 1} · ${target.title}`);
  });

  it('ends on the lesson opened last when an earlier open is still loading', async () => {
    const third = skills[2];
    const ready = api.lessonPanel.whenReady();
    const earlier = vscode.commands.executeCommand(Commands.openLesson, third.id);
    await vscode.commands.executeCommand(Commands.openLesson, second.id);
    await earlier;
    await ready;
    assert.strictEqual(api.lessonPanel.skillId, second.id);
    assert.strictEqual(api.lessonPanel.title, `${skills.indexOf(second) + 1} · ${second.title}`);
    assert.match(api.lessonPanel.html ?? '', new RegExp(`data-skill-id="${second.id}"`));
  });

  it('ignores block actions that carry the render number of a replaced page', async () => {
    await open(first.id);
    const oldRender = api.lessonPanel.render;
    await open(second.id);
    assert.ok(api.lessonPanel.render > oldRender);
    const documentsBefore = vscode.workspace.textDocuments.length;
    await receive({ type: 'insertCode', render: oldRender, block: 0 });
    await receive({ type: 'runInTerminal', render: oldRender, block: 0 });
    assert.deepStrictEqual(prompts.asked, [], 'no run confirmation for a stale page');
    assert.strictEqual(vscode.workspace.textDocuments.length, documentsBefore, 'nothing inserted');
  });

  it('sends an https link to the external opener', async () => {
    await open(first.id);
    await receive({ type: 'openExternal', href: 'https://www.rfc-editor.org/rfc/rfc9110#name-methods' });
    assert.deepStrictEqual(prompts.opened, ['https://www.rfc-editor.org/rfc/rfc9110#name-methods']);
  });

  it('does nothing for command:, javascript: and other non-https links', async () => {
    await open(first.id);
    const before = storedCompleted(api);
    for (const href of [
      `command:${Commands.resetProgress}`,
      `command:${Commands.markComplete}?${encodeURIComponent(JSON.stringify([first.id]))}`,
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      'http://example.com/',
      'file:///etc/passwd',
      'vscode://backend-path.backend-path/x',
      'https://user:secret@example.com/',
      'data:text/html,<script>alert(1)</script>',
    ]) {
      await receive({ type: 'openExternal', href });
    }
    assert.deepStrictEqual(prompts.opened, []);
    assert.deepStrictEqual(prompts.asked, [], 'no command ran (reset would have asked)');
    assert.deepStrictEqual(storedCompleted(api), before);
  });

  it('renders raw HTML in lesson content escaped, with no remote content', async () => {
    for (const skill of skills.slice(0, 3)) {
      const html = await open(skill.id);
      // Webview resources are served from https://*.vscode-cdn.net (the cspSource); nothing else may load.
      const remote = [...html.matchAll(/(?:\ssrc|<link[^>]+href)="(https?:[^"]*)"/gi)]
        .map((m) => m[1])
        .filter((url) => !/^https:\/\/[^/]+\.vscode-cdn\.net\//.test(url));
      assert.deepStrictEqual(remote, [], `${skill.id}: remote resources`);
      assert.doesNotMatch(html, /<iframe|<object|<embed/i);
    }
  });
});
