import type { Catalog, Skill, Stage } from '../curriculum/types';
import type { ReviewCard } from './reviewCard';
import { dueForecast } from './reviewQueue';
import { parseMonths, studyPlan, type StudyPlan } from './studyPlan';

/** One skill's state on the path dashboard. */
export interface SkillRow {
  readonly skill: Skill;
  readonly read: boolean;
  readonly quizBest?: { readonly correct: number; readonly total: number };
  /** Per stack: 'passed' | 'failed' | 'started'; absent when never started. */
  readonly exercise: Readonly<Partial<Record<'php' | 'node', string>>>;
  readonly complete: boolean;
  /** Average recall probability of the skill's review cards now (0–1); absent without cards. */
  readonly mastery?: number;
  readonly cards: number;
}

export interface DashboardModel {
  readonly catalog: Catalog;
  readonly stages: readonly { readonly stage: Stage; readonly rows: readonly SkillRow[]; readonly done: number }[];
  readonly forecast: { readonly today: number; readonly nextDays: readonly number[] };
  readonly plan: StudyPlan;
  readonly reviewsEnabled: boolean;
  readonly completedCount: number;
}

/** What the dashboard reads about one skill from progress and exercise results. */
export interface SkillFacts {
  readonly read: boolean;
  readonly complete: boolean;
  readonly quizBest?: { readonly correct: number; readonly total: number };
  readonly exercise?: Readonly<Partial<Record<'php' | 'node', string>>>;
}

export interface DashboardInput {
  readonly catalog: Catalog;
  facts(skill: Skill): SkillFacts;
  readonly cards: readonly ReviewCard[];
  /** True when the card's question still exists in the lesson's quiz. */
  isLive(card: ReviewCard): boolean;
  retrievability(card: ReviewCard, now: Date): number;
  readonly now: Date;
  readonly hoursPerWeek?: number;
  readonly startedAt?: Date;
  readonly reviewsEnabled: boolean;
}

export function buildDashboardModel(input: DashboardInput): DashboardModel {
  const liveCards = input.cards.filter(input.isLive);
  const rows = new Map<string, SkillRow>();
  for (const skill of input.catalog.skills) {
    const facts = input.facts(skill);
    const cards = liveCards.filter((card) => card.skillId === skill.id);
    const mastery = cards.length > 0 ? cards.reduce((sum, card) => sum + input.retrievability(card, input.now), 0) / cards.length : undefined;
    rows.set(skill.id, {
      skill,
      read: facts.read,
      complete: facts.complete,
      exercise: facts.exercise ?? {},
      cards: cards.length,
      ...(facts.quizBest ? { quizBest: facts.quizBest } : {}),
      ...(mastery !== undefined ? { mastery } : {}),
    });
  }
  const stages = input.catalog.stages.map((stage) => {
    const stageRows = stage.skills.map((skill) => rows.get(skill.id) as SkillRow);
    return { stage, rows: stageRows, done: stageRows.filter((row) => row.complete).length };
  });
  const completeIds = new Set([...rows.values()].filter((row) => row.complete).map((row) => row.skill.id));
  const forecast = dueForecast(liveCards, { now: input.now, isServable: (card) => completeIds.has(card.skillId) });
  const plan = studyPlan({
    skills: input.catalog.skills.map((skill) => ({ minutes: skill.minutes, complete: completeIds.has(skill.id) })),
    pathMonths: parseMonths(input.catalog.path.duration) ?? 7,
    now: input.now,
    ...(input.hoursPerWeek !== undefined ? { hoursPerWeek: input.hoursPerWeek } : {}),
    ...(input.startedAt ? { startedAt: input.startedAt } : {}),
  });
  return { catalog: input.catalog, stages, forecast, plan, reviewsEnabled: input.reviewsEnabled, completedCount: completeIds.size };
}
