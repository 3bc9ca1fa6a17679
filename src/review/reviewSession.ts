import type { QuizQuestion, Skill } from '../curriculum/types';
import type { LessonHeading } from './lessonSection';
import type { ReviewCard, ReviewOutcome } from './reviewCard';
import type { ReviewExtensionMessage } from './reviewProtocol';

/** One due question, ready to show: the choices in this learner's order and the section that teaches it. */
export interface ReviewItem {
  readonly skill: Skill;
  readonly question: QuizQuestion;
  readonly card: ReviewCard;
  /** File indices in display order. */
  readonly order: readonly number[];
  readonly section?: LessonHeading;
}

export interface ReviewSessionDeps {
  now(): Date;
  /** Schedules and stores the card after an answer; resolves with the stored card. */
  record(item: ReviewItem, outcome: ReviewOutcome, now: Date): Promise<ReviewCard>;
}

export interface ReviewSummary {
  readonly reviewed: number;
  readonly right: number;
  /** The earliest next due date among the cards reviewed in this session. */
  readonly nextDue?: string;
}

export type ReviewView =
  | { readonly kind: 'question'; readonly token: number; readonly item: ReviewItem; readonly position: number; readonly total: number }
  | { readonly kind: 'summary'; readonly summary: ReviewSummary; readonly total: number };

/**
 * A review round: due questions one at a time, each answered once, then a summary. Tokens tie page
 * messages to the question they were sent for, so a double click or a stale page cannot answer twice.
 */
export class ReviewSession {
  private index = 0;
  private token = 1;
  private answered: ReviewExtensionMessage | undefined;
  private readonly results: { correct: boolean; due: string }[] = [];

  constructor(
    private readonly items: readonly ReviewItem[],
    private readonly deps: ReviewSessionDeps,
  ) {}

  view(): ReviewView {
    const item = this.items[this.index];
    if (!item) return { kind: 'summary', summary: this.summary(), total: this.items.length };
    return { kind: 'question', token: this.token, item, position: this.index + 1, total: this.items.length };
  }

  /** The answer already given to the current question, so a reloaded page can show it again. */
  currentResult(): ReviewExtensionMessage | undefined {
    return this.answered;
  }

  async answer(token: number, displayedChoice: number, elapsedMs: number): Promise<ReviewExtensionMessage | undefined> {
    const item = this.items[this.index];
    if (!item || token !== this.token || this.answered) return undefined;
    const fileChoice = item.order[displayedChoice];
    if (fileChoice === undefined) return undefined;
    const correct = fileChoice === item.question.answer;
    const result: ReviewExtensionMessage = {
      type: 'reviewResult',
      token,
      choice: displayedChoice,
      correct,
      correctChoice: item.order.indexOf(item.question.answer),
      ...(correct ? {} : { feedback: item.question.feedback[fileChoice] ?? undefined }),
      explanation: item.question.explanation,
    };
    this.answered = result;
    const card = await this.deps.record(item, { correct, elapsedMs }, this.deps.now());
    this.results.push({ correct, due: card.due });
    return result;
  }

  /** Moves on after an answer; false when the token is stale or the question is unanswered. */
  next(token: number): boolean {
    if (token !== this.token || !this.answered) return false;
    this.index += 1;
    this.token += 1;
    this.answered = undefined;
    return true;
  }

  summary(): ReviewSummary {
    const dues = this.results.map((result) => result.due).sort();
    return {
      reviewed: this.results.length,
      right: this.results.filter((result) => result.correct).length,
      ...(dues[0] ? { nextDue: dues[0] } : {}),
    };
  }
}
