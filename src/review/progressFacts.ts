import type { ExerciseLanguage, ExerciseSpec, Skill } from '../curriculum/types';
import { passedStacks } from '../exercises/stackProgress';
import type { SkillFacts } from './dashboardModel';

/** The slices of progress, exercise results and the library the dashboard reads. */
export interface FactSources {
  readonly progress: {
    isComplete(skillId: string): boolean;
    quizBest(skillId: string): { correct: number; total: number } | undefined;
    entry(skillId: string): Readonly<Record<string, unknown>> | undefined;
  };
  readonly results: { get(skillId: string, stack: ExerciseLanguage): 'passed' | 'failed' | undefined };
  readonly library: { exercises(skill: Skill): Promise<{ exercises: ReadonlyMap<ExerciseLanguage, ExerciseSpec> }> };
  /** The stacks of a skill started in the workspace (their folders exist). */
  readonly started?: { stacks(skillId: string): Promise<readonly ExerciseLanguage[]> };
}

/** One skill's state for the dashboard: read, quiz best, exercise status per stack, completed. */
export async function reviewFacts(
  progress: FactSources['progress'],
  results: FactSources['results'],
  library: FactSources['library'],
  skill: Skill,
  started?: FactSources['started'],
): Promise<SkillFacts> {
  const entry = progress.entry(skill.id);
  const { exercises } = await library.exercises(skill);
  const passed = passedStacks(skill.id, entry);
  const startedStacks = exercises.size > 0 && started ? await started.stacks(skill.id).catch(() => []) : [];
  const exercise: Partial<Record<ExerciseLanguage, string>> = {};
  for (const stack of exercises.keys()) {
    const status = passed.includes(stack) ? 'passed' : (results.get(skill.id, stack) ?? (startedStacks.includes(stack) ? 'started' : undefined));
    if (status) exercise[stack] = status;
  }
  const quizBest = progress.quizBest(skill.id);
  return {
    // Opening the lesson marks it read; a completed skill or a quiz score means it was read too.
    read: typeof entry?.readAt === 'string' || progress.isComplete(skill.id) || quizBest !== undefined,
    complete: progress.isComplete(skill.id),
    ...(quizBest ? { quizBest } : {}),
    ...(Object.keys(exercise).length > 0 ? { exercise } : {}),
  };
}

/** When the learner started: the earliest date in their progress, so the plan measures from it. */
export function startedAt(progress: { snapshot(): Record<string, unknown> }): Date | undefined {
  const skills = progress.snapshot().skills;
  if (typeof skills !== 'object' || skills === null) return undefined;
  let earliest: number | undefined;
  for (const entry of Object.values(skills as Record<string, Record<string, unknown>>)) {
    for (const field of ['readAt', 'completedAt', 'markedAt', 'updatedAt']) {
      const time = typeof entry?.[field] === 'string' ? Date.parse(entry[field] as string) : Number.NaN;
      if (Number.isFinite(time) && (earliest === undefined || time < earliest)) earliest = time;
    }
  }
  return earliest === undefined ? undefined : new Date(earliest);
}
