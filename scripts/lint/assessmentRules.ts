import type { QuizQuestion } from '../../src/curriculum/types';

/** The rules that keep a green tick honest: quizzes cover every objective and give nothing away. */
export const MIN_LESSON_QUESTIONS = 5;
/** The correct answer may be the strictly longest choice in at most this many questions per lesson… */
export const MAX_LONGEST_TELLS_PER_LESSON = 2;
/** …and in at most this share of the path's questions (chance with four choices is about 25%). */
export const MAX_LONGEST_TELL_SHARE = 0.25;
/** An exercise practises at least this share of its lesson's objectives. */
export const MIN_EXERCISE_OBJECTIVE_SHARE = 0.6;

/** True when the correct choice is longer than every other choice: a test-wise learner's tell. */
export function answerIsStrictlyLongest(question: Pick<QuizQuestion, 'choices' | 'answer'>): boolean {
  const correct = question.choices[question.answer];
  if (correct === undefined) return false;
  return question.choices.every((choice, index) => index === question.answer || choice.length < correct.length);
}

export interface QuizAssessment {
  readonly problems: string[];
  /** How many questions give the answer away by length (for the path-wide share). */
  readonly longestTells: number;
}

/** Checks one lesson's quiz against its objectives (numbered from 1). */
export function assessQuiz(questions: readonly QuizQuestion[], objectiveCount: number): QuizAssessment {
  const problems: string[] = [];
  if (questions.length < MIN_LESSON_QUESTIONS) {
    problems.push(`quiz has ${questions.length} questions; a lesson needs at least ${MIN_LESSON_QUESTIONS}`);
  }
  const covered = new Set(questions.flatMap((question) => question.objectives));
  for (let objective = 1; objective <= objectiveCount; objective += 1) {
    if (!covered.has(objective)) problems.push(`objective ${objective} is not checked by any quiz question`);
  }
  const tells = questions.filter(answerIsStrictlyLongest);
  if (tells.length > MAX_LONGEST_TELLS_PER_LESSON) {
    problems.push(
      `the correct answer is the strictly longest choice in ${tells.length} questions (${tells.map((question) => question.id).join(', ')}); at most ${MAX_LONGEST_TELLS_PER_LESSON} per lesson — rewrite the distractors, don't pad them`,
    );
  }
  return { problems, longestTells: tells.length };
}

/** The path-wide share of questions whose answer is the longest choice. */
export function assessLongestTellShare(tells: number, questions: number): string[] {
  if (questions === 0 || tells / questions <= MAX_LONGEST_TELL_SHARE) return [];
  return [
    `the correct answer is the strictly longest choice in ${tells} of ${questions} questions (${Math.round((100 * tells) / questions)}%); at most ${MAX_LONGEST_TELL_SHARE * 100}% across the path`,
  ];
}

/** Checks that an exercise practises enough of its lesson's objectives. */
export function assessExerciseObjectives(practised: readonly number[], objectiveCount: number): string[] {
  const needed = Math.ceil(MIN_EXERCISE_OBJECTIVE_SHARE * objectiveCount);
  const distinct = new Set(practised.filter((objective) => objective >= 1 && objective <= objectiveCount));
  if (distinct.size >= needed) return [];
  return [
    `the exercise practises ${distinct.size} of ${objectiveCount} objectives; it needs at least ${needed} (${MIN_EXERCISE_OBJECTIVE_SHARE * 100}%) — extend it`,
  ];
}

/**
 * A lesson's review date: the day one of its claims stops being true. Once it has passed the lesson
 * must be re-checked, so the linter fails rather than letting content go stale silently.
 */
export function assessReviewDate(reviewBy: string | undefined, today: string): string[] {
  if (reviewBy === undefined) return ['curriculum.json has no "reviewBy" date for this lesson (YYYY-MM-DD: when its dated claims must be re-checked)'];
  if (reviewBy <= today) {
    return [`review date ${reviewBy} has passed (today is ${today}): re-check the lesson's dated claims against their sources, update them, then move "reviewBy" forward`];
  }
  return [];
}

/** Today as YYYY-MM-DD (UTC); `BACKEND_PATH_TODAY` overrides it so the rule can be tested. */
export function todayIso(env: NodeJS.ProcessEnv = process.env, now: Date = new Date()): string {
  const override = env.BACKEND_PATH_TODAY;
  if (override && /^\d{4}-\d{2}-\d{2}$/.test(override)) return override;
  return now.toISOString().slice(0, 10);
}
