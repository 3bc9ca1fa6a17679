import { escapeHtml } from './escapeHtml';

/** The words the rendered lesson leaves as `data-label` placeholders. */
export interface CodeLabels {
  readonly copy: string;
  readonly insert: string;
  /** Run in terminal (`bash local` blocks). */
  readonly run: string;
  /** Run with Node (`js run` blocks). */
  readonly runNode: string;
  /** Marks a shell block that is an example, not a command for the learner's machine. */
  readonly example: string;
  /** The first line of the page shown for a refused lesson. */
  readonly refused: string;
}

export const ENGLISH_CODE_LABELS: CodeLabels = {
  copy: 'Copy',
  insert: 'Insert into editor',
  run: 'Run in terminal',
  runNode: 'Run',
  example: 'Example',
  refused: 'This lesson cannot be shown: its text is beyond what the lesson viewer renders safely.',
};

// Lesson text cannot produce these tags (the renderer escapes every `<` in content), so a match is
// always markup the renderer wrote.
const PLACEHOLDER = /<(vscode-button|span|p)( [^<>]*?)? data-label="(\w+)"([^<>]*)><\/\1>/g;
const RUN_BUTTON = /<vscode-button [^<>]*data-run="(?:terminal|node)"[^<>]*><\/vscode-button>\n?/g;
const RUN_OUTPUT = /\n?<output class="code-run-output"[^<>]*><\/output>/g;

/**
 * Fills the rendered lesson's label placeholders in the learner's language and, in an untrusted
 * workspace, removes every Run button (the extension refuses those actions anyway). One pass of two
 * regular expressions over the HTML: cheap enough for every open.
 */
export function localiseLessonHtml(html: string, labels: CodeLabels, options: { readonly trusted: boolean }): string {
  const gated = options.trusted ? html : html.replace(RUN_BUTTON, '').replace(RUN_OUTPUT, '');
  return gated.replace(PLACEHOLDER, (match, tag: string, before: string | undefined, key: string, after: string) => {
    const label = Object.hasOwn(labels, key) ? labels[key as keyof CodeLabels] : undefined;
    if (label === undefined) return match;
    return `<${tag}${before ?? ''} data-label="${key}"${after}>${escapeHtml(label)}</${tag}>`;
  });
}
