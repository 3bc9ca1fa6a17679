import { Rating, State, createEmptyCard, fsrs, type Card, type Grade } from 'ts-fsrs';
import type { ReviewCard, ReviewOutcome } from './reviewCard';

/** An answer given after this long counts as hesitant: right, but recalled with effort (Hard). */
export const HESITATION_MS = 20_000;

/**
 * FSRS scheduling through ts-fsrs. Intervals are whole days (no same-day learning steps): a quiz
 * question answered wrongly comes back tomorrow, not in a minute. Fuzz is off so a schedule can be
 * tested with an injected clock.
 */
export class ReviewScheduler {
  private readonly algorithm = fsrs({ enable_fuzz: false, enable_short_term: false, request_retention: 0.9, maximum_interval: 365 });

  /** Grades an answer: wrong → Again, right after long hesitation → Hard, otherwise Good. */
  static gradeFor(outcome: ReviewOutcome): Grade {
    if (!outcome.correct) return Rating.Again;
    if (outcome.elapsedMs !== undefined && outcome.elapsedMs >= HESITATION_MS) return Rating.Hard;
    return Rating.Good;
  }

  /** The card after this answer; `previous` is undefined the first time the question is answered. */
  review(skillId: string, questionId: string, previous: ReviewCard | undefined, outcome: ReviewOutcome, now: Date): ReviewCard {
    const grade = ReviewScheduler.gradeFor(outcome);
    const current = previous ? toFsrs(previous) : createEmptyCard(now);
    const { card } = this.algorithm.next(current, now, grade);
    return fromFsrs(skillId, questionId, card, grade, now);
  }

  /** The probability (0–1) that the learner still recalls the answer now. */
  retrievability(card: ReviewCard, now: Date): number {
    const value = this.algorithm.get_retrievability(toFsrs(card), now, false);
    return Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0;
  }
}

function toFsrs(card: ReviewCard): Card {
  return {
    due: new Date(card.due),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: 0,
    scheduled_days: card.scheduledDays,
    learning_steps: card.learningSteps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state as State,
    last_review: new Date(card.lastReview),
  };
}

function fromFsrs(skillId: string, questionId: string, card: Card, grade: Grade, now: Date): ReviewCard {
  return {
    skillId,
    questionId,
    due: card.due.toISOString(),
    stability: card.stability,
    difficulty: card.difficulty,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state as ReviewCard['state'],
    lastReview: (card.last_review ?? now).toISOString(),
    lastRating: grade as ReviewCard['lastRating'],
  };
}
