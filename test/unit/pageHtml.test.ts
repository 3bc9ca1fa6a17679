import * as assert from 'node:assert/strict';
import type { Skill } from '../../src/curriculum/types';
import type { PageLabels, PageModel } from '../../src/lessonPanel/pageHtml';
import { buildPageHtml, createNonce } from '../../src/lessonPanel/pageHtml';

const skill: Skill = {
  number: 1,
  position: 1,
  id: 'http-fundamentals',
  title: 'HTTP Fundamentals',
  summary: 'The protocol <b>that</b> matters.',
  minutes: 25,
  objectives: ['Use `curl -i`', 'Pick methods', 'Pick status codes'],
  stageId: 'foundation',
  folder: '01-http-fundamentals',
};
const labels = new Proxy({}, { get: (_target, key) => `[${String(key)}]` }) as PageLabels;
const resources = { cspSource: 'vscode-webview://abc', asWebviewUri: (path: string) => `vscode-webview://abc/${path}` };

function model(overrides: Partial<PageModel> = {}): PageModel {
  return {
    skill,
    stageTitle: 'Foundation',
    position: 1,
    total: 22,
    complete: false,
    lessonHtml: '<h1>HTTP Fundamentals</h1>',
    quiz: [
      { id: 'which-method', objectives: [2], question: 'Which `method`?', choices: ['GET', '<b>PUT</b>'], answer: 1, explanation: 'Idempotent.', feedback: ['GET is safe, not a write.', null] },
    ],
    exercise: { title: 'Health', language: 'node' },
    workspaceTrusted: true,
    labels,
    ...overrides,
  };
}

function cspOf(html: string): string {
  const match = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html);
  assert.ok(match, 'the page has a CSP meta tag');
  return match[1];
}

describe('lesson page HTML', () => {
  it('has a strict CSP: nothing by default, scripts by nonce, styles from the webview source only', () => {
    const nonce = createNonce();
    const html = buildPageHtml(model(), resources, nonce);
    const csp = cspOf(html);
    assert.match(csp, /^default-src 'none'/);
    assert.match(csp, new RegExp(`script-src 'nonce-${nonce}'`));
    assert.match(csp, /style-src vscode-webview:\/\/abc(;|$)/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*/);
  });

  it('uses a new nonce every time, and every script carries it', () => {
    const nonces = new Set(Array.from({ length: 50 }, () => createNonce()));
    assert.equal(nonces.size, 50);
    const nonce = createNonce();
    const html = buildPageHtml(model(), resources, nonce);
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    assert.equal(scripts.length, 1);
    assert.ok(scripts.every((tag) => tag.includes(`nonce="${nonce}"`)));
  });

  it('has no inline event handlers, inline styles or javascript: URLs', () => {
    const html = buildPageHtml(model(), resources, createNonce());
    assert.doesNotMatch(html, /\son[a-z]+\s*=/i);
    assert.doesNotMatch(html, /\sstyle\s*=/i);
    assert.doesNotMatch(html, /javascript:/i);
  });

  it('escapes quiz text while keeping inline code', () => {
    const html = buildPageHtml(model(), resources, createNonce());
    assert.match(html, /Which <code>method<\/code>\?/);
    assert.match(html, /&lt;b&gt;PUT&lt;\/b&gt;/);
  });

  it('shows summary, objectives and "in preparation" when the lesson is missing', () => {
    const html = buildPageHtml(model({ lessonHtml: undefined }), resources, createNonce());
    assert.match(html, /The protocol &lt;b&gt;that&lt;\/b&gt; matters\./);
    assert.match(html, /<li>Use <code>curl -i<\/code><\/li>/);
    assert.match(html, /\[inPreparation\]/);
  });

  it('header shows stage, reading time and completion; footer has previous, complete and next', () => {
    const next: Skill = { ...skill, number: 2, id: 'request-response-cycle', title: 'Request/Response Cycle' };
    const html = buildPageHtml(model({ next, complete: true }), resources, createNonce());
    assert.match(html, /Foundation · \[skillOf\]/);
    assert.match(html, /\[minutesRead\]/);
    assert.match(html, /id="completion-status" class="status done"/);
    assert.match(html, /data-action="navigate" data-skill="request-response-cycle"/);
    assert.match(html, /id="complete-toggle"[^>]*data-complete="true"/);
  });

  it('disables Check exercise in an untrusted workspace and says why', () => {
    const html = buildPageHtml(model({ workspaceTrusted: false }), resources, createNonce());
    assert.match(html, /data-exercise-action="check"[^>]* disabled>/);
    assert.match(html, /\[exerciseUntrusted\]/);
  });

  it('loads only resources from the extension through the webview source', () => {
    const html = buildPageHtml(model(), resources, createNonce());
    const urls = [...html.matchAll(/(?:src|href)="([^"#][^"]*)"/g)].map((match) => match[1]);
    assert.deepEqual(urls.sort(), ['vscode-webview://abc/dist/webview.js', 'vscode-webview://abc/media/lesson.css']);
  });
});
