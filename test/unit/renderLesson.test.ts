import * as assert from 'node:assert/strict';
import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseCatalog } from '../../src/curriculum/parseCatalog';
import { ENGLISH_CODE_LABELS, localiseLessonHtml, type CodeLabels } from '../../src/lessons/localiseLessonHtml';
import { classifyLink } from '../../src/lessons/linkPolicy';
import { parsePrerenderedLesson, parseSearchIndex, prerenderedPath, SEARCH_INDEX_PATH, serialisePrerenderedLesson } from '../../src/lessons/prerendered';
import { catalogLinkOptions, prerenderLessons } from '../../src/lessons/prerenderLessons';
import { renderLesson } from '../../src/lessons/renderLesson';
import { readRepoFile, REPO_ROOT } from './helpers';

const options = {
  skillIdForFolder: (folder: string) => (folder === '02-request-response-cycle' ? 'request-response-cycle' : undefined),
  titleForFolder: (folder: string) => (folder === '02-request-response-cycle' ? 'The Request–Response Cycle' : undefined),
};
const render = (markdown: string) => renderLesson(markdown, options);
const ids = (html: string) => [...html.matchAll(/\sid="([^"]*)"/g)].map((match) => match[1]);

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

  it('turns lesson links into in-panel navigation (titled with the lesson, anchors prefixed) and https links into checked external links', () => {
    const { html } = render('[next](../02-request-response-cycle/lesson.md#parsing) [rfc](https://www.rfc-editor.org/rfc/rfc9110) [gone](../99-nope/lesson.md)');
    assert.match(html, /<a href="#" data-lesson="request-response-cycle" data-anchor="h-parsing" title="The Request–Response Cycle">next<\/a>/);
    assert.match(html, /<a href="https:\/\/www\.rfc-editor\.org\/rfc\/rfc9110" data-external="true">rfc/);
    assert.match(html, /<span class="refused-link">gone<\/span>/);
    assert.doesNotMatch(html, /title="#"/, 'a lesson link hovers with its lesson, not the placeholder href');
  });

  it('keeps a title the markdown gives a lesson link', () => {
    const { html } = render('[next](../02-request-response-cycle/lesson.md "Read this next")');
    assert.match(html, /data-lesson="request-response-cycle" title="Read this next">next</);
  });

  it('highlights code and lists the actionable blocks; output blocks are not code', () => {
    const { html, codeBlocks } = render('```php\n$x = 1;\n```\n\n```output\n1\n```');
    assert.match(html, /<span class="hljs-variable">\$x<\/span>/);
    assert.deepEqual(codeBlocks.map((block) => block.language), ['php']);
  });

  it('follows the run contract: `bash local` runs in the terminal, `js run` with Node, other bash is an example', () => {
    const { html, codeBlocks } = render(
      '```bash local\ncurl -i http://127.0.0.1:3000/\n```\n\n```bash\ncurl https://api.example/\n```\n\n```js run\nconsole.log(1 + 1);\n```\n\n```js\nexport {};\n```\n\n```php run\necho 1;\n```',
    );
    assert.deepEqual(
      codeBlocks.map((block) => [block.language, block.run ?? null, block.example ?? false]),
      [['bash', 'terminal', false], ['bash', null, true], ['javascript', 'node', false], ['javascript', null, false], ['php', null, false]],
    );
    assert.match(html, /data-action="runInTerminal" data-block="0"/);
    assert.doesNotMatch(html, /data-action="runInTerminal" data-block="[1-4]"/);
    assert.match(html, /data-action="runNode" data-block="2"/);
    assert.doesNotMatch(html, /data-action="runNode" data-block="[0134]"/);
    assert.match(html, /<output class="code-run-output" data-block="2" hidden><\/output>/);
    // An example offers only Copy, and says it is an example.
    const example = /<div class="code-block" data-block="1">[\s\S]*?<\/div>/.exec(html)?.[0] ?? '';
    assert.match(example, /data-label="example"/);
    assert.match(example, /data-action="copyCode"/);
    assert.doesNotMatch(example, /data-action="(insertCode|runInTerminal|runNode)"/);
  });

  it('renders the same HTML whatever the locale or trust: labels are placeholders', () => {
    const { html } = render('```bash local\nnpm test\n```');
    assert.doesNotMatch(html, /Copy|Insert|Run in terminal/);
    assert.match(html, /<vscode-button secondary data-action="copyCode" data-block="0" data-label="copy"><\/vscode-button>/);
  });

  it('gives headings unique ids that start with h-, so `## Quiz` cannot take the page\'s ids', () => {
    const { html, headings } = render('## Status codes\n\n## Status codes\n\n### 4xx & 5xx\n\n## Quiz\n\n## Exercise\n\n## bp-lesson');
    assert.deepEqual(headings.map((heading) => heading.id), ['h-status-codes', 'h-status-codes-1', 'h-4xx-5xx', 'h-quiz', 'h-exercise', 'h-bp-lesson']);
    for (const id of ids(html)) assert.ok(id.startsWith('h-'), id);
    const anchors = render('[see](#status-codes)').html;
    assert.match(anchors, /<a href="#h-status-codes" data-anchor="h-status-codes">see<\/a>/);
  });

  it('wraps tables in a scroll box for narrow editors', () => {
    const { html } = render('| a | b |\n|---|---|\n| 1 | 2 |');
    assert.match(html, /^<div class="bp-table-scroll"><table>[\s\S]*<\/table>\n?<\/div>/);
  });

  it('keeps the readable text for search: no markup, no link paths, no code', () => {
    const { text } = render('# Title\n\nSee [the OWASP lesson](../17-owasp-top-10/lesson.md) and **bold** words.\n\n- a list item\n\n```js\nconst secret = 1;\n```\n\n| cell |\n|---|\n| in a table |');
    assert.match(text, /^Title\nSee the OWASP lesson and bold words\.\na list item\ncell\nin a table$/);
    assert.doesNotMatch(text, /lesson\.md|secret|\*\*/);
  });

  it('renders fences tagged with Object.prototype names as plain code instead of crashing', () => {
    for (const tag of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'prototype', 'isPrototypeOf']) {
      const { html, codeBlocks } = render(`\`\`\`${tag}\nlet a = 1 < 2;\n\`\`\``);
      assert.equal(codeBlocks[0].language, tag.toLowerCase());
      assert.match(html, /<pre><code class="hljs language-[\w]+">let a = 1 &lt; 2;<\/code><\/pre>/, tag);
    }
  });

  it('classifies links by the policy', () => {
    assert.equal(classifyLink('https://nodejs.org/api/http.html').kind, 'external');
    assert.equal(classifyLink('https://user:pw@evil.example/').kind, 'refused');
    assert.equal(classifyLink('JaVaScRiPt:alert(1)').kind, 'refused');
    assert.equal(classifyLink('#objectives').kind, 'anchor');
    assert.equal(classifyLink('../01-http-fundamentals/lesson.md').kind, 'lesson');
  });
});

describe('localising the rendered lesson', () => {
  const markdown = '```bash local\nnpm test\n```\n\n```bash\ncurl https://api.example/\n```\n\n```js run\nconsole.log(1);\n```';
  const labels: CodeLabels = { copy: 'Kopieren', insert: 'Einfügen', run: 'Im Terminal', runNode: 'Ausführen', example: 'Beispiel <b>', refused: 'Nein' };

  it('fills every label placeholder in the learner\'s language, escaped', () => {
    const html = localiseLessonHtml(render(markdown).html, labels, { trusted: true });
    assert.match(html, /data-action="copyCode" data-block="0" data-label="copy">Kopieren<\/vscode-button>/);
    assert.match(html, /data-action="insertCode" data-block="0" data-label="insert">Einfügen</);
    assert.match(html, /data-action="runInTerminal" data-block="0" data-label="run" data-run="terminal">Im Terminal</);
    assert.match(html, /data-action="runNode" data-block="2" data-label="runNode" data-run="node">Ausführen</);
    assert.match(html, /<span class="code-example" data-label="example">Beispiel &lt;b&gt;<\/span>/);
    assert.doesNotMatch(html, /data-label="\w+"><\//, 'no placeholder left empty');
  });

  it('removes every Run button (terminal and Node) and the output box in an untrusted workspace, and keeps Copy', () => {
    const html = localiseLessonHtml(render(markdown).html, ENGLISH_CODE_LABELS, { trusted: false });
    assert.doesNotMatch(html, /runInTerminal|runNode|data-run=|code-run-output/);
    assert.equal(html.match(/data-action="copyCode"/g)?.length, 3);
  });

  it('leaves lesson text that merely looks like a placeholder alone', () => {
    const html = localiseLessonHtml(render('A <span data-label="copy"></span> and data-label="run" in text').html, labels, { trusted: false });
    assert.doesNotMatch(html, /Kopieren|Im Terminal/);
  });
});

describe('build-time lesson rendering', () => {
  const catalog = parseCatalog(readRepoFile('lessons/curriculum.json'));
  const read = (folder: string) => {
    const path = join(REPO_ROOT, 'lessons', folder, 'lesson.md');
    return existsSync(path) ? readRepoFile(`lessons/${folder}/lesson.md`) : undefined;
  };

  it('renders every lesson to the same HTML the run-time renderer gives, plus a search index', () => {
    const { files, problems } = prerenderLessons(catalog, read);
    assert.deepEqual(problems, []);
    const written = catalog.skills.filter((skill) => read(skill.folder) !== undefined);
    assert.ok(written.length > 0);
    for (const skill of written) {
      const stored = parsePrerenderedLesson(files.get(prerenderedPath(skill.id)) ?? '');
      const live = renderLesson(read(skill.folder) ?? '', catalogLinkOptions(catalog));
      assert.equal(stored?.html, live.html, skill.id);
      assert.deepEqual(stored?.codeBlocks, live.codeBlocks, skill.id);
    }
    const index = parseSearchIndex(files.get(SEARCH_INDEX_PATH) ?? '');
    assert.equal(index?.size, written.length);
    for (const document of index?.values() ?? []) assert.doesNotMatch(document.text, /\.\.\/\d{2}-[a-z0-9-]+\/lesson\.md/);
  });

  it('fails the build for a lesson beyond the limits instead of shipping a refusal page', () => {
    const { problems } = prerenderLessons({ ...catalog, skills: catalog.skills.slice(0, 1) }, () => '> '.repeat(2000));
    assert.equal(problems.length, 1);
    assert.match(problems[0], /lessons\/01-http-fundamentals\/lesson\.md: line 1 nests 2000 levels deep/);
  });

  it('reads back only files of its own format', () => {
    const good = serialisePrerenderedLesson(render('# A'));
    assert.equal(parsePrerenderedLesson(good)?.headings[0].id, 'h-a');
    assert.equal(parsePrerenderedLesson(good.replace('"format":1', '"format":2')), undefined);
    assert.equal(parsePrerenderedLesson('{"format":1,"html":"x","codeBlocks":[{"index":3}],"headings":[]}'), undefined);
    assert.equal(parsePrerenderedLesson('not json'), undefined);
  });

  it('the repository has no lesson folder the catalog does not know (nothing is silently left unrendered)', () => {
    const folders = readdirSync(join(REPO_ROOT, 'lessons')).filter((name) => /^\d{2}-/.test(name));
    for (const folder of folders) assert.ok(catalog.skills.some((skill) => skill.folder === folder), folder);
  });
});
