// The renderer's rules on small inputs, each compared with the exact HTML or data it must give:
// heading ids, code block kinds and their buttons, every kind of link, images, raw HTML, the
// readable text, and the language lookup.
import * as assert from 'node:assert/strict';
import { escapeHtml } from '../../src/lessons/escapeHtml';
import { canonicalLanguage, highlightCode } from '../../src/lessons/highlight';
import { renderLesson, slugify } from '../../src/lessons/renderLesson';

const options = {
  skillIdForFolder: (folder: string) => (folder === '05-rest-basics' ? 'rest-basics' : undefined),
  titleForFolder: (folder: string) => (folder === '05-rest-basics' ? 'REST <Basics>' : undefined),
};
const render = (markdown: string) => renderLesson(markdown, options);
const inline = (markdown: string) => render(markdown).html.trim().replace(/^<p>|<\/p>$/g, '');

describe('renderer rules', () => {
  it('escapes the five HTML characters, and only those', () => {
    assert.equal(escapeHtml(`<a href="x" title='y'>&amp;</a> ok`), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt; ok');
  });

  it('gives headings ids from their text, unique per lesson, and lists them with their plain text', () => {
    assert.equal(slugify('Status <code>Codes</code> &amp; More!'), 'status-codes-more');
    assert.equal(slugify('  Two   words  '), 'two-words');
    const rendered = render('# Intro\n\n## Intro\n\n### Intro\n\n## A & `B`\n\n## !!!\n');
    assert.deepEqual(rendered.headings, [
      { depth: 1, text: 'Intro', id: 'h-intro' },
      { depth: 2, text: 'Intro', id: 'h-intro-1' },
      { depth: 3, text: 'Intro', id: 'h-intro-2' },
      { depth: 2, text: 'A & B', id: 'h-a-b' },
      { depth: 2, text: '!!!', id: 'h-section' },
    ]);
    assert.match(rendered.html, /<h3 id="h-intro-2">Intro<\/h3>/);
    assert.match(rendered.html, /<h2 id="h-a-b">A &amp; <code>B<\/code><\/h2>/);
  });

  it('shows output blocks as plain escaped text, outside the list of code blocks', () => {
    for (const fence of ['```', '```text', '```output', '```plaintext', '```TEXT']) {
      const rendered = render(`${fence}\n<b>42</b>\n\`\`\``);
      assert.equal(rendered.html, '<pre class="output"><code>&lt;b&gt;42&lt;/b&gt;</code></pre>\n', fence);
      assert.deepEqual(rendered.codeBlocks, [], fence);
    }
  });

  it('decides what a block may do from its fence: `bash local`, `js run`, other bash an example', () => {
    const rendered = render(['```bash local', 'ls', '```', '```sh local', 'pwd', '```', '```js run', 'console.log(1)', '```', '```javascript local', 'x', '```', '```bash run', 'y', '```', '```php', 'z', '```'].join('\n'));
    assert.deepEqual(rendered.codeBlocks, [
      { index: 0, language: 'bash', code: 'ls', run: 'terminal' },
      { index: 1, language: 'bash', code: 'pwd', run: 'terminal' },
      { index: 2, language: 'javascript', code: 'console.log(1)', run: 'node' },
      { index: 3, language: 'javascript', code: 'x' },
      { index: 4, language: 'bash', code: 'y', example: true },
      { index: 5, language: 'php', code: 'z' },
    ]);
    const actions = (index: number) => {
      const start = rendered.html.indexOf(`<div class="code-block" data-block="${index}">`);
      const html = rendered.html.slice(start, rendered.html.indexOf('</pre>', start));
      return [...html.matchAll(/data-action="(\w+)"/g)].map((match) => match[1]);
    };
    assert.deepEqual(actions(0), ['copyCode', 'insertCode', 'runInTerminal']);
    assert.deepEqual(actions(2), ['copyCode', 'insertCode', 'runNode']);
    assert.deepEqual(actions(4), ['copyCode'], 'an example is only copied');
    assert.deepEqual(actions(5), ['copyCode', 'insertCode']);
    assert.match(rendered.html, /<span class="code-language">bash<\/span><span class="code-example" data-label="example"><\/span>/);
    assert.equal(rendered.html.match(/<output class="code-run-output" data-block="2" hidden><\/output>/g)?.length, 1);
    assert.equal(rendered.html.match(/<output/g)?.length, 1, 'only the Node block has an output box');
    assert.match(rendered.html, /<pre><code class="hljs language-php">z<\/code><\/pre>/);
  });

  it('renders each kind of link as the policy decides', () => {
    assert.equal(inline('[a](#a.b)'), '<span class="refused-link" title="Link removed: not an absolute URL">a</span>', 'an anchor is letters, digits, - and _');
    assert.equal(inline('[a](#status "T")'), '<a href="#h-status" data-anchor="h-status" title="T">a</a>');
    assert.equal(inline('[a](#h-status)'), '<a href="#h-status" data-anchor="h-status">a</a>');
    assert.equal(inline('[a](../05-rest-basics/lesson.md#verbs)'), '<a href="#" data-lesson="rest-basics" data-anchor="h-verbs" title="REST &lt;Basics&gt;">a</a>');
    assert.equal(inline('[a](../05-rest-basics/lesson.md "Mine")'), '<a href="#" data-lesson="rest-basics" title="Mine">a</a>');
    assert.equal(inline('[a](../09-unknown/lesson.md)'), '<span class="refused-link">a</span>');
    assert.equal(
      renderLesson('[a](../05-rest-basics/lesson.md)', { skillIdForFolder: options.skillIdForFolder }).html.trim(),
      '<p><a href="#" data-lesson="rest-basics">a</a></p>',
      'no title when the lesson has none',
    );
    assert.equal(inline('[a](https://x.org/p "T")'), '<a href="https://x.org/p" data-external="true" title="T">a<span class="external-mark" aria-hidden="true">↗</span></a>');
    assert.equal(inline('[a](http://x.org/)'), '<span class="refused-link" title="Link removed: the http: scheme is not allowed">a</span>');
  });

  it('shows an image as its alt text and loads nothing; raw HTML is shown as text', () => {
    assert.equal(inline('![a <b> chart](https://x.org/c.png)'), '<span class="image-alt">a &lt;b&gt; chart</span>');
    assert.equal(render('<div onclick="x()">hi</div>').html, '&lt;div onclick=&quot;x()&quot;&gt;hi&lt;/div&gt;');
  });

  it('keeps the text a reader sees: no code, no toolbars, no link marks, one line per block', () => {
    const rendered = render('# T\n\nHello **world** [link](https://x.org/) &amp; <i>x</i>.\n\n```js\ncode()\n```\n\n- a\n- b\n\n| h |\n|---|\n| c |\n');
    assert.equal(rendered.text, 'T\nHello world link & <i>x</i>.\na\nb\nh\nc');
    assert.equal(render('He said "hi",  it\'s   <b>fine</b>.').text, 'He said "hi", it\'s <b>fine</b>.');
    assert.match(rendered.html, /<div class="bp-table-scroll"><table>/);
  });

  it('refuses markdown beyond the limits with a page that says why', () => {
    const rendered = render(`${'> '.repeat(20)}deep`);
    assert.equal(rendered.refused?.kind, 'tooDeep');
    assert.deepEqual([rendered.codeBlocks, rendered.headings, rendered.text], [[], [], '']);
    assert.equal(rendered.html, '<div class="bp-refused" role="alert" data-refused="tooDeep"><p data-label="refused"></p>\n<p class="bp-refused-detail">line 1 nests 20 levels deep; the limit is 12</p></div>\n');
  });

  it('looks languages up by alias, case-insensitively, and escapes code in languages it does not know', () => {
    const aliases: [string, string][] = [['js', 'javascript'], ['MJS', 'javascript'], ['ts', 'typescript'], ['sh', 'bash'], ['shell', 'bash'], ['console', 'bash'], ['htaccess', 'apache'], ['yml', 'yaml'], ['env', 'ini'], ['PHP', 'php'], ['rust', 'rust']];
    for (const [alias, language] of aliases) assert.equal(canonicalLanguage(alias), language, alias);
    assert.equal(highlightCode('<x> & y', 'rust'), '&lt;x&gt; &amp; y');
    assert.equal(highlightCode('<x>', '__proto__'), '&lt;x&gt;');
    // A snippet with something the grammar calls illegal (an example cut short) is still highlighted.
    assert.equal(highlightCode('{"a": 1} @', 'json'), '<span class="hljs-punctuation">{</span><span class="hljs-attr">&quot;a&quot;</span><span class="hljs-punctuation">:</span> <span class="hljs-number">1</span><span class="hljs-punctuation">}</span> @');
    assert.equal(highlightCode('const a = 1;', 'JS'), '<span class="hljs-keyword">const</span> a = <span class="hljs-number">1</span>;');
    for (const language of ['apache', 'bash', 'http', 'ini', 'json', 'php', 'sql', 'typescript', 'yaml']) {
      assert.match(highlightCode(language === 'php' ? '<?php echo 1;' : 'true', language), /hljs-|true/, language);
    }
  });
});
