import type { Catalog, QuizQuestion, Skill } from '../curriculum/types';
import { Emitter } from '../progress/mementoLike';
import { buildDashboardModel, type DashboardModel, type SkillFacts } from './dashboardModel';
import { sectionForQuestion, type LessonHeading } from './lessonSection';
import { cardKey, type ReviewCard } from './reviewCard';
import { dueCards } from './reviewQueue';
import { ReviewSession, type ReviewItem } from './reviewSession';
import type { ReviewStore } from './reviewStore';
import type { ReviewScheduler } from './scheduler';

export interface ReviewSettings {
  readonly enabled: boolean;
  readonly dailyCap: number;
  /** Hours a week; undefined means the path's own pace. */
  readonly hoursPerWeek?: number;
}

export interface ReviewServiceDeps {
  readonly library: {
    catalog(): Promise<Catalog>;
    content(skill: Skill): Promise<{ readonly quiz: readonly QuizQuestion[]; readonly rendered?: { readonly headings: readonly LessonHeading[] } }>;
  };
  readonly progress: { isComplete(skillId: string): boolean; learnerSeed(): string };
  readonly store: ReviewStore;
  /** Loads ts-fsrs on first use, so activation never pays for it. */
  loadScheduler(): ReviewScheduler;
  settings(): ReviewSettings;
  /** The clock; integration tests move it forward through the test API. */
  now(): Date;
  choiceOrder(seed: string, skillId: string, questionId: string, count: number): number[];
  /** Per-skill facts for the dashboard that live elsewhere (lesson read, exercise results, quiz best). */
  facts(skill: Skill): SkillFacts | Promise<SkillFacts>;
  startedAt(): Date | undefined;
}

/** A question that still exists in its lesson's quiz, with what the review page shows beside it. */
interface LiveQuestion {
  readonly skill: Skill;
  readonly question: QuizQuestion;
  readonly headings: readonly LessonHeading[];
}

/**
 * Spaced review over the quiz questions a learner has answered: records answers as FSRS cards,
 * serves due questions from completed lessons, and feeds the path dashboard.
 */
export class ReviewService {
  private readonly changes = new Emitter<void>();
  /** Fires when what is due may have changed (a review, a clock move, a setting). */
  readonly onDidChange = this.changes.event;

  constructor(private readonly deps: ReviewServiceDeps) {
    deps.store.onDidChange(() => this.changes.fire());
  }

  /** Something outside changed what is due (progress, settings, the test clock). */
  refresh(): void {
    this.changes.fire();
  }

  /** A lesson quiz answer: the question becomes (or stays) a review card. */
  async recordQuizAnswer(skillId: string, questionId: string, correct: boolean, elapsedMs: number | undefined): Promise<void> {
    if (!this.deps.settings().enabled) return;
    const previous = this.deps.store.card(cardKey(skillId, questionId));
    const card = this.deps.loadScheduler().review(skillId, questionId, previous, { correct, ...(elapsedMs !== undefined ? { elapsedMs } : {}) }, this.deps.now());
    await this.deps.store.save(card);
  }

  /** Questions of completed lessons that still exist, keyed `skillId/questionId`. */
  private async liveQuestions(): Promise<Map<string, LiveQuestion>> {
    const catalog = await this.deps.library.catalog();
    const live = new Map<string, LiveQuestion>();
    const withCards = new Set(this.deps.store.cards().map((card) => card.skillId));
    for (const skill of catalog.skills) {
      if (!withCards.has(skill.id)) continue;
      const content = await this.deps.library.content(skill);
      for (const question of content.quiz) live.set(cardKey(skill.id, question.id), { skill, question, headings: content.rendered?.headings ?? [] });
    }
    return live;
  }

  private servable(live: ReadonlyMap<string, unknown>): (card: ReviewCard) => boolean {
    return (card) => this.deps.progress.isComplete(card.skillId) && live.has(cardKey(card.skillId, card.questionId));
  }

  /** The due cards now, and the questions they belong to; the status bar only needs the count. */
  private async due(): Promise<{ cards: ReviewCard[]; live: Map<string, LiveQuestion> }> {
    const settings = this.deps.settings();
    if (!settings.enabled) return { cards: [], live: new Map() };
    const live = await this.liveQuestions();
    return { cards: dueCards(this.deps.store.cards(), { now: this.deps.now(), dailyCap: settings.dailyCap, isServable: this.servable(live) }), live };
  }

  async dueItems(): Promise<ReviewItem[]> {
    const { cards, live } = await this.due();
    const seed = this.deps.progress.learnerSeed();
    return cards.map((card) => {
      const { skill, question, headings } = live.get(cardKey(card.skillId, card.questionId)) as LiveQuestion;
      const objectives = question.objectives.map((number) => skill.objectives[number - 1] ?? '');
      const section = sectionForQuestion([question.question, ...objectives], headings);
      return { skill, question, card, order: this.deps.choiceOrder(seed, skill.id, question.id, question.choices.length), ...(section ? { section } : {}) };
    });
  }

  async dueCount(): Promise<number> {
    return (await this.due()).cards.length;
  }

  async startSession(): Promise<ReviewSession> {
    const items = await this.dueItems();
    return new ReviewSession(items, {
      now: () => this.deps.now(),
      record: async (item, outcome, now) => {
        const card = this.deps.loadScheduler().review(item.skill.id, item.question.id, this.deps.store.card(cardKey(item.skill.id, item.question.id)) ?? item.card, outcome, now);
        await this.deps.store.save(card);
        return card;
      },
    });
  }

  async dashboard(): Promise<DashboardModel> {
    const catalog = await this.deps.library.catalog();
    const live = await this.liveQuestions();
    const settings = this.deps.settings();
    const scheduler = this.deps.store.cards().length > 0 ? this.deps.loadScheduler() : undefined;
    const startedAt = this.deps.startedAt();
    const facts = new Map(await Promise.all(catalog.skills.map(async (skill) => [skill.id, await this.deps.facts(skill)] as const)));
    return buildDashboardModel({
      catalog,
      facts: (skill) => facts.get(skill.id) ?? { read: false, complete: false },
      cards: this.deps.store.cards(),
      isLive: (card) => live.has(cardKey(card.skillId, card.questionId)),
      retrievability: (card, now) => scheduler?.retrievability(card, now) ?? 0,
      now: this.deps.now(),
      reviewsEnabled: settings.enabled,
      ...(settings.hoursPerWeek !== undefined ? { hoursPerWeek: settings.hoursPerWeek } : {}),
      ...(startedAt ? { startedAt } : {}),
    });
  }

  dispose(): void {
    this.changes.dispose();
  }
}
