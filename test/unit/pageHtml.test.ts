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
    exercise: { title: 'Health', stack: 'node', stacks: ['php', 'node'] },
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

  it('lists exactly the sources each directive needs, and nothing a page could abuse', () => {
    const nonce = createNonce();
    const directives = new Map(
      cspOf(buildPageHtml(model(), resources, nonce))
        .split(';')
        .map((directive) => directive.trim().split(/\s+/))
        .map(([name, ...sources]) => [name, sources] as const),
    );
    // Each source is a door: 'unsafe-hashes' lets inline handlers run, data: and blob: let injected
    // markup load script or images from itself, so the whole policy is compared, not parts of it.
    assert.deepEqual(Object.fromEntries(directives), {
      'default-src': ["'none'"],
      'style-src': ['vscode-webview://abc'],
      'font-src': ['vscode-webview://abc'],
      'img-src': ['vscode-webview://abc'],
      'script-src': [`'nonce-${nonce}'`],
    });
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

  it('header shows position, stage, roadmap number, reading time and completion; footer has previous, complete and next', () => {
    const next: Skill = { ...skill, number: 2, position: 2, id: 'request-response-cycle', title: 'Request/Response Cycle' };
    const html = buildPageHtml(model({ next, complete: true }), resources, createNonce());
    assert.match(html, /\[skillOf\] · Foundation/);
    assert.match(html, /\[roadmapNumber\]/);
    assert.match(html, /\[minutesRead\]/);
    assert.match(html, /id="bp-completion-status" class="status done"/);
    assert.match(html, /data-action="navigate" data-skill="request-response-cycle" title="2 · Request\/Response Cycle"/);
    assert.match(html, /id="bp-complete-toggle"[^>]*data-complete="true"/);
  });

  it('titles the page with the path position, not the seed number', () => {
    const html = buildPageHtml(model({ skill: { ...skill, number: 13, position: 16, title: 'Caching Strategies' } }), resources, createNonce());
    assert.match(html, /<title>16 · Caching Strategies<\/title>/);
  });

  it("gives every element of its own an id with the bp- prefix, which lesson headings cannot produce", () => {
    const lessonHtml = '<h2 id="h-quiz">Quiz</h2><h2 id="h-exercise">Exercise</h2><p>Do it.</p>';
    const html = buildPageHtml(model({ lessonHtml }), resources, createNonce());
    const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]);
    const own = ids.filter((id) => !id.startsWith('h-'));
    assert.ok(own.length >= 8, `page ids: ${own.join(' ')}`);
    for (const id of own) assert.match(id, /^bp-/);
    assert.equal(new Set(ids).size, ids.length, 'no id appears twice');
  });

  it('shows the choices in the given order and names each by its index in quiz.json', () => {
    const quiz = [{ id: 'q', objectives: [1], question: 'Q', choices: ['zero', 'one', 'two'], answer: 2, explanation: 'e', feedback: ['f0', 'f1', null] }];
    const html = buildPageHtml(model({ quiz, choiceOrders: [[2, 0, 1]] }), resources, createNonce());
    const shown = [...html.matchAll(/data-question-id="q" data-choice="(\d)">([a-z]+)</g)].map((match) => [Number(match[1]), match[2]]);
    assert.deepEqual(shown, [[2, 'two'], [0, 'zero'], [1, 'one']]);
  });

  it('offers "try again" only after an answer (hidden in the HTML)', () => {
    const html = buildPageHtml(model(), resources, createNonce());
    assert.match(html, /<vscode-button secondary id="bp-retry-quiz" data-action="retryQuiz" hidden>/);
  });

  it('puts the one exercise card where the lesson has its Exercise section', () => {
    const lessonHtml = '<h1 id="h-t">T</h1><h2 id="h-exercise">Exercise</h2><p>Build it.</p><h2 id="h-summary">Summary</h2><p>Done.</p>';
    const html = buildPageHtml(model({ lessonHtml }), resources, createNonce());
    assert.equal(html.match(/class="exercise"/g)?.length, 1);
    const card = html.indexOf('<section class="exercise"');
    assert.ok(card > html.indexOf('id="h-t"') && card < html.indexOf('id="h-summary"'), 'the card sits between the title and the summary');
    assert.match(html.slice(card, html.indexOf('</section>', card)), /<h2 id="h-exercise">Exercise<\/h2>[\s\S]*Build it\.[\s\S]*data-exercise-action="start"/);
    const noSection = buildPageHtml(model({ lessonHtml: '<h1 id="h-t">T</h1><p>x</p>' }), resources, createNonce());
    assert.equal(noSection.match(/class="exercise"/g)?.length, 1, 'a lesson without the section still gets one card');
  });

  it('wraps tables in a focusable box that scrolls on its own', () => {
    const html = buildPageHtml(model({ lessonHtml: '<table><tr><td>a</td></tr></table>' }), resources, createNonce());
    assert.match(html, /<div class="table-scroll" role="region" tabindex="0" aria-label="\[table\]"><table>[\s\S]*<\/table><\/div>/);
  });

  it('makes code blocks focusable, so code wider than the page can be scrolled with the keyboard', () => {
    const html = buildPageHtml(model({ lessonHtml: '<pre><code>a</code></pre><pre class="output"><code>b</code></pre><pre tabindex="-1">c</pre>' }), resources, createNonce());
    assert.equal(html.match(/<pre tabindex="0"/g)?.length, 2);
    assert.match(html, /<pre tabindex="-1">c/);
  });

  it('removes Run buttons in an untrusted workspace and keeps them in a trusted one', () => {
    const lessonHtml = '<div class="code-block" data-block="0"><vscode-button secondary data-action="copyCode" data-block="0">Copy</vscode-button><vscode-button secondary data-action="runInTerminal" data-block="0">Run in terminal</vscode-button><vscode-button secondary data-action="runCode" data-block="0">Run</vscode-button></div>';
    const untrusted = buildPageHtml(model({ lessonHtml, workspaceTrusted: false }), resources, createNonce());
    assert.doesNotMatch(untrusted, /runInTerminal|runCode/);
    assert.match(untrusted, /data-action="copyCode"/);
    const trusted = buildPageHtml(model({ lessonHtml }), resources, createNonce());
    assert.match(trusted, /data-action="runInTerminal"/);
    assert.match(trusted, /data-action="runCode"/);
  });

  it('adds a Run button to runnable JavaScript blocks in a trusted workspace only, once', () => {
    const lessonHtml = '<div class="code-block" data-block="0">\n<div class="code-toolbar"><span class="code-language">javascript</span>\n<vscode-button secondary data-action="copyCode" data-block="0">Copy</vscode-button></div>\n<pre><code>x</code></pre>\n</div>\n<div class="code-block" data-block="1">\n<div class="code-toolbar"><span class="code-language">bash</span></div>\n</div>';
    const trusted = buildPageHtml(model({ lessonHtml, runnableCode: [0] }), resources, createNonce());
    assert.equal(trusted.match(/data-action="runCode"/g)?.length, 1);
    assert.match(trusted, /data-block="0">Copy<\/vscode-button><vscode-button secondary data-action="runCode" data-block="0">\[runCode\]<\/vscode-button><\/div>/);
    const untrusted = buildPageHtml(model({ lessonHtml, runnableCode: [0], workspaceTrusted: false }), resources, createNonce());
    assert.doesNotMatch(untrusted, /runCode/);
    const again = buildPageHtml(model({ lessonHtml: trusted.slice(trusted.indexOf('<div class="code-block"'), trusted.indexOf('</main>')), runnableCode: [0] }), resources, createNonce());
    assert.equal(again.match(/data-action="runCode"/g)?.length, 1, 'a lesson that already has the button keeps one');
  });

  it('carries the render number and the opening anchor, and enables Back/Forward from the history', () => {
    const html = buildPageHtml(model({ render: 7, anchor: 'h-joins', history: { back: true, forward: false } }), resources, createNonce());
    assert.match(html, /<body data-skill-id="http-fundamentals" data-render="7" data-anchor="h-joins">/);
    assert.match(html, /id="bp-back"[^>]*aria-label="\[back\]">/);
    assert.match(html, /id="bp-forward"[^>]*disabled>/);
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
