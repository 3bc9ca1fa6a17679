import { skillLabel } from '../curriculum/types';
import { escapeHtml } from '../lessons/escapeHtml';
import type { WebviewResources } from '../lessonPanel/pageHtml';
import { fill, inlineText, webviewDocument } from './pageShell';
import type { ReviewView } from './reviewSession';

export interface ReviewLabels {
  readonly title: string;
  /** "Question {position} of {total}" */
  readonly progress: string;
  readonly revisit: string;
  readonly revisitLesson: string;
  readonly next: string;
  readonly finish: string;
  readonly right: string;
  readonly wrong: string;
  readonly correctAnswer: string;
  readonly nothingDue: string;
  readonly summaryHeading: string;
  /** "{reviewed} reviewed, {right} right" */
  readonly summary: string;
  /** "Next review due {date}" */
  readonly nextDue: string;
  readonly showPath: string;
}

export const ENGLISH_REVIEW_LABELS: ReviewLabels = {
  title: 'Review',
  progress: 'Question {position} of {total}',
  revisit: 'Revisit: {section}',
  revisitLesson: 'Revisit the lesson',
  next: 'Next question',
  finish: 'See the summary',
  right: '✓ Right.',
  wrong: '✗ Not quite.',
  correctAnswer: 'The right answer: {answer}',
  nothingDue: 'Nothing is due. Questions you answer in lesson quizzes come back here when it is time to recall them.',
  summaryHeading: 'Review done',
  summary: '{reviewed} reviewed, {right} right.',
  nextDue: 'Next review due {date}.',
  showPath: 'Show my path',
};

/** The review page for the current view: one question, or the summary at the end. */
export function buildReviewPageHtml(view: ReviewView, labels: ReviewLabels, resources: WebviewResources, nonce: string, formatDate: (iso: string) => string): string {
  const body = view.kind === 'question' ? questionHtml(view, labels) : summaryHtml(view, labels, formatDate);
  return webviewDocument({ title: labels.title, body, script: 'dist/review.js', styles: ['media/lesson.css', 'media/review.css'], resources, nonce });
}

function questionHtml(view: Extract<ReviewView, { kind: 'question' }>, labels: ReviewLabels): string {
  const { item } = view;
  const choices = item.order
    .map((fileIndex, position) => {
      const text = item.question.choices[fileIndex] ?? '';
      return `<li><button type="button" class="bp-choice" data-choice="${position}">${inlineText(text)}</button></li>`;
    })
    .join('\n');
  const revisit = item.section
    ? fill(labels.revisit, { section: item.section.text })
    : labels.revisitLesson;
  const anchor = item.section ? ` data-anchor="${escapeHtml(item.section.id)}"` : '';
  return `<main class="bp-review" id="bp-review" data-token="${view.token}" data-last="${view.position === view.total}">
<header class="lesson-header">
<p class="eyebrow">${escapeHtml(labels.title)} · ${escapeHtml(fill(labels.progress, { position: view.position, total: view.total }))}</p>
<h1>${escapeHtml(skillLabel(item.skill))}</h1>
</header>
<section class="quiz" aria-labelledby="bp-review-question">
<p class="question" id="bp-review-question">${inlineText(item.question.question)}</p>
<ol class="bp-choices" aria-labelledby="bp-review-question">
${choices}
</ol>
<div class="feedback" id="bp-review-feedback" role="status" aria-live="polite" data-right="${escapeHtml(labels.right)}" data-wrong="${escapeHtml(labels.wrong)}" data-correct="${escapeHtml(labels.correctAnswer)}"></div>
<p><a href="#" class="bp-revisit" data-lesson="${escapeHtml(item.skill.id)}"${anchor}>${escapeHtml(revisit)}</a></p>
<p><button type="button" id="bp-review-next" class="bp-primary" hidden data-token="${view.token}">${escapeHtml(view.position === view.total ? labels.finish : labels.next)}</button></p>
</section>
</main>`;
}

function summaryHtml(view: Extract<ReviewView, { kind: 'summary' }>, labels: ReviewLabels, formatDate: (iso: string) => string): string {
  const { summary } = view;
  const content =
    view.total === 0
      ? `<p>${escapeHtml(labels.nothingDue)}</p>`
      : `<p>${escapeHtml(fill(labels.summary, { reviewed: summary.reviewed, right: summary.right }))}</p>
${summary.nextDue ? `<p>${escapeHtml(fill(labels.nextDue, { date: formatDate(summary.nextDue) }))}</p>` : ''}`;
  return `<main class="bp-review" id="bp-review">
<header class="lesson-header"><h1>${escapeHtml(view.total === 0 ? labels.title : labels.summaryHeading)}</h1></header>
<section class="quiz" id="bp-review-summary">
${content}
<p><button type="button" class="bp-primary" id="bp-show-path">${escapeHtml(labels.showPath)}</button></p>
</section>
</main>`;
}
