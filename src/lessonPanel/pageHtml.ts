import { randomBytes } from 'node:crypto';
import type { ExerciseLanguage, QuizQuestion, Skill } from '../curriculum/types';
import { stackName, stackTools } from '../exercises/stackChoice';
import { skillLabel } from '../curriculum/types';
import { escapeHtml } from '../lessons/escapeHtml';
import type { HintCardModel, HintLabels } from './hintCard';
import { hintCardHtml } from './hintCard';

/** What the page builder needs from a webview: the renderer never sees a panel, so tests can call it. */
export interface WebviewResources {
  readonly cspSource: string;
  /** Turns a path relative to the extension root (`dist/webview.js`) into a webview URI string. */
  asWebviewUri(relativePath: string): string;
}

export interface PageLabels extends HintLabels {
  readonly skillOf: string;
  /** The seed's own number for the skill, kept visible: "roadmap #{number}". */
  readonly roadmapNumber: string;
  readonly minutesRead: string;
  readonly completed: string;
  readonly notCompleted: string;
  readonly markComplete: string;
  readonly markIncomplete: string;
  readonly previous: string;
  readonly next: string;
  readonly back: string;
  readonly forward: string;
  readonly quizHeading: string;
  readonly quizIntro: string;
  readonly quizBest: string;
  readonly retryQuiz: string;
  readonly quizRight: string;
  readonly quizWrong: string;
  readonly quizCorrectAnswer: string;
  readonly quizLocked: string;
  readonly quizAttempt: string;
  readonly exerciseHeading: string;
  readonly startExercise: string;
  readonly checkExercise: string;
  readonly showSolution: string;
  /** Before the other stack's Start button: "Also in {stack}:". */
  readonly exerciseAlsoIn: string;
  /** The accessible name of the other stack's Start button: "Start exercise in {stack}". */
  readonly startInStack: string;
  /** When the learner has not chosen a stack yet: "In {stacks}. Start asks which one you practise in." */
  readonly exerciseChooseStack: string;
  readonly exerciseUntrusted: string;
  readonly table: string;
  readonly runCode: string;
  readonly inPreparation: string;
  readonly objectivesHeading: string;
}

export interface PageModel {
  readonly skill: Skill;
  readonly stageTitle: string;
  /** 1-based position in the path (Skill.position) and the path's length. */
  readonly position: number;
  readonly total: number;
  readonly complete: boolean;
  readonly previous?: Skill;
  readonly next?: Skill;
  /** Rendered lesson HTML, or undefined while the lesson is in preparation. */
  readonly lessonHtml: string | undefined;
  readonly quiz: readonly QuizQuestion[];
  /** Per question, the file indices in the order this learner sees them (choiceOrder); file order when absent. */
  readonly choiceOrders?: readonly (readonly number[])[];
  readonly quizBest?: { readonly correct: number; readonly total: number };
  readonly exercise?: {
    readonly title: string;
    /** The stack the card's buttons act on; undefined until the learner has chosen one (Start then asks). */
    readonly stack?: ExerciseLanguage;
    /** Every stack the skill has an exercise in, in path order. */
    readonly stacks: readonly ExerciseLanguage[];
  };
  /** The hints of the card's exercise, revealed one at a time (none: no hints part). */
  readonly hints?: HintCardModel;
  readonly workspaceTrusted: boolean;
  readonly labels: PageLabels;
  /** The render number: the page sends it back with every action that names a block or question. */
  readonly render?: number;
  /** Where a new lesson opens (a heading id); undefined opens at the top. */
  readonly anchor?: string;
  /** Indices of `js run` blocks: each gets a Run button (trusted workspaces only) unless the lesson HTML has one. */
  readonly runnableCode?: readonly number[];
  /** Whether Back and Forward have somewhere to go (both disabled when absent). */
  readonly history?: { readonly back: boolean; readonly forward: boolean };
}

export function createNonce(): string {
  return randomBytes(18).toString('base64url');
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `style-src ${cspSource}`,
    `font-src ${cspSource}`,
    `img-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
}

/** Escapes text, then lets `inline code` through as <code>; safe because escaping comes first. */
export function inlineText(text: string): string {
  return escapeHtml(text).replace(/`([^`]+)`/g, '<code>$1</code>');
}

export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, key: string) => (key in values ? String(values[key]) : match));
}

export function buildPageHtml(model: PageModel, resources: WebviewResources, nonce: string): string {
  const { skill } = model;
  const csp = contentSecurityPolicy(resources.cspSource, nonce);
  const anchor = model.anchor ? ` data-anchor="${escapeHtml(model.anchor)}"` : '';
  const lesson = model.lessonHtml === undefined ? placeholderHtml(model) : lessonBodyHtml(model, model.lessonHtml);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(resources.asWebviewUri('media/lesson.css'))}">
<title>${escapeHtml(skillLabel(skill))}</title>
</head>
<body data-skill-id="${escapeHtml(skill.id)}" data-render="${model.render ?? 0}"${anchor}>
${headerHtml(model)}
<main class="lesson" id="bp-lesson">
${lesson}
</main>
${model.quiz.length > 0 ? quizHtml(model) : ''}
${footerHtml(model)}
<script nonce="${nonce}" src="${escapeHtml(resources.asWebviewUri('dist/webview.js'))}"></script>
</body>
</html>
`;
}

function headerHtml(page: PageModel): string {
  const { labels, skill } = page;
  const historyButton = (direction: 'back' | 'forward', label: string, enabled: boolean) =>
    `<vscode-button secondary id="bp-${direction}" data-action="history" data-direction="${direction}" aria-label="${escapeHtml(label)}"${enabled ? '' : ' disabled'}>${escapeHtml(label)}</vscode-button>`;
  return `<header class="lesson-header">
<nav class="history" aria-label="${escapeHtml(labels.back)} / ${escapeHtml(labels.forward)}">${historyButton('back', labels.back, page.history?.back ?? false)}${historyButton('forward', labels.forward, page.history?.forward ?? false)}</nav>
<p class="eyebrow">${escapeHtml(fill(labels.skillOf, { position: page.position, total: page.total }))} · ${escapeHtml(page.stageTitle)}</p>
<p class="meta"><span>${escapeHtml(fill(labels.minutesRead, { minutes: skill.minutes }))}</span>
<span class="roadmap-number">${escapeHtml(fill(labels.roadmapNumber, { number: skill.number }))}</span>
<span id="bp-completion-status" class="status ${page.complete ? 'done' : 'todo'}" data-done="${escapeHtml(labels.completed)}" data-todo="${escapeHtml(labels.notCompleted)}">${escapeHtml(page.complete ? labels.completed : labels.notCompleted)}</span></p>
</header>`;
}

/**
 * The lesson's own HTML, adjusted for the page: tables scroll inside their own box, run buttons are
 * disabled in an untrusted workspace, and the exercise card takes the place of the lesson's
 * "Exercise" section (or ends the lesson when it has none).
 */
function lessonBodyHtml(model: PageModel, html: string): string {
  // Each table box is a labelled region; numbered, so every landmark has its own name.
  let tables = 0;
  let body = html
    .replace(/<table>/g, () => `<div class="table-scroll" role="region" tabindex="0" aria-label="${escapeHtml(fill(model.labels.table, { number: ++tables }))}"><table>`)
    .replace(/<\/table>/g, '</table></div>')
    // Code that is wider than the page scrolls; a focusable box lets keyboard users scroll it too.
    .replace(/<pre(?=[\s>])(?![^>]*tabindex)/g, '<pre tabindex="0"');
  if (model.workspaceTrusted) body = addRunButtons(body, model.runnableCode ?? [], model.labels.runCode);
  // The lesson HTML is the same in every workspace; in an untrusted one the page offers no Run at all.
  if (!model.workspaceTrusted) body = body.replace(/<vscode-button\b[^>]*data-action="(?:runInTerminal|runCode|runNode)"[^>]*>[\s\S]*?<\/vscode-button>/g, '');
  if (!model.exercise) return body;
  const heading = /<h2 id="((?:h-)?exercise[\w-]*)">([\s\S]*?)<\/h2>/.exec(body);
  if (!heading) return `${body}\n${exerciseCard(model, undefined)}`;
  const start = heading.index;
  const nextHeading = body.indexOf('<h2 ', start + heading[0].length);
  const end = nextHeading === -1 ? body.length : nextHeading;
  const section = body.slice(start + heading[0].length, end);
  return `${body.slice(0, start)}${exerciseCard(model, { id: heading[1], html: heading[2], content: section })}\n${body.slice(end)}`;
}

function placeholderHtml(model: PageModel): string {
  const { skill, labels } = model;
  const objectives = skill.objectives.map((objective) => `<li>${inlineText(objective)}</li>`).join('\n');
  const card = model.exercise ? exerciseCard(model, undefined) : '';
  return `<h1 id="bp-title">${escapeHtml(skill.title)}</h1>
<p class="summary">${escapeHtml(skill.summary)}</p>
<h2 id="bp-objectives">${escapeHtml(labels.objectivesHeading)}</h2>
<ul>${objectives}</ul>
<p class="in-preparation">${escapeHtml(labels.inPreparation)}</p>
${card}`;
}

/** Adds a Run button to the toolbar of each runnable JavaScript block that does not have one yet. */
function addRunButtons(body: string, blocks: readonly number[], label: string): string {
  let out = body;
  for (const index of blocks) {
    if (new RegExp(`data-action="(?:runCode|runNode)" data-block="${index}"`).test(out)) continue;
    const start = out.indexOf(`<div class="code-block" data-block="${index}">`);
    const toolbar = start === -1 ? -1 : out.indexOf('<div class="code-toolbar">', start);
    const end = toolbar === -1 ? -1 : out.indexOf('</div>', toolbar);
    if (end === -1) continue;
    const button = `<vscode-button secondary data-action="runCode" data-block="${index}">${escapeHtml(label)}</vscode-button>`;
    out = `${out.slice(0, end)}${button}${out.slice(end)}`;
  }
  return out;
}

/** The one exercise card; `section` is the lesson's own Exercise section it replaces, when there is one. */
function exerciseCard(model: PageModel, section: { id: string; html: string; content: string } | undefined): string {
  const { labels, exercise, skill } = model;
  if (!exercise) return '';
  const disabled = model.workspaceTrusted ? '' : ' disabled';
  const untrustedNote = model.workspaceTrusted ? '' : `<p class="note">${escapeHtml(labels.exerciseUntrusted)}</p>`;
  const headingId = section?.id ?? 'bp-exercise-heading';
  const { stack } = exercise;
  // A button names its stack; without one (not chosen yet) the command decides and may ask.
  const stackData = stack ? ` data-stack="${stack}"` : '';
  const button = (action: string, label: string, extra = '') =>
    `<vscode-button${action === 'showSolution' ? ' secondary' : ''} data-action="exercise" data-exercise-action="${action}" data-skill="${escapeHtml(skill.id)}"${stackData}${extra}>${escapeHtml(label)}</vscode-button>`;
  const where = stack
    ? `<span class="exercise-language" data-stack="${stack}">${escapeHtml(`${stackName(stack)} · ${stackTools(stack)}`)}</span>`
    : `<span class="exercise-language">${escapeHtml(fill(labels.exerciseChooseStack, { stacks: exercise.stacks.map(stackName).join(' / ') }))}</span>`;
  const others = stack ? exercise.stacks.filter((other) => other !== stack) : [];
  const otherRows = others
    .map(
      (other) =>
        `<p class="exercise-other">${escapeHtml(fill(labels.exerciseAlsoIn, { stack: stackName(other) }))} <vscode-button secondary data-action="exercise" data-exercise-action="start" data-skill="${escapeHtml(skill.id)}" data-stack="${other}" aria-label="${escapeHtml(fill(labels.startInStack, { stack: stackName(other) }))}">${escapeHtml(labels.startExercise)}</vscode-button></p>`,
    )
    .join('\n');
  const heading = section
    ? `<h2 id="${section.id}">${section.html}</h2>`
    : `<h2 id="bp-exercise-heading">${escapeHtml(labels.exerciseHeading)}</h2>`;
  return `<section class="exercise" id="bp-exercise" aria-labelledby="${headingId}">
${heading}
<p class="exercise-title"><strong>${escapeHtml(exercise.title)}</strong> · ${where}</p>
${section?.content ?? ''}
<div class="button-row">
${button('start', labels.startExercise)}
${button('check', labels.checkExercise, disabled)}
${button('showSolution', labels.showSolution)}
</div>
${otherRows}
${untrustedNote}
<p id="bp-exercise-status" class="exercise-status" role="status" aria-live="polite"></p>
${model.hints ? hintCardHtml(model.hints, labels) : ''}
</section>`;
}

function quizHtml(model: PageModel): string {
  const { labels, quiz, skill } = model;
  const best = model.quizBest
    ? escapeHtml(fill(labels.quizBest, { correct: model.quizBest.correct, total: model.quizBest.total }))
    : '';
  const questions = quiz
    .map((question, questionIndex) => {
      const id = escapeHtml(question.id);
      const order = model.choiceOrders?.[questionIndex] ?? question.choices.map((_, index) => index);
      const choices = order
        .map(
          (choiceIndex) =>
            `<div class="choice-row" data-choice="${choiceIndex}"><span class="mark" aria-hidden="true"></span><vscode-button secondary class="choice" data-action="answerQuiz" data-question-id="${id}" data-choice="${choiceIndex}">${inlineText(question.choices[choiceIndex] ?? '')}</vscode-button></div>`,
        )
        .join('\n');
      return `<fieldset class="question" data-question-id="${id}">
<legend>${questionIndex + 1}. ${inlineText(question.question)}</legend>
<div class="choices">${choices}</div>
<p class="locked-note" hidden>${escapeHtml(labels.quizLocked)}</p>
<div class="feedback" id="bp-feedback-${id}" role="status" aria-live="polite"></div>
</fieldset>`;
    })
    .join('\n');
  return `<section class="quiz" id="bp-quiz" aria-labelledby="bp-quiz-heading" data-skill="${escapeHtml(skill.id)}" data-questions="${quiz.length}" data-right="${escapeHtml(labels.quizRight)}" data-wrong="${escapeHtml(labels.quizWrong)}" data-correct-answer="${escapeHtml(labels.quizCorrectAnswer)}" data-attempt="${escapeHtml(labels.quizAttempt)}" data-best="${escapeHtml(labels.quizBest)}">
<h2 id="bp-quiz-heading">${escapeHtml(labels.quizHeading)}</h2>
<p>${escapeHtml(labels.quizIntro)}</p>
<p id="bp-quiz-best" class="quiz-best">${best}</p>
${questions}
<p id="bp-quiz-score" class="quiz-score" role="status" aria-live="polite"></p>
<vscode-button secondary id="bp-retry-quiz" data-action="retryQuiz" hidden>${escapeHtml(labels.retryQuiz)}</vscode-button>
</section>`;
}

function footerHtml(model: PageModel): string {
  const { labels, skill, previous, next } = model;
  const navButton = (target: Skill | undefined, label: string, rel: string) =>
    target
      ? `<vscode-button secondary id="bp-${rel}" data-action="navigate" data-skill="${escapeHtml(target.id)}" title="${escapeHtml(skillLabel(target))}" data-rel="${rel}">${escapeHtml(label)}</vscode-button>`
      : '<span></span>';
  return `<footer class="lesson-footer">
${navButton(previous, labels.previous, 'previous')}
<vscode-button id="bp-complete-toggle" data-action="toggleComplete" data-skill="${escapeHtml(skill.id)}" data-complete="${model.complete}" data-label-complete="${escapeHtml(labels.markComplete)}" data-label-incomplete="${escapeHtml(labels.markIncomplete)}">${escapeHtml(model.complete ? labels.markIncomplete : labels.markComplete)}</vscode-button>
${navButton(next, labels.next, 'next')}
</footer>`;
}
