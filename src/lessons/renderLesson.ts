import { Marked, type Tokens } from 'marked';
import { escapeHtml } from './escapeHtml';
import { canonicalLanguage, highlightCode } from './highlight';
import { classifyLink } from './linkPolicy';

/** A fenced code block as the page offers it: Copy, Insert and (for shell) Run act on it by index. */
export interface CodeBlock {
  readonly index: number;
  readonly language: string;
  readonly code: string;
  readonly runnableInTerminal: boolean;
}

export interface RenderedLesson {
  readonly html: string;
  readonly codeBlocks: readonly CodeBlock[];
  readonly headings: readonly { readonly depth: number; readonly text: string; readonly id: string }[];
}

export interface RenderOptions {
  /** Maps a lesson folder (`02-request-response-cycle`) to a skill id, or undefined if unknown. */
  readonly skillIdForFolder: (folder: string) => string | undefined;
  /** Localised labels of the code-block buttons. */
  readonly codeLabels?: CodeLabels;
  /** False in an untrusted workspace: then no block offers Run in terminal at all. */
  readonly offerRunInTerminal?: boolean;
}

export interface CodeLabels {
  readonly copy: string;
  readonly insert: string;
  readonly run: string;
}

const ENGLISH_CODE_LABELS: CodeLabels = { copy: 'Copy', insert: 'Insert into editor', run: 'Run in terminal' };

const SHELL_LANGUAGES = new Set(['bash']);
/** Blocks that show a program's output are not code to copy, insert or run. */
const OUTPUT_LANGUAGES = new Set(['output', 'text', 'plaintext']);

export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/<[^>]*>/g, '')
    .replace(/&[a-z#0-9]+;/g, '')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .replace(/\s+/g, '-');
}

/**
 * Renders lesson markdown to HTML in the extension host. Raw HTML is escaped (never passed
 * through), links are filtered by the link policy, and code is highlighted here so the page
 * needs no highlighting script.
 */
export function renderLesson(markdown: string, options: RenderOptions): RenderedLesson {
  const codeBlocks: CodeBlock[] = [];
  const headings: { depth: number; text: string; id: string }[] = [];
  const usedIds = new Map<string, number>();

  const marked = new Marked({ gfm: true, async: false });
  marked.use({
    renderer: {
      html({ text }: Tokens.HTML | Tokens.Tag): string {
        return escapeHtml(text);
      },
      heading({ tokens, depth }: Tokens.Heading): string {
        const inner = this.parser.parseInline(tokens);
        const base = slugify(inner) || 'section';
        const seen = usedIds.get(base) ?? 0;
        usedIds.set(base, seen + 1);
        const id = seen === 0 ? base : `${base}-${seen}`;
        headings.push({ depth, text: inner.replace(/<[^>]*>/g, ''), id });
        return `<h${depth} id="${id}">${inner}</h${depth}>\n`;
      },
      code({ text, lang }: Tokens.Code): string {
        const [rawLanguage = ''] = (lang ?? '').trim().split(/\s+/);
        const language = canonicalLanguage(rawLanguage);
        if (OUTPUT_LANGUAGES.has(language) || language === '') {
          return `<pre class="output"><code>${escapeHtml(text)}</code></pre>\n`;
        }
        const block: CodeBlock = {
          index: codeBlocks.length,
          language,
          code: text,
          runnableInTerminal: SHELL_LANGUAGES.has(language) && options.offerRunInTerminal !== false,
        };
        codeBlocks.push(block);
        return codeBlockHtml(block, options.codeLabels ?? ENGLISH_CODE_LABELS);
      },
      link({ href, title, tokens }: Tokens.Link): string {
        const inner = this.parser.parseInline(tokens);
        const titleAttribute = title ? ` title="${escapeHtml(title)}"` : '';
        const target = classifyLink(href);
        switch (target.kind) {
          case 'anchor':
            return `<a href="#${escapeHtml(target.anchor)}" data-anchor="${escapeHtml(target.anchor)}"${titleAttribute}>${inner}</a>`;
          case 'lesson': {
            const skillId = options.skillIdForFolder(target.folder);
            if (!skillId) return `<span class="refused-link">${inner}</span>`;
            const anchor = target.anchor ? ` data-anchor="${escapeHtml(target.anchor)}"` : '';
            return `<a href="#" data-lesson="${escapeHtml(skillId)}"${anchor}${titleAttribute}>${inner}</a>`;
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
  return { html, codeBlocks, headings };
}

function codeBlockHtml(block: CodeBlock, labels: CodeLabels): string {
  const label = escapeHtml(block.language);
  const runButton = block.runnableInTerminal
    ? `<vscode-button secondary data-action="runInTerminal" data-block="${block.index}">${escapeHtml(labels.run)}</vscode-button>`
    : '';
  return `<div class="code-block" data-block="${block.index}">
<div class="code-toolbar"><span class="code-language">${label}</span>
<vscode-button secondary data-action="copyCode" data-block="${block.index}">${escapeHtml(labels.copy)}</vscode-button>
<vscode-button secondary data-action="insertCode" data-block="${block.index}">${escapeHtml(labels.insert)}</vscode-button>${runButton}</div>
<pre><code class="hljs language-${label}">${highlightCode(block.code, block.language)}</code></pre>
</div>
`;
}
