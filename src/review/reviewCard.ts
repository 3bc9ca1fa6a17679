import { isQuestionId, isSkillId } from '../lessonPanel/protocol';

/**
 * A review card: one quiz question the learner has answered, with its FSRS memory state. Stored as
 * plain JSON (dates as ISO strings) so it syncs, exports and repairs like the rest of progress.
 */
export interface ReviewCard {
  readonly skillId: string;
  /** The question's stable id from quiz.json: content updates keep cards for unchanged questions. */
  readonly questionId: string;
  readonly due: string;
  readonly stability: number;
  readonly difficulty: number;
  readonly scheduledDays: number;
  readonly learningSteps: number;
  readonly reps: number;
  readonly lapses: number;
  /** FSRS state: 0 new, 1 learning, 2 review, 3 relearning. */
  readonly state: 0 | 1 | 2 | 3;
  readonly lastReview: string;
  /** 1 Again, 2 Hard, 3 Good, 4 Easy: the grade the last answer earned. */
  readonly lastRating: 1 | 2 | 3 | 4;
}

/** What the learner did with a question, as the scheduler sees it. */
export interface ReviewOutcome {
  readonly correct: boolean;
  /** Time from seeing the question to answering it; long hesitation means weak recall. */
  readonly elapsedMs?: number;
}

/** Cards are keyed `skillId/questionId`; both parts are restricted to [a-z0-9-], so the key is unambiguous. */
export function cardKey(skillId: string, questionId: string): string {
  return `${skillId}/${questionId}`;
}

function isFiniteNumber(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max;
}

function isIsoInstant(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/.test(value)) return false;
  return !Number.isNaN(Date.parse(value));
}

/** Validates a stored card; returns a reason when it cannot be used as is. */
export function checkCard(value: unknown): { card: ReviewCard } | { reason: string } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { reason: 'not an object' };
  const card = value as Record<string, unknown>;
  if (!isSkillId(card.skillId) || !isQuestionId(card.questionId)) return { reason: 'skillId/questionId are not ids' };
  if (!isIsoInstant(card.due) || !isIsoInstant(card.lastReview)) return { reason: 'due/lastReview are not ISO instants' };
  if (!isFiniteNumber(card.stability, 0, 1e6) || !isFiniteNumber(card.difficulty, 0, 11)) return { reason: 'stability/difficulty out of range' };
  if (!isFiniteNumber(card.scheduledDays, 0, 1e5) || !isFiniteNumber(card.learningSteps, 0, 100)) return { reason: 'intervals out of range' };
  if (!Number.isInteger(card.reps) || !isFiniteNumber(card.reps, 0, 1e6) || !Number.isInteger(card.lapses) || !isFiniteNumber(card.lapses, 0, 1e6)) {
    return { reason: 'reps/lapses are not counts' };
  }
  if (![0, 1, 2, 3].includes(card.state as number)) return { reason: 'state is not 0–3' };
  if (![1, 2, 3, 4].includes(card.lastRating as number)) return { reason: 'lastRating is not 1–4' };
  return {
    card: {
      skillId: card.skillId,
      questionId: card.questionId,
      due: card.due,
      stability: card.stability,
      difficulty: card.difficulty,
      scheduledDays: card.scheduledDays,
      learningSteps: card.learningSteps,
      reps: card.reps as number,
      lapses: card.lapses as number,
      state: card.state as ReviewCard['state'],
      lastReview: card.lastReview,
      lastRating: card.lastRating as ReviewCard['lastRating'],
    },
  };
}
