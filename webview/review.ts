// The review page and the path dashboard share this script: it wires clicks to typed messages and
// shows what the extension answers. Everything it shows was built and escaped by the extension.
import type { ReviewExtensionMessage, ReviewPageMessage } from '../src/review/reviewProtocol';

interface VsCodeApi {
  postMessage(message: ReviewPageMessage): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const post = (message: ReviewPageMessage): void => vscode.postMessage(message);
// Hesitation is measured from the moment the question is on screen.
const shownAt = performance.now();

function choices(): HTMLButtonElement[] {
  return Array.from(document.querySelectorAll<HTMLButtonElement>('button.bp-choice'));
}

function onClick(event: MouseEvent): void {
  const target = event.target instanceof Element ? event.target : null;
  const link = target?.closest('a');
  if (link) {
    event.preventDefault();
    if (link.dataset.lesson) post({ type: 'openLesson', skillId: link.dataset.lesson, ...(link.dataset.anchor ? { anchor: link.dataset.anchor } : {}) });
    return;
  }
  const button = target?.closest('button');
  if (!button || button.disabled) return;
  const page = document.getElementById('bp-review');
  if (button.classList.contains('bp-choice') && page) {
    const token = Number(page.dataset.token);
    for (const choice of choices()) choice.disabled = true;
    button.setAttribute('aria-pressed', 'true');
    post({ type: 'reviewAnswer', token, choice: Number(button.dataset.choice), elapsedMs: Math.round(performance.now() - shownAt) });
  } else if (button.id === 'bp-review-next') {
    post({ type: 'reviewNext', token: Number(button.dataset.token) });
  } else if (button.id === 'bp-review-now') {
    post({ type: 'startReview' });
  } else if (button.id === 'bp-change-pace') {
    post({ type: 'openPaceSetting' });
  } else if (button.id === 'bp-show-path') {
    post({ type: 'showPath' });
  }
}

function showResult(result: ReviewExtensionMessage): void {
  const page = document.getElementById('bp-review');
  if (!page || Number(page.dataset.token) !== result.token) return;
  const feedback = document.getElementById('bp-review-feedback');
  const all = choices();
  all.forEach((choice, position) => {
    choice.disabled = true;
    if (position === result.correctChoice) choice.classList.add('right');
    else if (position === result.choice) choice.classList.add('wrong');
  });
  if (feedback) {
    feedback.replaceChildren();
    const verdict = document.createElement('p');
    verdict.className = `verdict ${result.correct ? 'right' : 'wrong'}`;
    verdict.textContent = (result.correct ? feedback.dataset.right : feedback.dataset.wrong) ?? '';
    feedback.append(verdict);
    if (result.feedback) {
      const why = document.createElement('p');
      why.className = 'why-wrong';
      why.textContent = result.feedback;
      feedback.append(why);
    }
    if (!result.correct) {
      const answer = document.createElement('p');
      answer.textContent = (feedback.dataset.correct ?? '{answer}').replace('{answer}', all[result.correctChoice]?.textContent ?? '');
      feedback.append(answer);
    }
    const explanation = document.createElement('p');
    explanation.className = 'explanation';
    explanation.textContent = result.explanation;
    feedback.append(explanation);
  }
  const next = document.getElementById('bp-review-next');
  if (next) {
    next.hidden = false;
    next.focus();
  }
}

window.addEventListener('message', (event: MessageEvent<ReviewExtensionMessage>) => {
  if (event.data?.type === 'reviewResult') showResult(event.data);
});
document.addEventListener('click', onClick);
choices()[0]?.focus();
post({ type: 'ready' });
