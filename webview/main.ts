// The lesson page. It only wires clicks to typed messages and shows what the extension answers;
// everything it shows was rendered (and sanitised) by the extension.
import '@vscode-elements/elements/dist/vscode-button/index.js';
import type { ExtensionMessage, PageState, WebviewMessage } from '../src/lessonPanel/protocol';

interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  getState(): PageState | undefined;
  setState(state: PageState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const skillId = document.body.dataset.skillId ?? '';
/** The render this page belongs to: the extension ignores block and quiz actions from older pages. */
const render = Number.parseInt(document.body.dataset.render ?? '0', 10);
let lastAnswerAt = performance.now();
const saved = vscode.getState();
// Only the same lesson (restored after a reload or a hide) keeps its scroll position and answers.
const sameLesson = saved !== undefined && saved.skillId === skillId;
let state: PageState = sameLesson ? saved : { skillId, scrollY: 0, quizAnswers: {} };
vscode.setState(state);

function post(message: WebviewMessage): void {
  vscode.postMessage(message);
}

function saveState(changes: Partial<PageState>): void {
  state = { ...state, ...changes };
  vscode.setState(state);
}

function numberData(element: HTMLElement, name: string): number {
  return Number.parseInt(element.dataset[name] ?? '', 10);
}

function onClick(event: MouseEvent): void {
  const target = event.target instanceof Element ? event.target : null;
  const link = target?.closest('a');
  if (link) {
    // The webview host also opens clicked links (after its own prompt): stop the click here so a
    // link opens once, through the extension's checks.
    event.preventDefault();
    event.stopImmediatePropagation();
    if (link.dataset.lesson) post({ type: 'navigate', skillId: link.dataset.lesson, anchor: link.dataset.anchor });
    else if (link.dataset.anchor) scrollToAnchor(link.dataset.anchor);
    else if (link.dataset.external) post({ type: 'openExternal', href: link.getAttribute('href') ?? '' });
    return;
  }
  const button = target?.closest<HTMLElement>('[data-action]');
  if (!button || button.hasAttribute('disabled')) return;
  switch (button.dataset.action) {
    case 'copyCode':
    case 'insertCode':
    case 'runInTerminal':
    case 'runCode':
      post({ type: button.dataset.action, render, block: numberData(button, 'block') });
      break;
    case 'runNode': // the renderer's name for the Run button of a `js run` block
      post({ type: 'runCode', render, block: numberData(button, 'block') });
      break;
    case 'navigate':
      post({ type: 'navigate', skillId: button.dataset.skill ?? '' });
      break;
    case 'history': {
      const direction = button.dataset.direction;
      if (direction === 'back' || direction === 'forward') post({ type: 'history', direction });
      break;
    }
    case 'toggleComplete':
      post({ type: 'setComplete', skillId, complete: button.dataset.complete !== 'true' });
      break;
    case 'answerQuiz':
      answer(button.dataset.questionId ?? '', numberData(button, 'choice'));
      break;
    case 'retryQuiz':
      resetQuiz(true);
      break;
    case 'revealHint':
      revealHint(button);
      break;
    case 'exercise': {
      const action = button.dataset.exerciseAction;
      const stack = button.dataset.stack;
      if (action === 'start' || action === 'check' || action === 'showSolution') {
        post(stack === 'php' || stack === 'node' ? { type: 'exercise', skillId, action, stack } : { type: 'exercise', skillId, action });
      }
      break;
    }
  }
}

/** The hint the learner asked for last: focused when the extension confirms it is revealed. */
let requestedHint: string | undefined;

function revealHint(button: HTMLElement): void {
  const hints = document.getElementById('bp-hints');
  const stack = hints?.dataset.stack;
  const hintId = button.dataset.hintId;
  if (!hintId || (stack !== 'php' && stack !== 'node')) return;
  requestedHint = hintId;
  // One reveal at a time: the extension stores it and answers with hintState, which enables it again.
  button.toggleAttribute('disabled', true);
  post({ type: 'revealHint', skillId, stack, hintId });
}

/** Shows the revealed hints, offers the next one, and updates the status beside the exercise. */
function showHintState(message: Extract<ExtensionMessage, { type: 'hintState' }>): void {
  const container = document.getElementById('bp-hints');
  if (!container || container.dataset.stack !== message.stack) return;
  const items = [...container.querySelectorAll<HTMLElement>('.hint')];
  for (const item of items) item.hidden = !message.revealed.includes(item.dataset.hintId ?? '');
  const next = items.findIndex((item) => item.hidden);
  const button = document.getElementById('bp-reveal-hint');
  if (button) {
    button.hidden = next === -1;
    button.toggleAttribute('disabled', false);
    if (next !== -1) {
      button.dataset.hintId = items[next]?.dataset.hintId ?? '';
      button.textContent = fill(container.dataset.showLabel ?? '', { number: next + 1, total: items.length });
    }
  }
  const status = document.getElementById('bp-hint-status');
  if (status) status.textContent = message.status;
  // Move to the hint just asked for, so it is read out and in view; the button may now be hidden.
  const asked = requestedHint === undefined ? undefined : items.find((item) => item.dataset.hintId === requestedHint && !item.hidden);
  if (asked) {
    requestedHint = undefined;
    asked.focus();
  }
}

function questionElement(questionId: string): HTMLElement | undefined {
  return [...document.querySelectorAll<HTMLElement>('.question')].find((element) => element.dataset.questionId === questionId);
}

function answer(questionId: string, choice: number): void {
  if (!questionId || questionId in state.quizAnswers) return; // the first answer counts for this attempt
  saveState({ quizAnswers: { ...state.quizAnswers, [questionId]: choice } });
  const fieldset = questionElement(questionId);
  if (fieldset) lockQuestion(fieldset, true);
  showRetry();
  // How long the learner took: from the page (or their previous answer) to this one. Spaced review
  // brings a hesitant right answer back sooner.
  const now = performance.now();
  const elapsedMs = Math.round(now - lastAnswerAt);
  lastAnswerAt = now;
  post({ type: 'answerQuiz', render, skillId, questionId, choice, elapsedMs });
}

/** An answered question is locked: its choices are disabled and a note says why. */
function lockQuestion(fieldset: HTMLElement, locked: boolean): void {
  for (const choice of fieldset.querySelectorAll<HTMLElement>('vscode-button.choice')) choice.toggleAttribute('disabled', locked);
  const note = fieldset.querySelector<HTMLElement>('.locked-note');
  if (note) note.hidden = !locked;
}

/** "Try the quiz again" appears only once this attempt has an answer. */
function showRetry(): void {
  const retry = document.getElementById('bp-retry-quiz');
  if (retry) retry.hidden = Object.keys(state.quizAnswers).length === 0;
}

function resetQuiz(tellExtension: boolean): void {
  saveState({ quizAnswers: {} });
  if (tellExtension) post({ type: 'resetQuiz', render, skillId });
  for (const fieldset of document.querySelectorAll<HTMLElement>('.question')) {
    fieldset.classList.remove('answered', 'right', 'wrong');
    for (const row of fieldset.querySelectorAll('.choice-row')) row.classList.remove('chosen', 'correct-answer');
    lockQuestion(fieldset, false);
    const feedback = fieldset.querySelector('.feedback');
    if (feedback) feedback.replaceChildren();
  }
  const score = document.getElementById('bp-quiz-score');
  if (score) score.textContent = '';
  showRetry();
}

/** Fills `{name}` placeholders in a label the extension localised. */
function fill(template: string, values: Record<string, number>): string {
  return template.replace(/\{(\w+)\}/g, (match, key: string) => (key in values ? String(values[key]) : match));
}

function quizLabel(name: 'right' | 'wrong' | 'attempt' | 'best' | 'correctAnswer'): string {
  return document.getElementById('bp-quiz')?.dataset[name] ?? '';
}

function paragraph(className: string, ...parts: (string | Node)[]): HTMLParagraphElement {
  const element = document.createElement('p');
  element.className = className;
  element.append(...parts);
  return element;
}

function showQuizResult(message: Extract<ExtensionMessage, { type: 'quizResult' }>): void {
  const fieldset = questionElement(message.questionId);
  if (!fieldset) return;
  fieldset.classList.remove('right', 'wrong');
  fieldset.classList.add('answered', message.correct ? 'right' : 'wrong');
  lockQuestion(fieldset, true);
  let answerText = '';
  for (const row of fieldset.querySelectorAll<HTMLElement>('.choice-row')) {
    const index = numberData(row, 'choice');
    row.classList.toggle('chosen', index === message.choice);
    row.classList.toggle('correct-answer', index === message.answer);
    if (index === message.answer) answerText = row.querySelector('.choice')?.textContent?.trim() ?? '';
  }
  // Text only (textContent), so nothing in a message can become markup.
  const feedback = fieldset.querySelector('.feedback');
  if (feedback) {
    if (message.correct) {
      feedback.replaceChildren(paragraph('verdict right', `${quizLabel('right')} ${message.explanation}`));
    } else {
      const why = message.feedback ? ` ${message.feedback}` : '';
      feedback.replaceChildren(
        paragraph('verdict wrong', `${quizLabel('wrong')}${why}`),
        paragraph('right-answer', `${quizLabel('correctAnswer')} ${answerText} — ${message.explanation}`),
      );
    }
  }
  if (message.score) {
    const score = document.getElementById('bp-quiz-score');
    if (score) score.textContent = fill(quizLabel('attempt'), message.score);
    const best = document.getElementById('bp-quiz-best');
    if (best) best.textContent = fill(quizLabel('best'), { correct: message.score.best, total: message.score.total });
  }
}

function showQuizState(message: Extract<ExtensionMessage, { type: 'quizState' }>): void {
  const best = document.getElementById('bp-quiz-best');
  if (best) best.textContent = message.best ? fill(quizLabel('best'), message.best) : '';
  if (message.clearAnswers) resetQuiz(false);
}

function showCompletion(complete: boolean): void {
  const toggle = document.getElementById('bp-complete-toggle');
  if (toggle) {
    toggle.dataset.complete = String(complete);
    toggle.textContent = (complete ? toggle.dataset.labelIncomplete : toggle.dataset.labelComplete) ?? '';
  }
  const status = document.getElementById('bp-completion-status');
  if (status) {
    status.textContent = (complete ? status.dataset.done : status.dataset.todo) ?? '';
    status.className = `status ${complete ? 'done' : 'todo'}`;
  }
}

/** Output of a Run, shown right below its code block. */
function showRunOutput(message: Extract<ExtensionMessage, { type: 'runOutput' }>): void {
  const block = document.querySelector<HTMLElement>(`.code-block[data-block="${message.block}"]`);
  if (!block) return;
  // The renderer leaves a hidden <output> in the block for this; otherwise one is added after it.
  let output: HTMLElement | undefined =
    block.querySelector<HTMLElement>('output.code-run-output') ??
    (block.nextElementSibling instanceof HTMLElement && block.nextElementSibling.classList.contains('run-output') ? block.nextElementSibling : undefined);
  if (output) {
    output.hidden = false;
    output.classList.add('run-output');
    output.setAttribute('aria-live', 'polite');
  }
  if (!output) {
    output = document.createElement('pre');
    output.className = 'run-output';
    output.setAttribute('role', 'status');
    output.setAttribute('aria-live', 'polite');
    output.tabIndex = 0;
    block.after(output);
  }
  output.dataset.status = message.status;
  output.textContent = message.status === 'running' ? '…' : message.output || ' ';
}

function scrollToAnchor(anchor: string): boolean {
  const target = document.getElementById(anchor) ?? document.getElementById(`h-${anchor}`);
  if (!target) return false;
  target.scrollIntoView();
  return true;
}

window.addEventListener('message', (event: MessageEvent<ExtensionMessage>) => {
  const message = event.data;
  if (!message || typeof message !== 'object') return;
  switch (message.type) {
    case 'completion':
      if (message.skillId === skillId) showCompletion(message.complete);
      break;
    case 'quizResult':
      if (message.skillId === skillId) showQuizResult(message);
      break;
    case 'quizState':
      if (message.skillId === skillId) showQuizState(message);
      break;
    case 'exerciseStatus': {
      const status = document.getElementById('bp-exercise-status');
      if (status && message.skillId === skillId) {
        status.textContent = message.detail;
        status.className = `exercise-status ${message.status}`;
      }
      break;
    }
    case 'runOutput':
      showRunOutput(message);
      break;
    case 'hintState':
      if (message.skillId === skillId) showHintState(message);
      break;
    case 'scrollTo':
      scrollToAnchor(message.anchor);
      break;
  }
});

// Capture phase on window: runs before the webview host's own link handler on the same window.
window.addEventListener('click', onClick, true);
window.addEventListener(
  'auxclick',
  (event) => {
    if (event.target instanceof Element && event.target.closest('a')) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  },
  true,
);

/**
 * Where the page opens. VS Code's webview host restores the previous page's scroll offset when
 * the HTML is replaced, after the content loads; so the page sets its own position on load and
 * again on the next frames, and records scrolling only after that.
 */
let settled = false;
function applyInitialScroll(): void {
  const anchor = document.body.dataset.anchor;
  if (sameLesson) window.scrollTo(0, state.scrollY);
  else if (!anchor || !scrollToAnchor(anchor)) window.scrollTo(0, 0);
}
applyInitialScroll();
window.addEventListener('DOMContentLoaded', applyInitialScroll);
window.addEventListener('load', () => {
  applyInitialScroll();
  requestAnimationFrame(() => {
    applyInitialScroll();
    requestAnimationFrame(() => {
      applyInitialScroll();
      settled = true;
    });
  });
});
let scrollTimer: number | undefined;
window.addEventListener('scroll', () => {
  if (!settled) return;
  window.clearTimeout(scrollTimer);
  scrollTimer = window.setTimeout(() => saveState({ scrollY: window.scrollY }), 150);
});

// Restore the answers that survived a hide or a reload; the extension re-checks them (checking is
// idempotent: only the best score is kept).
showRetry();
post({ type: 'ready', render });
for (const [questionId, choice] of Object.entries(state.quizAnswers)) {
  const fieldset = questionElement(questionId);
  if (!fieldset) continue;
  lockQuestion(fieldset, true);
  post({ type: 'answerQuiz', render, skillId, questionId, choice, replay: true });
}
