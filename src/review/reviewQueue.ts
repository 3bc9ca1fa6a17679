import type { ReviewCard } from './reviewCard';

export interface QueueOptions {
  readonly now: Date;
  /** Reviews a day, including those already done today. */
  readonly dailyCap: number;
  /** True when the card's question still exists and its lesson is completed: only those are served. */
  readonly isServable: (card: ReviewCard) => boolean;
}

const DAY_MS = 24 * 60 * 60 * 1000;

function sameUtcDay(a: Date, b: Date): boolean {
  return a.toISOString().slice(0, 10) === b.toISOString().slice(0, 10);
}

/** Cards due now, oldest due first, up to what is left of today's cap. */
export function dueCards(cards: readonly ReviewCard[], options: QueueOptions): ReviewCard[] {
  const servable = cards.filter(options.isServable);
  const reviewedToday = servable.filter((card) => sameUtcDay(new Date(card.lastReview), options.now) && card.reps > 1).length;
  const left = Math.max(0, options.dailyCap - reviewedToday);
  return servable
    .filter((card) => Date.parse(card.due) <= options.now.getTime())
    .sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.skillId.localeCompare(b.skillId) || a.questionId.localeCompare(b.questionId)))
    .slice(0, left);
}

/** How many servable cards fall due today (including overdue ones) and on each of the next days. */
export function dueForecast(cards: readonly ReviewCard[], options: Omit<QueueOptions, 'dailyCap'>, days = 7): { today: number; nextDays: number[] } {
  const servable = cards.filter(options.isServable);
  const endOfToday = Date.UTC(options.now.getUTCFullYear(), options.now.getUTCMonth(), options.now.getUTCDate()) + DAY_MS;
  const nextDays = Array.from({ length: days }, () => 0);
  let today = 0;
  for (const card of servable) {
    const due = Date.parse(card.due);
    if (due < endOfToday) today += 1;
    else {
      const day = Math.floor((due - endOfToday) / DAY_MS);
      if (day < days) nextDays[day] = (nextDays[day] ?? 0) + 1;
    }
  }
  return { today, nextDays };
}
