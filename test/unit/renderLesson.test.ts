import * as assert from 'node:assert/strict';
import { renderLesson } from '../../src/lessons/renderLesson';
import { classifyLink } from '../../src/lessons/linkPolicy';

const options = { skillIdForFolder: (folder: string) => (folder === '02-request-response-cycle' ? 'request-response-cycle' : undefined) };
const render = (markdown: string) => renderLesson(markdown, options);

describe('lesson rendering', () => {
  it('escapes raw HTML instead of passing it through', () => {
    const { html } = render('Hello <script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n<div onclick="x()">hi</div>');
    assert.doesNotMatch(html, /<script/i);
    assert.doesNotMatch(html, /<img/i);
    assert.doesNotMatch(html, /<div onclick/i);
    assert.match(html, /&lt;script&gt;/);
  });

  it('drops javascript:, command: and data: links but keeps their text', () => {
    const { html } = render('[a](javascript:alert(1)) [b](command:workbench.action.terminal.new) [c](data:text/html,x) [d](http://example.com)');
    assert.doesNotMatch(html, /href="(javascript|command|data|http):/i);
    assert.match(html, /<span class="refused-link"[^>]*>a<\/span>/);
    assert.match(html, /<span class="refused-link"[^>]*>d<\/span>/);
  });

  it('turns lesson links into in-panel navigation and https links into checked external links', () => {
    const { html } = render('[next](../02-request-response-cycle/lesson.md#parsing) [rfc](https://www.rfc-editor.org/rfc/rfc9110) [gone](../99-nope/lesson.md)');
    assert.match(html, /<a href="#" data-lesson="request-response-cycle" data-anchor="parsing">next<\/a>/);
    assert.match(html, /<a href="https:\/\/www\.rfc-editor\.org\/rfc\/rfc9110" data-external="true">rfc/);
    assert.match(html, /<span class="refused-link">gone<\/span>/);
  });

  it('highlights code in the host and lists the blocks for Copy, Insert and Run', () => {
    const { html, codeBlocks } = render('```php\n$x = 1;\n```\n\n```bash\ncurl -i https://example.com\n```\n\n```output\n1\n```');
    assert.match(html, /<span class="hljs-variable">\$x<\/span>/);
    assert.equal(codeBlocks.length, 2, 'output blocks are not actionable code');
    assert.deepEqual(codeBlocks.map((block) => [block.language, block.runnableInTerminal]), [['php', false], ['bash', true]]);
    assert.match(html, /data-action="runInTerminal" data-block="1"/);
    assert.doesNotMatch(html, /data-action="runInTerminal" data-block="0"/);
  });

  it('offers no Run in terminal at all when told the workspace is untrusted', () => {
    const { html, codeBlocks } = renderLesson('```bash\nnpm test\n```', { ...options, offerRunInTerminal: false });
    assert.doesNotMatch(html, /runInTerminal/);
    assert.equal(codeBlocks[0].runnableInTerminal, false);
  });

  it('gives headings unique ids for anchors', () => {
    const { headings } = render('## Status codes\n\n## Status codes\n\n### 4xx & 5xx');
    assert.deepEqual(headings.map((heading) => heading.id), ['status-codes', 'status-codes-1', '4xx-5xx']);
  });

  it('classifies links by the policy', () => {
    assert.equal(classifyLink('https://nodejs.org/api/http.html').kind, 'external');
    assert.equal(classifyLink('https://user:pw@evil.example/').kind, 'refused');
    assert.equal(classifyLink('JaVaScRiPt:alert(1)').kind, 'refused');
    assert.equal(classifyLink('#objectives').kind, 'anchor');
    assert.equal(classifyLink('../01-http-fundamentals/lesson.md').kind, 'lesson');
  });
});
