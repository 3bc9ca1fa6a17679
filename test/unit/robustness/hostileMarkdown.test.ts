import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseCatalog } from '../../../src/curriculum/parseCatalog';
import type { Skill } from '../../../src/curriculum/types';
import type { PageLabels } from '../../../src/lessonPanel/pageHtml';
import { buildPageHtml, createNonce } from '../../../src/lessonPanel/pageHtml';
import { LESSON_LIMITS, nestingDepth } from '../../../src/lessons/lessonLimits';
import { ENGLISH_CODE_LABELS, localiseLessonHtml } from '../../../src/lessons/localiseLessonHtml';
import { renderInWorker } from '../../../src/lessons/renderInWorker';
import { renderLesson } from '../../../src/lessons/renderLesson';
// Bundled into out/test/unit/robustness/, one level deeper than ../helpers expects.
const REPO_ROOT = join(__dirname, '..', '..', '..', '..');
const readRepoFile = (path: string) => readFileSync(join(REPO_ROOT, path), 'utf8');
import { auditFragment, auditNodes, findElements, parsePage, rawTagProblems } from './support';

const options = { skillIdForFolder: (folder: string) => (folder === '01-http-fundamentals' ? 'http-fundamentals' : undefined) };

/** Each case is markdown a compromised or careless lesson could contain. */
const CASES: readonly (readonly [string, string])[] = [
  ['script block', '<script>alert(1)</script>'],
  ['inline script', 'Hello <script>alert(1)</script> world'],
  ['script split over lines', '<script\n>alert(1)</script\n>'],
  ['img onerror', '<img src=x onerror=alert(1)>'],
  ['div onclick', '<div onclick="alert(1)">hi</div>'],
  ['raw anchor javascript:', '<a href="javascript:alert(1)">x</a>'],
  ['raw anchor with onclick', '<a href="https://ok.example" onclick="alert(1)">x</a>'],
  ['details ontoggle', '<details open ontoggle=alert(1)><summary>x</summary></details>'],
  ['input autofocus onfocus', '<input autofocus onfocus=alert(1)>'],
  ['markdown link javascript:', '[a](javascript:alert(1))'],
  ['mixed-case scheme', '[a](JaVaScRiPt:alert(1))'],
  ['upper-case scheme', '[a](JAVASCRIPT:alert(1))'],
  ['vbscript:', '[a](vbscript:msgbox(1))'],
  ['data: html', '[a](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)'],
  ['data: url-encoded', '[a](data:text/html,%3Cscript%3Ealert(1)%3C/script%3E)'],
  ['command: link', '[a](command:workbench.action.terminal.new)'],
  ['command: with arguments', '[a](command:_workbench.downloadResource?%5B%22file%3A%2F%2F%2Fetc%2Fpasswd%22%5D)'],
  ['vscode: link', '[a](vscode://file/etc/passwd)'],
  ['file: link', '[a](file:///etc/passwd)'],
  ['angle-bracket destination', '[a](<javascript:alert(1)>)'],
  ['reference link', '[a][x]\n\n[x]: javascript:alert(1)'],
  ['reference link with title', '[a][x]\n\n[x]: javascript:alert(1) "title"'],
  ['collapsed reference link', '[x][]\n\n[x]: command:workbench.action.quit'],
  ['autolink javascript:', '<javascript:alert(1)>'],
  ['autolink command:', '<command:workbench.action.quit>'],
  ['autolink data:', '<data:text/html,<script>alert(1)</script>>'],
  ['autolink with quote', '<https://example.com/"><script>alert(1)</script>>'],
  ['bare javascript: text', 'javascript:alert(1) and www.evil.example and https://ok.example/x'],
  ['image javascript:', '![x](javascript:alert(1))'],
  ['remote image', '![tracker](https://evil.example/pixel.png)'],
  ['image alt breaking out', '![x" onerror="alert(1)](x.png)'],
  ['reference image data:', '![a][i]\n\n[i]: data:image/svg+xml,<svg onload=alert(1)>'],
  ['image inside link', '[![x](https://evil.example/a.png)](javascript:alert(1))'],
  ['iframe', '<iframe src="https://evil.example"></iframe>'],
  ['iframe srcdoc', '<iframe srcdoc="<script>alert(1)</script>"></iframe>'],
  ['svg onload', '<svg onload=alert(1)>'],
  ['svg script', '<svg><script>alert(1)</script></svg>'],
  ['math xlink', '<math><mi xlink:href="javascript:alert(1)">x</mi></math>'],
  ['style element', '<style>body{background:url(javascript:alert(1))}</style>'],
  ['style attribute', '<p style="background:url(javascript:alert(1))">x</p>'],
  ['meta refresh', '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">'],
  ['link stylesheet', '<link rel=stylesheet href=https://evil.example/x.css>'],
  ['object', '<object data="javascript:alert(1)"></object>'],
  ['embed', '<embed src="javascript:alert(1)">'],
  ['form', '<form action="javascript:alert(1)"><button>go</button></form>'],
  ['base', '<base href="javascript:alert(1)//">'],
  ['template', '<template><script>alert(1)</script></template>'],
  ['noscript mutation', '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>'],
  ['comment breakout', '<!-- --><script>alert(1)</script> -->'],
  ['doctype and head', '<!DOCTYPE html><html><head><base href=//evil.example></head></html>'],
  ['hex entity in scheme', '[a](jav&#x61;script:alert(1))'],
  ['decimal entity in scheme', '[a](&#106;avascript:alert(1))'],
  ['zero-padded entity', '[a](&#0000106;avascript:alert(1))'],
  ['fully encoded scheme', '[a](&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1))'],
  ['named colon entity', '[a](javascript&colon;alert(1))'],
  ['tab inside scheme', '[a](<java\tscript:alert(1)>)'],
  ['tab entity inside scheme', '[a](java&#9;script:alert(1))'],
  ['newline entity inside scheme', '[a](java&#10;script:alert(1))'],
  ['leading spaces', '[a](   javascript:alert(1)   )'],
  ['leading control entity', '[a](&#1;javascript:alert(1))'],
  ['javascript with comment', '[a](javascript://%0aalert(1))'],
  ['https then javascript', '[a](https:javascript:alert(1))'],
  ['protocol-relative', '[a](//evil.example/x)'],
  ['plain http', '[a](http://example.com)'],
  ['credentials', '[a](https://user:pw@evil.example/)'],
  ['quote in https URL', '[a](https://example.com/"onmouseover="alert(1))'],
  ['title with double quotes', '[a](https://example.com "a\\" onmouseover=\\"alert(1)")'],
  ['title with single quotes', "[a](https://example.com 'x\" onfocus=\"alert(1)\" autofocus=\"')"],
  ['title in parentheses with HTML', '[a](https://example.com (x"><script>alert(1)</script>))'],
  ['title mentioning a scheme', '[a](https://example.com "javascript:alert(1)")'],
  ['anchor with quotes', '[a](#x" onclick="alert(1))'],
  ['lesson link with hostile anchor', '[a](../01-http-fundamentals/lesson.md#x"onclick="alert(1))'],
  ['unknown lesson link', '[a](../99-evil/lesson.md)'],
  ['link text with HTML', '[<img src=x onerror=alert(1)>](https://example.com)'],
  ['nested links', '[[a](javascript:alert(1))](https://ok.example)'],
  ['fence info with quotes', '```js" onmouseover="alert(1)\nconst a = 1;\n```'],
  ['fence info with HTML', '```<script>alert(1)</script>\nx\n```'],
  ['fence info with img', '```"><img src=x onerror=alert(1)>\nx\n```'],
  ['tilde fence info with attribute', "~~~bash' data-x='1\nls\n~~~"],
  ['fence body with HTML', '```html\n<script>alert(1)</script>\n```'],
  ['fence body in highlighted language', '```php\n<?php echo "<script>alert(1)</script>"; ?>\n```'],
  ['fence body in plain output', '```output\n</code></pre><script>alert(1)</script>\n```'],
  ['indented code with HTML', '    <script>alert(1)</script>'],
  ['inline code with HTML', '`<script>alert(1)</script>` and `</code><img src=x onerror=alert(1)>`'],
  ['heading with script', '# Title <script>alert(1)</script>'],
  ['heading with img', '## <img src=x onerror=alert(1)> heading'],
  ['heading with quote for the id', '### a" onclick="alert(1)'],
  ['setext heading with svg', '<svg onload=alert(1)>\n==='],
  ['heading with link', '## [x](javascript:alert(1))'],
  ['table cell with HTML', '| a |\n|---|\n| <script>alert(1)</script> |'],
  ['task list item', '- [x] <img src=x onerror=alert(1)>\n- [ ] [a](javascript:alert(1))'],
  ['blockquote with HTML', '> <iframe src=javascript:alert(1)>'],
  ['emphasis wrapping HTML', '**<script>alert(1)</script>** _<svg onload=alert(1)>_'],
  ['vscode-button injection', '<vscode-button data-action="exercise" data-exercise-action="check" data-skill="x">Check</vscode-button>'],
  ['null byte', '[a](java\u0000script:alert(1)) <scr\u0000ipt>alert(1)</script>'],
  ['fence tagged constructor', '```constructor\nx\n```'],
  ['fence tagged __proto__', '```__proto__\nx\n```'],
  ['fence tagged toString', '```toString run\nx\n```'],
  ['fence tagged hasOwnProperty', '~~~hasOwnProperty\nx\n~~~'],
  ['heading that names a page id', '## Quiz\n\n## Exercise\n\n## bp-quiz'],
  ['label placeholder in text', 'data-label="run" <span data-label="copy"></span>'],
];

describe('robustness: hostile lesson markdown', () => {
  let reached = 0;
  let threw = 0;
  after(() => {
    console.log(`    robustness: hostile markdown — ${CASES.length} cases, ${reached} reached the page as runnable/navigating markup, ${threw} threw`);
  });

  it('has an audit that catches what it looks for (so a pass means something)', () => {
    const bad = [
      '<script>x</script>',
      '<img src=x>',
      '<p onclick=x>a</p>',
      '<a href="jav&#x61;script:x">a</a>',
      '<a href="java\tscript:x">a</a>',
      '<a href="https://ok.example/">no data-external</a>',
      '<a href="https://u:p@ok.example/" data-external="true">credentials</a>',
      '<span data-x="command:workbench.action.quit">a</span>',
      '<svg><a xlink:href="javascript:x">a</a></svg>',
      '<template><iframe></iframe></template>',
    ];
    for (const html of bad) assert.notDeepEqual(auditFragment(html), [], html);
    assert.deepEqual(auditFragment('<a href="#x" data-anchor="x">a</a><a href="https://ok.example/" data-external="true">b</a>'), []);
  });

  for (const [name, markdown] of CASES) {
    it(`renders inert: ${name}`, () => {
      let html: string;
      try {
        html = renderLesson(markdown, options).html;
      } catch (error) {
        threw += 1;
        throw error;
      }
      const problems = [...auditFragment(html), ...rawTagProblems(html)];
      // Every id the lesson brings is a prefixed heading id: none can take over a page element.
      for (const [, id] of html.matchAll(/\sid="([^"]*)"/g)) if (!id.startsWith('h-')) problems.push(`id "${id}" is not prefixed`);
      if (problems.length > 0) reached += 1;
      assert.deepEqual(problems, [], `${name}\nmarkdown: ${JSON.stringify(markdown)}\nhtml: ${html}`);
      const buttons = findElements(parsePage(`<main>${html}</main>`).document, (element) => element.attrs.some((a) => a.name === 'data-action' && a.value === 'exercise'));
      assert.equal(buttons.length, 0, 'lesson markdown cannot add an exercise button');
    });
  }

  it('keeps every case inert inside the whole page: one script (the nonce one), nothing escapes <main>', () => {
    const skill: Skill = {
      number: 1, position: 1, id: 'http-fundamentals', title: 'HTTP', summary: 's', minutes: 1, objectives: [], stageId: 'foundation', folder: '01-http-fundamentals',
    };
    const labels = new Proxy({}, { get: (_target, key) => `[${String(key)}]` }) as PageLabels;
    const resources = { cspSource: 'vscode-webview://abc', asWebviewUri: (path: string) => `vscode-webview://abc/${path}` };
    const lessonHtml = CASES.map(([, markdown]) => renderLesson(markdown, options).html).join('\n');
    const nonce = createNonce();
    const page = buildPageHtml(
      { skill, stageTitle: 'Foundation', position: 1, total: 22, complete: false, lessonHtml, quiz: [], workspaceTrusted: true, labels },
      resources,
      nonce,
    );
    const { main, tagCounts } = parsePage(page);
    assert.ok(main, 'the page has its <main>');
    assert.deepEqual(auditNodes(main), []);
    assert.equal(tagCounts.get('script'), 1);
    assert.equal(tagCounts.get('meta'), 3, 'charset, CSP and viewport only');
    assert.equal(tagCounts.get('base'), undefined);
  });
});

/** Markdown that makes marked slow or overflows its stack; each must be refused quickly, not rendered. */
const PATHOLOGICAL: readonly (readonly [string, string, string])[] = [
  ['2,000 nested block quotes', '> '.repeat(2_000) + 'x', 'tooDeep'],
  ['2,000 nested list items on one line', '- '.repeat(2_000) + 'x', 'tooDeep'],
  ["'- ' × 50,000", '- '.repeat(50_000), 'blockTooLong'],
  ['a list of 50,000 items', '- x\n'.repeat(50_000), 'blockTooLong'],
  ['300 lines, each indented one level deeper', Array.from({ length: 300 }, (_, i) => `${' '.repeat(i * 2)}- x`).join('\n'), 'tooDeep'],
  ['2,000 nested ordered lists', '1. '.repeat(2_000) + 'x', 'tooDeep'],
  ["'*a' × 20,000 in one paragraph", '*a'.repeat(20_000), 'blockTooLong'],
  ["'[' × 50,000", '['.repeat(50_000), 'blockTooLong'],
  ["'<' × 50,000", '<'.repeat(50_000), 'blockTooLong'],
  ['a 1 MB lesson of short paragraphs', 'word word word\n\n'.repeat(70_000), 'tooLarge'],
];

describe('robustness: pathological markdown', () => {
  let refused = 0;
  let slowest = 0;
  after(() => {
    console.log(`    robustness: pathological markdown — ${PATHOLOGICAL.length} cases, ${refused} refused, slowest ${slowest.toFixed(1)} ms`);
  });

  for (const [name, markdown, kind] of PATHOLOGICAL) {
    it(`refuses within 100 ms with a clear page: ${name}`, () => {
      // CPU time of this process, so other work on a shared machine does not count against it.
      const started = process.cpuUsage();
      const rendered = renderLesson(markdown, options);
      const spent = process.cpuUsage(started);
      const ms = (spent.user + spent.system) / 1000;
      slowest = Math.max(slowest, ms);
      assert.equal(rendered.refused?.kind, kind, name);
      refused += 1;
      assert.ok(ms < 100, `${name} took ${ms.toFixed(1)} ms`);
      const page = localiseLessonHtml(rendered.html, ENGLISH_CODE_LABELS, { trusted: true });
      assert.match(page, /<div class="bp-refused" role="alert"/);
      assert.ok(page.includes(ENGLISH_CODE_LABELS.refused), 'the page says why in words');
      assert.match(page, /class="bp-refused-detail">[^<]*limit/);
      assert.deepEqual(rendered.codeBlocks, []);
    });
  }

  it('stays just under the limits without refusing, still fast', () => {
    const deep = `${'> '.repeat(LESSON_LIMITS.maxNesting)}x`;
    const started = process.cpuUsage();
    const rendered = renderLesson(deep, options);
    assert.equal(rendered.refused, undefined);
    assert.equal(rendered.html.match(/<blockquote>/g)?.length, LESSON_LIMITS.maxNesting);
    const spent = process.cpuUsage(started);
    assert.ok((spent.user + spent.system) / 1000 < 100);
    assert.equal(renderLesson(`${'> '.repeat(LESSON_LIMITS.maxNesting + 1)}x`, options).refused?.kind, 'tooDeep');
  });

  it('counts nesting the way markdown nests', () => {
    assert.equal(nestingDepth('plain text'), 0);
    assert.equal(nestingDepth('> > - 1. x'), 4);
    assert.equal(nestingDepth('      - x'), 4, 'six columns of indentation are three levels, plus the item');
    assert.equal(nestingDepth('-not a marker'), 0);
    assert.equal(nestingDepth('2024. was a year'), 1);
    assert.equal(nestingDepth('12345678901. is not a list marker'), 0);
  });

  it('does not count what is inside fenced code', () => {
    const code = '```text\n' + `${'> '.repeat(500)}\n`.repeat(3) + '```\n\n' + '~~~\n' + '- '.repeat(500) + '\n~~~';
    assert.equal(renderLesson(code, options).refused, undefined);
  });

  it('every lesson of the path is well within the limits', () => {
    const catalog = parseCatalog(readRepoFile('lessons/curriculum.json'));
    for (const skill of catalog.skills) {
      const path = `lessons/${skill.folder}/lesson.md`;
      if (!existsSync(join(REPO_ROOT, path))) continue;
      const markdown = readRepoFile(path);
      assert.ok(markdown.length < LESSON_LIMITS.maxChars / 2, path);
      assert.equal(renderLesson(markdown, options).refused, undefined, path);
    }
  });
});

describe('robustness: rendering at run time never blocks the extension host', () => {
  const workerFile = join(__dirname, '..', 'renderWorker.js');
  const longest = () => {
    const catalog = parseCatalog(readRepoFile('lessons/curriculum.json'));
    const texts = catalog.skills
      .map((skill) => `lessons/${skill.folder}/lesson.md`)
      .filter((path) => existsSync(join(REPO_ROOT, path)))
      .map((path) => readRepoFile(path));
    return texts.reduce((a, b) => (b.length > a.length ? b : a));
  };

  /**
   * How long the event loop was busy (not waiting for events) while `work` ran, in ms. Event-loop
   * utilisation counts the main thread only, and time the OS gives to other processes while the
   * loop waits counts as idle, so a shared, loaded machine does not inflate it.
   */
  async function busyMs(work: () => Promise<unknown>): Promise<number> {
    const before = performance.eventLoopUtilization();
    await work();
    return performance.eventLoopUtilization(before).active;
  }

  it('renders a lesson in a worker: the same HTML as in the host', async () => {
    const markdown = longest();
    const rendered = await renderInWorker(workerFile, markdown, { skills: [] });
    assert.equal(rendered.html, renderLesson(markdown, { skillIdForFolder: () => undefined }).html);
  });

  it('keeps the host ticking while markdown within the limits but slow to parse renders', async function () {
    this.timeout(60_000);
    // Blocks just under the block limit of unmatched emphasis and brackets: a fresh marked (as in a
    // new worker) takes seconds of CPU on them. (That a render in the host could not be stopped at
    // all is shown by the time-limit test below.)
    const size = LESSON_LIMITS.maxBlockChars - 100;
    const blocks = ['*a'.repeat(size / 2), '['.repeat(size), '<'.repeat(size), '*a'.repeat(size / 2), '['.repeat(size), '<'.repeat(size)];
    const markdown = blocks.join('\n\n');
    const expected = renderLesson(markdown, options);
    assert.equal(expected.refused, undefined, 'within the limits');
    let rendered: Awaited<ReturnType<typeof renderInWorker>> | undefined;
    const busy = await busyMs(async () => (rendered = await renderInWorker(workerFile, markdown, { skills: [] }, 30_000)));
    assert.equal(rendered?.html, expected.html);
    // The same measure sees a render in the host: the test would notice the worker gone. The host's
    // own share (starting the worker, taking its result) must stay a small fraction of that, and
    // short in absolute terms even when a loaded machine stretches every step.
    const inHost = await busyMs(async () => renderLesson(markdown, options));
    assert.ok(busy < inHost / 4, `in the host: ${inHost.toFixed(1)} ms busy, with the worker: ${busy.toFixed(1)} ms`);
    assert.ok(busy < 1_000, `the host was busy ${busy.toFixed(1)} ms`);
  });

  it('stops a render that runs past its time limit and shows the refusal page', async () => {
    // Any real lesson takes longer than 1 ms to start a worker and render; the host is not blocked meanwhile.
    let rendered: Awaited<ReturnType<typeof renderInWorker>> | undefined;
    const markdown = longest();
    const busy = await busyMs(async () => (rendered = await renderInWorker(workerFile, markdown, { skills: [] }, 1)));
    assert.equal(rendered?.refused?.kind, 'tooSlow');
    assert.match(rendered?.html ?? '', /class="bp-refused"/);
    assert.ok(busy < 500, `the host was busy ${busy.toFixed(1)} ms`);
  });

  it('refuses input beyond the limits without starting a worker', async () => {
    const rendered = await renderInWorker(join(__dirname, 'no-such-worker.js'), '> '.repeat(2_000), { skills: [] });
    assert.equal(rendered.refused?.kind, 'tooDeep');
  });
});
