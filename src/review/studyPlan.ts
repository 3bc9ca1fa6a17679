/**
 * The study plan: from the learner's pace and the work left, when the path will be finished, and
 * whether that is ahead of or behind the path's own duration.
 */
export interface PlanSkill {
  readonly minutes: number;
  /** Exercise time for the skill; see EXERCISE_MINUTES_PER_READING_MINUTE when unknown. */
  readonly exerciseMinutes?: number;
  readonly complete: boolean;
}

export interface PlanInput {
  readonly skills: readonly PlanSkill[];
  /** The path's duration in months ("7 months" in curriculum.json). */
  readonly pathMonths: number;
  /** The learner's pace; undefined means the pace at which the path takes exactly pathMonths. */
  readonly hoursPerWeek?: number;
  /** When the learner started (first progress); undefined means today. */
  readonly startedAt?: Date;
  readonly now: Date;
}

export interface StudyPlan {
  readonly totalHours: number;
  readonly hoursLeft: number;
  readonly hoursPerWeek: number;
  /** The pace at which the whole path takes exactly pathMonths. */
  readonly pathPaceHoursPerWeek: number;
  readonly projectedFinish: Date;
  readonly targetFinish: Date;
  /** Positive: days ahead of the path's duration; negative: days behind. */
  readonly daysAhead: number;
  readonly verdict: 'finished' | 'ahead' | 'on-track' | 'behind';
}

/** Practice takes longer than reading: each reading minute comes with this much exercise time. */
export const EXERCISE_MINUTES_PER_READING_MINUTE = 2;
export const WEEKS_PER_MONTH = 52 / 12;
/** Within a week of the target counts as on track: a plan is not a stopwatch. */
const ON_TRACK_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;

function workMinutes(skill: PlanSkill): number {
  return skill.minutes + (skill.exerciseMinutes ?? skill.minutes * EXERCISE_MINUTES_PER_READING_MINUTE);
}

/** Reads "7 months" (the seed's wording); anything else is refused rather than guessed. */
export function parseMonths(duration: string): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*months?\s*$/i.exec(duration);
  return match ? Number(match[1]) : undefined;
}

export function addMonths(date: Date, months: number): Date {
  return new Date(date.getTime() + months * WEEKS_PER_MONTH * 7 * DAY_MS);
}

export function studyPlan(input: PlanInput): StudyPlan {
  const totalMinutes = input.skills.reduce((sum, skill) => sum + workMinutes(skill), 0);
  const leftMinutes = input.skills.filter((skill) => !skill.complete).reduce((sum, skill) => sum + workMinutes(skill), 0);
  const pathWeeks = input.pathMonths * WEEKS_PER_MONTH;
  const pathPace = totalMinutes / 60 / pathWeeks;
  const pace = input.hoursPerWeek !== undefined && Number.isFinite(input.hoursPerWeek) && input.hoursPerWeek > 0 ? input.hoursPerWeek : pathPace;
  const weeksLeft = leftMinutes / 60 / pace;
  const projectedFinish = new Date(input.now.getTime() + weeksLeft * 7 * DAY_MS);
  const started = input.startedAt && input.startedAt.getTime() <= input.now.getTime() ? input.startedAt : input.now;
  const targetFinish = addMonths(started, input.pathMonths);
  const daysAhead = Math.round((targetFinish.getTime() - projectedFinish.getTime()) / DAY_MS);
  const verdict = leftMinutes === 0 ? 'finished' : daysAhead > ON_TRACK_DAYS ? 'ahead' : daysAhead < -ON_TRACK_DAYS ? 'behind' : 'on-track';
  return {
    totalHours: round1(totalMinutes / 60),
    hoursLeft: round1(leftMinutes / 60),
    hoursPerWeek: round1(pace),
    pathPaceHoursPerWeek: round1(pathPace),
    projectedFinish,
    targetFinish,
    daysAhead,
    verdict,
  };
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
