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
const saved = vscode.getState();
let state: PageState =
  saved && saved.skillId === skillId ? saved : { skillId, scrollY: 0, quizAnswers: {} };

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
    event.preventDefault();
    if (link.dataset.lesson) post({ type: 'navigate', skillId: link.dataset.lesson, anchor: link.dataset.anchor });
    else if (link.dataset.anchor) document.getElementById(link.dataset.anchor)?.scrollIntoView();
    else if (link.dataset.external) post({ type: 'openExternal', href: link.getAttribute('href') ?? '' });
    return;
  }
  const button = target?.closest<HTMLElement>('[data-action]');
  if (!button || button.hasAttribute('disabled')) return;
  switch (button.dataset.action) {
    case 'copyCode':
    case 'insertCode':
    case 'runInTerminal':
      post({ type: button.dataset.action, block: numberData(button, 'block') });
      break;
    case 'navigate':
      post({ type: 'navigate', skillId: button.dataset.skill ?? '' });
      break;
    case 'toggleComplete':
      post({ type: 'setComplete', skillId, complete: button.dataset.complete !== 'true' });
      break;
    case 'answerQuiz':
      answer(numberData(button, 'question'), numberData(button, 'choice'));
      break;
    case 'retryQuiz':
      resetQuiz();
      break;
    case 'exercise': {
      const action = button.dataset.exerciseAction;
      if (action === 'start' || action === 'check' || action === 'showSolution') post({ type: 'exercise', skillId, action });
      break;
    }
  }
}

function answer(question: number, choice: number): void {
  if (String(question) in state.quizAnswers) return; // the first answer counts for this attempt
  saveState({ quizAnswers: { ...state.quizAnswers, [question]: choice } });
  post({ type: 'answerQuiz', skillId, question, choice });
}

function resetQuiz(): void {
  saveState({ quizAnswers: {} });
  post({ type: 'resetQuiz', skillId });
  for (const fieldset of document.querySelectorAll<HTMLElement>('.question')) {
    fieldset.classList.remove('answered', 'right', 'wrong');
    for (const row of fieldset.querySelectorAll('.choice-row')) row.classList.remove('chosen', 'correct-answer');
    const feedback = fieldset.querySelector('.feedback');
    if (feedback) feedback.textContent = '';
  }
  const score = document.getElementById('quiz-score');
  if (score) score.textContent = '';
}

/** Fills `{name}` placeholders in a label the extension localised. */
function fill(template: string, values: Record<string, number>): string {
  return template.replace(/\{(\w+)\}/g, (match, key: string) => (key in values ? String(values[key]) : match));
}

function quizLabel(name: 'right' | 'wrong' | 'attempt' | 'best'): string {
  return document.getElementById('quiz')?.dataset[name] ?? '';
}

function showQuizResult(message: Extract<ExtensionMessage, { type: 'quizResult' }>): void {
  const fieldset = document.querySelector<HTMLElement>(`.question[data-question="${message.question}"]`);
  if (!fieldset) return;
  fieldset.classList.add('answered', message.correct ? 'right' : 'wrong');
  for (const row of fieldset.querySelectorAll<HTMLElement>('.choice-row')) {
    const index = numberData(row, 'choice');
    row.classList.toggle('chosen', index === message.choice);
    row.classList.toggle('correct-answer', index === message.answer);
  }
  const feedback = fieldset.querySelector('.feedback');
  if (feedback) feedback.textContent = `${quizLabel(message.correct ? 'right' : 'wrong')} ${message.explanation}`;
  if (message.score) {
    const score = document.getElementById('quiz-score');
    if (score) score.textContent = fill(quizLabel('attempt'), message.score);
    const best = document.getElementById('quiz-best');
    if (best) best.textContent = fill(quizLabel('best'), { correct: message.score.best, total: message.score.total });
  }
}

function showCompletion(complete: boolean): void {
  const toggle = document.getElementById('complete-toggle');
  if (toggle) {
    toggle.dataset.complete = String(complete);
    toggle.textContent = (complete ? toggle.dataset.labelIncomplete : toggle.dataset.labelComplete) ?? '';
  }
  const status = document.getElementById('completion-status');
  if (status) {
    status.textContent = (complete ? status.dataset.done : status.dataset.todo) ?? '';
    status.className = `status ${complete ? 'done' : 'todo'}`;
  }
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
    case 'exerciseStatus': {
      const status = document.getElementById('exercise-status');
      if (status && message.skillId === skillId) {
        status.textContent = message.detail;
        status.className = `exercise-status ${message.status}`;
      }
      break;
    }
    case 'scrollTo':
      document.getElementById(message.anchor)?.scrollIntoView();
      break;
  }
});

document.addEventListener('click', onClick);
let scrollTimer: number | undefined;
window.addEventListener('scroll', () => {
  window.clearTimeout(scrollTimer);
  scrollTimer = window.setTimeout(() => saveState({ scrollY: window.scrollY }), 150);
});

// Restore what survived a hide or a reload: scroll position, then the quiz answers, which the
// extension re-checks (checking is idempotent: only the best score is kept).
window.scrollTo(0, state.scrollY);
post({ type: 'ready' });
for (const [question, choice] of Object.entries(state.quizAnswers)) {
  post({ type: 'answerQuiz', skillId, question: Number(question), choice });
}
