import type { ExerciseLanguage } from '../curriculum/types';
import { escapeHtml } from '../lessons/escapeHtml';

/** The words of the hints on the exercise card, localised by the caller. */
export interface HintLabels {
  /** The hints list's accessible name: "Hints". */
  readonly hintsHeading: string;
  /** The reveal button: "Show hint {number} of {total}". */
  readonly showHint: string;
  /** Above each revealed hint: "Hint {number} of {total}". */
  readonly hintNumber: string;
  /** The concept hint's link to the lesson: "Revisit “{section}” in the lesson". */
  readonly hintRevisit: string;
  readonly passedWithoutHints: string;
  readonly passedWithOneHint: string;
  /** "Passed with {count} hints". */
  readonly passedWithHints: string;
  readonly oneHintUsed: string;
  /** "{count} hints used". */
  readonly hintsUsed: string;
  /** Above the hints while the learner has not chosen a stack: "Hints for the {stack} version". */
  readonly hintsForStack: string;
}

/** One hint as the card shows it: its HTML comes from the lesson renderer (raw HTML escaped). */
export interface CardHint {
  readonly id: string;
  readonly html: string;
  /** The lesson heading the concept hint sends the learner back to. */
  readonly section?: { readonly id: string; readonly title: string };
}

export interface HintCardModel {
  readonly skillId: string;
  readonly stack: ExerciseLanguage;
  readonly hints: readonly CardHint[];
  /** Ids revealed so far (stored in progress). */
  readonly revealed: readonly string[];
  /** Whether this stack's exercise has passed, for the status beside it. */
  readonly passed: boolean;
  /**
   * The stack's name, when the card has not settled on a stack (the learner has not chosen, and the
   * skill has two): the hints then say which version they are for, since they name its functions.
   */
  readonly unsettledStackName?: string;
}

/** "passed with 1 hint", "passed without hints", "2 hints used", or nothing before any of that. */
export function hintStatus(labels: HintLabels, passed: boolean, used: number): string {
  const fill = (template: string) => template.replace('{count}', String(used));
  if (passed) return used === 0 ? labels.passedWithoutHints : used === 1 ? labels.passedWithOneHint : fill(labels.passedWithHints);
  return used === 0 ? '' : used === 1 ? labels.oneHintUsed : fill(labels.hintsUsed);
}

/** How many of the exercise's hints are revealed: stored ids of hints it no longer has do not count. */
export function revealedCount(model: Pick<HintCardModel, 'hints' | 'revealed'>): number {
  return model.hints.filter((hint) => model.revealed.includes(hint.id)).length;
}

const number = (template: string, index: number, total: number) => template.replace('{number}', String(index + 1)).replace('{total}', String(total));

/**
 * The hints part of the exercise card: every hint is in the page, the unrevealed ones `hidden`, and
 * one button reveals the next, in order. The extension stores each reveal and answers with
 * `hintState`, which the page applies (also after a reset or a reveal from elsewhere).
 */
export function hintCardHtml(model: HintCardModel, labels: HintLabels): string {
  if (model.hints.length === 0) return '';
  const total = model.hints.length;
  const items = model.hints
    .map((hint, index) => {
      const shown = model.revealed.includes(hint.id);
      const section = hint.section
        ? `\n<p class="hint-section"><a href="#${escapeHtml(hint.section.id)}" data-anchor="${escapeHtml(hint.section.id)}">${escapeHtml(labels.hintRevisit.replace('{section}', hint.section.title))}</a></p>`
        : '';
      return `<li class="hint" id="bp-hint-${escapeHtml(hint.id)}" data-hint-id="${escapeHtml(hint.id)}" tabindex="-1"${shown ? '' : ' hidden'}>
<p class="hint-number">${escapeHtml(number(labels.hintNumber, index, total))}</p>
<div class="hint-text">${hint.html}</div>${section}
</li>`;
    })
    .join('\n');
  const next = model.hints.findIndex((hint) => !model.revealed.includes(hint.id));
  const button =
    next === -1
      ? `<vscode-button secondary id="bp-reveal-hint" data-action="revealHint" hidden>${escapeHtml(number(labels.showHint, total - 1, total))}</vscode-button>`
      : `<vscode-button secondary id="bp-reveal-hint" data-action="revealHint" data-hint-id="${escapeHtml(model.hints[next].id)}">${escapeHtml(number(labels.showHint, next, total))}</vscode-button>`;
  return `<div class="hints" id="bp-hints" data-skill="${escapeHtml(model.skillId)}" data-stack="${model.stack}" data-show-label="${escapeHtml(labels.showHint)}">
${model.unsettledStackName ? `<p class="hint-for">${escapeHtml(labels.hintsForStack.replace('{stack}', model.unsettledStackName))}</p>\n` : ''}<ol class="hint-list" aria-label="${escapeHtml(labels.hintsHeading)}">
${items}
</ol>
${button}
<p id="bp-hint-status" class="hint-status" role="status" aria-live="polite">${escapeHtml(hintStatus(labels, model.passed, revealedCount(model)))}</p>
</div>`;
}

/**
 * A hint's rendered Markdown made fit for the card: code keeps its highlighting but loses the
 * lesson's code toolbar (its Copy and Run buttons act on the lesson's blocks by index), and headings
 * lose their ids (the lesson's own headings own them).
 */
export function cardHintHtml(renderedHtml: string): string {
  return renderedHtml
    .replace(/<div class="code-toolbar">[\s\S]*?<\/div>\n?/g, '')
    .replace(/<div class="code-block" data-block="\d+">/g, '<div class="code-block hint-code">')
    .replace(/\n?<output class="code-run-output"[^<>]*><\/output>/g, '')
    .replace(/<(h[1-6]) id="[^"]*">/g, '<$1>')
    .replace(/<pre(?=[\s>])(?![^>]*tabindex)/g, '<pre tabindex="0"');
}
