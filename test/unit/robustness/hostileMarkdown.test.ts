import * as assert from 'node:assert/strict';
import type { Skill } from '../../../src/curriculum/types';
import type { PageLabels } from '../../../src/lessonPanel/pageHtml';
import { buildPageHtml, createNonce } from '../../../src/lessonPanel/pageHtml';
import { renderLesson } from '../../../src/lessons/renderLesson';
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
