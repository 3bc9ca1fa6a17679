import type { QuizQuestion } from '../curriculum/types';

export interface QuizEvaluation {
  /** The choice that counts (the first answer of this attempt), as an index into quiz.json. */
  readonly choice: number;
  readonly correct: boolean;
  readonly answer: number;
  readonly explanation: string;
  /** The chosen wrong choice's own explanation; null when the choice was right. */
  readonly feedback: string | null;
  /** Set once every question of the attempt has been answered. */
  readonly finished?: { readonly correct: number; readonly total: number };
  /** True when this call gave the question its answer (not a repeat or a replay). */
  readonly first: boolean;
}

/**
 * One attempt at a lesson's quiz, keyed by question id. The first answer to each question counts;
 * answering again (the page replays its answers after a reload) returns the same evaluation
 * without changing the score.
 */
export class QuizSession {
  private readonly answers = new Map<string, number>();

  constructor(readonly skillId: string, private readonly questions: readonly QuizQuestion[]) {}

  answer(questionId: string, choiceIndex: number): QuizEvaluation | undefined {
    const question = this.questions.find((candidate) => candidate.id === questionId);
    if (!question || !Number.isInteger(choiceIndex) || choiceIndex < 0 || choiceIndex >= question.choices.length) return undefined;
    const first = !this.answers.has(questionId);
    if (first) this.answers.set(questionId, choiceIndex);
    const chosen = this.answers.get(questionId) as number;
    const correct = chosen === question.answer;
    const evaluation: QuizEvaluation = {
      choice: chosen,
      correct,
      answer: question.answer,
      explanation: question.explanation,
      feedback: correct ? null : (question.feedback[chosen] ?? null),
      first,
    };
    if (this.answers.size < this.questions.length) return evaluation;
    const right = this.questions.filter((q) => this.answers.get(q.id) === q.answer).length;
    return { ...evaluation, finished: { correct: right, total: this.questions.length } };
  }

  /** How many questions have an answer in this attempt. */
  get answered(): number {
    return this.answers.size;
  }

  reset(): void {
    this.answers.clear();
  }
}
