import { randomBytes } from 'node:crypto';
import type { QuizQuestion, Skill } from '../curriculum/types';
import { escapeHtml } from '../lessons/escapeHtml';

/** What the page builder needs from a webview: the renderer never sees a panel, so tests can call it. */
export interface WebviewResources {
  readonly cspSource: string;
  /** Turns a path relative to the extension root (`dist/webview.js`) into a webview URI string. */
  asWebviewUri(relativePath: string): string;
}

export interface PageLabels {
  readonly skillOf: string;
  readonly minutesRead: string;
  readonly completed: string;
  readonly notCompleted: string;
  readonly markComplete: string;
  readonly markIncomplete: string;
  readonly previous: string;
  readonly next: string;
  readonly quizHeading: string;
  readonly quizIntro: string;
  readonly quizBest: string;
  readonly retryQuiz: string;
  readonly quizRight: string;
  readonly quizWrong: string;
  readonly quizAttempt: string;
  readonly exerciseHeading: string;
  readonly startExercise: string;
  readonly checkExercise: string;
  readonly showSolution: string;
  readonly exerciseUntrusted: string;
  readonly inPreparation: string;
  readonly objectivesHeading: string;
}

export interface PageModel {
  readonly skill: Skill;
  readonly stageTitle: string;
  /** 1-based position in the path and the path's length. */
  readonly position: number;
  readonly total: number;
  readonly complete: boolean;
  readonly previous?: Skill;
  readonly next?: Skill;
  /** Rendered lesson HTML, or undefined while the lesson is in preparation. */
  readonly lessonHtml: string | undefined;
  readonly quiz: readonly QuizQuestion[];
  readonly quizBest?: { readonly correct: number; readonly total: number };
  readonly exercise?: { readonly title: string; readonly language: string };
  readonly workspaceTrusted: boolean;
  readonly labels: PageLabels;
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
function inlineText(text: string): string {
  return escapeHtml(text).replace(/`([^`]+)`/g, '<code>$1</code>');
}

function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, key: string) => (key in values ? String(values[key]) : match));
}

export function buildPageHtml(model: PageModel, resources: WebviewResources, nonce: string): string {
  const { skill, labels } = model;
  const title = `${skill.number} · ${skill.title}`;
  const csp = contentSecurityPolicy(resources.cspSource, nonce);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(resources.asWebviewUri('media/lesson.css'))}">
<title>${escapeHtml(title)}</title>
</head>
<body data-skill-id="${escapeHtml(skill.id)}">
${headerHtml(model)}
<main class="lesson" id="lesson">
${model.lessonHtml ?? placeholderHtml(model)}
</main>
${model.exercise ? exerciseHtml(model) : ''}
${model.quiz.length > 0 ? quizHtml(model) : ''}
${footerHtml(model)}
<script nonce="${nonce}" src="${escapeHtml(resources.asWebviewUri('dist/webview.js'))}"></script>
</body>
</html>
`;
  function headerHtml(page: PageModel): string {
    return `<header class="lesson-header">
<p class="eyebrow">${escapeHtml(page.stageTitle)} · ${escapeHtml(fill(labels.skillOf, { position: page.position, total: page.total }))}</p>
<p class="meta"><span>${escapeHtml(fill(labels.minutesRead, { minutes: skill.minutes }))}</span>
<span id="completion-status" class="status ${page.complete ? 'done' : 'todo'}" data-done="${escapeHtml(labels.completed)}" data-todo="${escapeHtml(labels.notCompleted)}">${escapeHtml(page.complete ? labels.completed : labels.notCompleted)}</span></p>
</header>`;
  }
}

function placeholderHtml(model: PageModel): string {
  const { skill, labels } = model;
  const objectives = skill.objectives.map((objective) => `<li>${inlineText(objective)}</li>`).join('\n');
  return `<h1 id="${escapeHtml(skill.id)}">${escapeHtml(skill.title)}</h1>
<p class="summary">${escapeHtml(skill.summary)}</p>
<h2>${escapeHtml(labels.objectivesHeading)}</h2>
<ul>${objectives}</ul>
<p class="in-preparation">${escapeHtml(labels.inPreparation)}</p>`;
}

function exerciseHtml(model: PageModel): string {
  const { labels, exercise, skill } = model;
  if (!exercise) return '';
  const disabled = model.workspaceTrusted ? '' : ' disabled';
  const untrustedNote = model.workspaceTrusted ? '' : `<p class="note">${escapeHtml(labels.exerciseUntrusted)}</p>`;
  return `<section class="exercise" aria-labelledby="exercise-heading">
<h2 id="exercise-heading">${escapeHtml(labels.exerciseHeading)}: ${escapeHtml(exercise.title)}</h2>
<p class="exercise-language">${escapeHtml(exercise.language === 'php' ? 'PHP · PHPUnit' : 'Node.js · node:test')}</p>
<div class="button-row">
<vscode-button data-action="exercise" data-exercise-action="start" data-skill="${escapeHtml(skill.id)}">${escapeHtml(labels.startExercise)}</vscode-button>
<vscode-button data-action="exercise" data-exercise-action="check" data-skill="${escapeHtml(skill.id)}"${disabled}>${escapeHtml(labels.checkExercise)}</vscode-button>
<vscode-button secondary data-action="exercise" data-exercise-action="showSolution" data-skill="${escapeHtml(skill.id)}">${escapeHtml(labels.showSolution)}</vscode-button>
</div>
${untrustedNote}
<p id="exercise-status" class="exercise-status" role="status" aria-live="polite"></p>
</section>`;
}

function quizHtml(model: PageModel): string {
  const { labels, quiz, skill } = model;
  const best = model.quizBest
    ? escapeHtml(fill(labels.quizBest, { correct: model.quizBest.correct, total: model.quizBest.total }))
    : '';
  const questions = quiz
    .map((question, questionIndex) => {
      const choices = question.choices
        .map(
          (choice, choiceIndex) =>
            `<div class="choice-row" data-choice="${choiceIndex}"><span class="mark" aria-hidden="true"></span><vscode-button secondary class="choice" data-action="answerQuiz" data-question="${questionIndex}" data-choice="${choiceIndex}">${inlineText(choice)}</vscode-button></div>`,
        )
        .join('\n');
      return `<fieldset class="question" data-question="${questionIndex}">
<legend>${questionIndex + 1}. ${inlineText(question.question)}</legend>
<div class="choices">${choices}</div>
<p class="feedback" id="feedback-${questionIndex}" role="status" aria-live="polite"></p>
</fieldset>`;
    })
    .join('\n');
  return `<section class="quiz" id="quiz" aria-labelledby="quiz-heading" data-skill="${escapeHtml(skill.id)}" data-questions="${quiz.length}" data-right="${escapeHtml(labels.quizRight)}" data-wrong="${escapeHtml(labels.quizWrong)}" data-attempt="${escapeHtml(labels.quizAttempt)}" data-best="${escapeHtml(labels.quizBest)}">
<h2 id="quiz-heading">${escapeHtml(labels.quizHeading)}</h2>
<p>${escapeHtml(labels.quizIntro)}</p>
<p id="quiz-best" class="quiz-best">${best}</p>
${questions}
<p id="quiz-score" class="quiz-score" role="status" aria-live="polite"></p>
<vscode-button secondary data-action="retryQuiz">${escapeHtml(labels.retryQuiz)}</vscode-button>
</section>`;
}

function footerHtml(model: PageModel): string {
  const { labels, skill, previous, next } = model;
  const navButton = (target: Skill | undefined, label: string, rel: string) =>
    target
      ? `<vscode-button secondary data-action="navigate" data-skill="${escapeHtml(target.id)}" title="${escapeHtml(`${target.number} · ${target.title}`)}" data-rel="${rel}">${escapeHtml(label)}</vscode-button>`
      : '<span></span>';
  return `<footer class="lesson-footer">
${navButton(previous, labels.previous, 'previous')}
<vscode-button id="complete-toggle" data-action="toggleComplete" data-skill="${escapeHtml(skill.id)}" data-complete="${model.complete}" data-label-complete="${escapeHtml(labels.markComplete)}" data-label-incomplete="${escapeHtml(labels.markIncomplete)}">${escapeHtml(model.complete ? labels.markIncomplete : labels.markComplete)}</vscode-button>
${navButton(next, labels.next, 'next')}
</footer>`;
}
