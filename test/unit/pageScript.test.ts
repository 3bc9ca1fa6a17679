// The lesson page's own script (webview/main.ts), run in a plain-Node sandbox with a small stand-in
// for the DOM: what a click on the page sends to the extension. The e2e suites click real pages;
// this one runs in a second and checks the rules that must hold for every button.
import * as assert from 'node:assert/strict';
import * as esbuild from 'esbuild';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { ROOT } from './robustness/support';

class FakeElement {
  readonly dataset: Record<string, string>;
  constructor(
    readonly tagName: string,
    private readonly attributes: Record<string, string> = {},
    readonly parent?: FakeElement,
  ) {
    this.dataset = Object.fromEntries(
      Object.entries(attributes)
        .filter(([name]) => name.startsWith('data-'))
        .map(([name, value]) => [name.slice(5).replace(/-([a-z])/g, (_match, letter: string) => letter.toUpperCase()), value]),
    );
  }
  hasAttribute(name: string): boolean {
    return name in this.attributes;
  }
  getAttribute(name: string): string | null {
    return this.attributes[name] ?? null;
  }
  private matches(selector: string): boolean {
    if (selector === 'a') return this.tagName === 'a';
    if (selector === '[data-action]') return 'data-action' in this.attributes;
    throw new Error(`the stand-in DOM does not know the selector ${selector}`);
  }
  closest(selector: string): FakeElement | null {
    if (this.matches(selector)) return this;
    return this.parent?.closest(selector) ?? null;
  }
}

let bundled: Promise<string> | undefined;
function pageScript(): Promise<string> {
  bundled ??= esbuild
    .build({
      absWorkingDir: ROOT,
      entryPoints: [join(ROOT, 'webview/main.ts')],
      bundle: true,
      write: false,
      platform: 'browser',
      format: 'iife',
      target: 'es2022',
      logLevel: 'error',
      // The web components register custom elements, which the stand-in has no use for.
      plugins: [
        {
          name: 'no-components',
          setup: (build) => {
            build.onResolve({ filter: /^@vscode-elements\// }, () => ({ path: 'components', namespace: 'empty' }));
            build.onLoad({ filter: /.*/, namespace: 'empty' }, () => ({ contents: '', loader: 'js' }));
          },
        },
      ],
    })
    .then((result) => result.outputFiles[0].text);
  return bundled;
}

/** Loads the page script for a lesson page and returns what it posted, and a way to click. */
async function loadPage() {
  // Copied out of the sandbox as JSON, as the webview host clones each message.
  const posted: { type: string; [key: string]: unknown }[] = [];
  const listeners = new Map<string, ((event: unknown) => void)[]>();
  const window = {
    addEventListener: (type: string, listener: (event: unknown) => void) => listeners.set(type, [...(listeners.get(type) ?? []), listener]),
    scrollTo: () => undefined,
    scrollY: 0,
    setTimeout: () => 0,
    clearTimeout: () => undefined,
  };
  const document = {
    body: { dataset: { skillId: 'rest-basics', render: '7' } },
    getElementById: () => null,
    querySelector: () => null,
    querySelectorAll: () => [],
  };
  runInNewContext(await pageScript(), {
    window,
    document,
    performance: { now: () => 0 },
    requestAnimationFrame: () => 0,
    Element: FakeElement,
    HTMLElement: FakeElement,
    acquireVsCodeApi: () => ({ postMessage: (message: { type: string }) => posted.push(JSON.parse(JSON.stringify(message))), getState: () => undefined, setState: () => undefined }),
  });
  const click = (target: FakeElement) => {
    for (const listener of listeners.get('click') ?? []) listener({ target, preventDefault() {}, stopImmediatePropagation() {} });
  };
  return { posted, click };
}

const BUTTONS: readonly { readonly name: string; readonly attributes: Record<string, string>; readonly sends: Record<string, unknown> }[] = [
  { name: 'Check exercise', attributes: { 'data-action': 'exercise', 'data-exercise-action': 'check', 'data-skill': 'rest-basics' }, sends: { type: 'exercise', skillId: 'rest-basics', action: 'check' } },
  { name: 'Run in terminal', attributes: { 'data-action': 'runInTerminal', 'data-block': '2' }, sends: { type: 'runInTerminal', render: 7, block: 2 } },
  { name: 'Run (js run block)', attributes: { 'data-action': 'runNode', 'data-block': '3' }, sends: { type: 'runCode', render: 7, block: 3 } },
  { name: 'Back', attributes: { 'data-action': 'history', 'data-direction': 'back' }, sends: { type: 'history', direction: 'back' } },
  { name: 'a quiz choice', attributes: { 'data-action': 'answerQuiz', 'data-question-id': 'status-405', 'data-choice': '1' }, sends: { type: 'answerQuiz', render: 7, skillId: 'rest-basics', questionId: 'status-405', choice: 1 } },
];

describe('lesson page script: clicks', () => {
  it('tells the extension it is ready, naming its render', async () => {
    const { posted } = await loadPage();
    assert.deepEqual(posted, [{ type: 'ready', render: 7 }]);
  });

  for (const button of BUTTONS) {
    it(`sends nothing for a disabled ${button.name} button, and its message when enabled`, async () => {
      const disabled = await loadPage();
      // A click on the label inside the button reaches it through closest().
      disabled.click(new FakeElement('span', {}, new FakeElement('vscode-button', { ...button.attributes, disabled: '' })));
      assert.equal(disabled.posted.length, 1, 'a disabled button does nothing (only ready was sent)');

      const enabled = await loadPage();
      enabled.click(new FakeElement('span', {}, new FakeElement('vscode-button', button.attributes)));
      const [sent] = enabled.posted.slice(1);
      assert.ok(sent, 'an enabled button sends its message');
      assert.deepEqual(Object.fromEntries(Object.entries(sent).filter(([key]) => key !== 'elapsedMs')), button.sends);
    });
  }
});
