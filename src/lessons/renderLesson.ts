import { Marked, Renderer, type Tokens } from 'marked';
import { escapeHtml } from './escapeHtml';
import { canonicalLanguage, highlightCode } from './highlight';
import { checkLessonLimits } from './lessonLimits';
import { classifyLink } from './linkPolicy';
import { HEADING_ID_PREFIX, headingId, refusedLesson, type CodeBlock, type LessonHeading, type RenderedLesson, type RenderOptions } from './renderedLesson';

export type { CodeBlock, LessonHeading, RenderedLesson, RenderOptions } from './renderedLesson';

/** Blocks that show a program's output are not code to copy, insert or run. */
const OUTPUT_LANGUAGES: ReadonlySet<string> = new Set(['output', 'text', 'plaintext']);

export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/<[^>]*>/g, '')
    .replace(/&[a-z#0-9]+;/g, '')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .replace(/\s+/g, '-');
}

/** What a fence's info string asks for: `bash local`, `js run`. */
function runMode(language: string, flags: readonly string[]): CodeBlock['run'] {
  if (language === 'bash' && flags.includes('local')) return 'terminal';
  if (language === 'javascript' && flags.includes('run')) return 'node';
  return undefined;
}

function stripTags(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/**
 * The text a reader sees: tags stripped, code and its toolbars left out (search matches prose, and
 * the lesson HTML cannot contain a raw `<pre` or `<div` of its own, so these patterns are ours).
 */
function readableText(html: string): string {
  const withoutCode = html
    .replace(/<div class="code-toolbar">[\s\S]*?<\/div>/g, ' ')
    .replace(/<pre[\s>][\s\S]*?<\/pre>/g, ' ')
    .replace(/<span class="external-mark"[^>]*>↗<\/span>/g, '');
  return stripTags(withoutCode.replace(/<\/(p|h\d|li|td|th|tr|blockquote|div)>/g, '$&\n'))
    .replace(/[ \t]+/g, ' ')
    .replace(/\s*\n\s*/g, '\n')
    .trim();
}

/**
 * Renders lesson markdown to HTML. Raw HTML is escaped (never passed through), links are filtered
 * by the link policy, and code is highlighted here so the page needs no highlighting script.
 * Markdown beyond LESSON_LIMITS is refused before marked sees it.
 */
export function renderLesson(markdown: string, options: RenderOptions): RenderedLesson {
  const refusal = checkLessonLimits(markdown);
  if (refusal) return refusedLesson(refusal);

  const codeBlocks: CodeBlock[] = [];
  const headings: LessonHeading[] = [];
  const usedIds = new Map<string, number>();

  const marked = new Marked({ gfm: true, async: false });
  marked.use({
    renderer: {
      html({ text }: Tokens.HTML | Tokens.Tag): string {
        return escapeHtml(text);
      },
      heading({ tokens, depth }: Tokens.Heading): string {
        const inner = this.parser.parseInline(tokens);
        const base = `${HEADING_ID_PREFIX}${slugify(inner) || 'section'}`;
        const seen = usedIds.get(base) ?? 0;
        usedIds.set(base, seen + 1);
        const id = seen === 0 ? base : `${base}-${seen}`;
        const text = stripTags(inner);
        headings.push({ depth, text, id });
        return `<h${depth} id="${id}">${inner}</h${depth}>\n`;
      },
      table(token: Tokens.Table): string {
        // Narrow editors: the table scrolls inside its own box instead of widening the page.
        return `<div class="bp-table-scroll">${Renderer.prototype.table.call(this, token)}</div>\n`;
      },
      code({ text, lang }: Tokens.Code): string {
        const [rawLanguage = '', ...flags] = (lang ?? '').trim().split(/\s+/);
        const language = canonicalLanguage(rawLanguage);
        if (OUTPUT_LANGUAGES.has(language) || language === '') {
          return `<pre class="output"><code>${escapeHtml(text)}</code></pre>\n`;
        }
        const run = runMode(language, flags);
        const block: CodeBlock = {
          index: codeBlocks.length,
          language,
          code: text,
          ...(run ? { run } : {}),
          ...(language === 'bash' && !run ? { example: true } : {}),
        };
        codeBlocks.push(block);
        return codeBlockHtml(block);
      },
      link({ href, title, tokens }: Tokens.Link): string {
        const inner = this.parser.parseInline(tokens);
        const titleAttribute = title ? ` title="${escapeHtml(title)}"` : '';
        const target = classifyLink(href);
        switch (target.kind) {
          case 'anchor': {
            const id = escapeHtml(headingId(target.anchor));
            return `<a href="#${id}" data-anchor="${id}"${titleAttribute}>${inner}</a>`;
          }
          case 'lesson': {
            const skillId = options.skillIdForFolder(target.folder);
            if (!skillId) return `<span class="refused-link">${inner}</span>`;
            const anchor = target.anchor ? ` data-anchor="${escapeHtml(headingId(target.anchor))}"` : '';
            const lessonTitle = options.titleForFolder?.(target.folder);
            // Without a title the hover showed the placeholder href ("#").
            const hover = titleAttribute || (lessonTitle ? ` title="${escapeHtml(lessonTitle)}"` : '');
            return `<a href="#" data-lesson="${escapeHtml(skillId)}"${anchor}${hover}>${inner}</a>`;
          }
          case 'external':
            return `<a href="${escapeHtml(target.url)}" data-external="true"${titleAttribute}>${inner}<span class="external-mark" aria-hidden="true">↗</span></a>`;
          case 'refused':
            return `<span class="refused-link" title="${escapeHtml(`Link removed: ${target.reason}`)}">${inner}</span>`;
        }
      },
      image({ text }: Tokens.Image): string {
        // Lessons carry no remote images; alt text keeps the meaning without loading anything.
        return `<span class="image-alt">${escapeHtml(text)}</span>`;
      },
    },
  });

  const html = marked.parse(markdown, { async: false });
  return { html, codeBlocks, headings, text: readableText(html) };
}

function codeBlockHtml(block: CodeBlock): string {
  const label = escapeHtml(block.language);
  const index = block.index;
  const buttons = [`<vscode-button secondary data-action="copyCode" data-block="${index}" data-label="copy"></vscode-button>`];
  if (!block.example) buttons.push(`<vscode-button secondary data-action="insertCode" data-block="${index}" data-label="insert"></vscode-button>`);
  if (block.run === 'terminal') buttons.push(`<vscode-button secondary data-action="runInTerminal" data-block="${index}" data-label="run" data-run="terminal"></vscode-button>`);
  if (block.run === 'node') buttons.push(`<vscode-button secondary data-action="runNode" data-block="${index}" data-label="runNode" data-run="node"></vscode-button>`);
  const example = block.example ? `<span class="code-example" data-label="example"></span>` : '';
  const output = block.run === 'node' ? `\n<output class="code-run-output" data-block="${index}" hidden></output>` : '';
  return `<div class="code-block" data-block="${index}">
<div class="code-toolbar"><span class="code-language">${label}</span>${example}
${buttons.join('\n')}</div>
<pre><code class="hljs language-${label}">${highlightCode(block.code, block.language)}</code></pre>${output}
</div>
`;
}
