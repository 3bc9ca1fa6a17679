import type { QuizQuestion } from '../curriculum/types';

export interface QuizEvaluation {
  readonly correct: boolean;
  readonly answer: number;
  readonly explanation: string;
  /** Set once every question of the attempt has been answered. */
  readonly finished?: { readonly correct: number; readonly total: number };
}

/**
 * One attempt at a lesson's quiz. The first answer to each question counts; answering again (the
 * page replays its answers after a reload) returns the same evaluation without changing the score.
 */
export class QuizSession {
  private readonly answers = new Map<number, number>();

  constructor(readonly skillId: string, private readonly questions: readonly QuizQuestion[]) {}

  answer(questionIndex: number, choiceIndex: number): QuizEvaluation | undefined {
    const question = this.questions[questionIndex];
    if (!question || choiceIndex >= question.choices.length) return undefined;
    if (!this.answers.has(questionIndex)) this.answers.set(questionIndex, choiceIndex);
    const chosen = this.answers.get(questionIndex) as number;
    const evaluation = { correct: chosen === question.answer, answer: question.answer, explanation: question.explanation };
    if (this.answers.size < this.questions.length) return evaluation;
    const correct = this.questions.filter((q, index) => this.answers.get(index) === q.answer).length;
    return { ...evaluation, finished: { correct, total: this.questions.length } };
  }

  /** The choice that counted for a question, so a replay reports the first answer. */
  chosen(questionIndex: number): number | undefined {
    return this.answers.get(questionIndex);
  }

  reset(): void {
    this.answers.clear();
  }
}
