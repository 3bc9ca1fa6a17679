import { escapeHtml } from './escapeHtml';
import { describeRefusal, type LessonRefusal } from './lessonLimits';

// The shapes the renderer produces, kept apart from it so the extension bundle can use them
// without pulling in marked and highlight.js.

/**
 * A fenced code block as the page offers it: Copy (and Insert, and Run where `run` says so) act on
 * it by index.
 * - `run: 'terminal'`: a `bash local` block, a command that works on the learner's own machine;
 * - `run: 'node'`: a `js run` block, a snippet the learner's Node can run with its output shown;
 * - other `bash` blocks are examples (`example: true`): Copy only, never run.
 */
export interface CodeBlock {
  readonly index: number;
  readonly language: string;
  readonly code: string;
  readonly run?: 'terminal' | 'node';
  readonly example?: boolean;
}

export interface LessonHeading {
  readonly depth: number;
  readonly text: string;
  /** Always starts with `h-`, so no heading can take an id the page itself uses. */
  readonly id: string;
}

export interface RenderedLesson {
  /**
   * The lesson as HTML. It does not depend on the locale or the workspace trust: button labels are
   * `data-label` placeholders that `localiseLessonHtml` fills, and it removes Run buttons when the
   * workspace is untrusted. So it can be rendered once, at build time.
   */
  readonly html: string;
  readonly codeBlocks: readonly CodeBlock[];
  readonly headings: readonly LessonHeading[];
  /** The rendered text (what a reader sees, without code), for search and excerpts. */
  readonly text: string;
  /** Set when the markdown was refused (too large, too deep); `html` then explains it. */
  readonly refused?: LessonRefusal;
}

export interface RenderOptions {
  /** Maps a lesson folder (`02-request-response-cycle`) to a skill id, or undefined if unknown. */
  readonly skillIdForFolder: (folder: string) => string | undefined;
  /** The title shown when hovering a link to another lesson (its skill's title). */
  readonly titleForFolder?: (folder: string) => string | undefined;
}

/** Prefix of every heading id: page elements use `bp-` ids, which headings can never produce. */
export const HEADING_ID_PREFIX = 'h-';

/** The page id of a lesson anchor (`#status-codes` → `h-status-codes`). */
export function headingId(anchor: string): string {
  return anchor.startsWith(HEADING_ID_PREFIX) ? anchor : `${HEADING_ID_PREFIX}${anchor}`;
}

/** The page shown instead of a lesson that was refused. */
export function refusedLesson(refusal: LessonRefusal): RenderedLesson {
  const html = `<div class="bp-refused" role="alert" data-refused="${refusal.kind}"><p data-label="refused"></p>
<p class="bp-refused-detail">${escapeHtml(describeRefusal(refusal))}</p></div>\n`;
  return { html, codeBlocks: [], headings: [], text: '', refused: refusal };
}

