import type { QuizQuestion } from './types';
import { ValidationErrors, isRecord, nonEmptyString } from './validation';

export const MIN_QUIZ_QUESTIONS = 3;
const QUESTION_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export interface QuizParseOptions {
  /**
   * Authoring rules (lint:lessons): every question has a stable id, names the objectives it checks
   * and explains every wrong choice. The extension itself reads older files too, so it passes false.
   */
  readonly strict?: boolean;
  /** How many objectives the skill has, so objective numbers can be checked (strict mode). */
  readonly objectiveCount?: number;
}

/** Parses quiz.json; returns the questions or the list of problems found. */
export function parseQuiz(text: string, options: QuizParseOptions = {}): { questions: QuizQuestion[]; problems: string[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { questions: [], problems: [`quiz.json is not valid JSON (${(error as Error).message})`] };
  }
  const errors = new ValidationErrors();
  if (!Array.isArray(raw)) {
    return { questions: [], problems: ['quiz.json must be an array of questions'] };
  }
  if (raw.length < MIN_QUIZ_QUESTIONS) errors.add(`quiz.json needs at least ${MIN_QUIZ_QUESTIONS} questions`);
  const questions = raw.map((value, index) => parseQuestion(value, index, errors, options));
  const seen = new Set<string>();
  for (const question of questions) {
    if (seen.has(question.id)) errors.add(`question id "${question.id}" is used twice`);
    seen.add(question.id);
  }
  return { questions: errors.ok ? questions : [], problems: errors.messages };
}

function parseQuestion(value: unknown, index: number, errors: ValidationErrors, options: QuizParseOptions): QuizQuestion {
  const where = `question ${index + 1}`;
  const strict = options.strict === true;
  const record = isRecord(value) ? value : {};
  if (!isRecord(value)) errors.add(`${where} must be an object`);
  const choices = Array.isArray(record.choices)
    ? record.choices.map((choice, choiceIndex) => nonEmptyString(choice, `${where} choice ${choiceIndex + 1}`, errors))
    : [];
  if (choices.length < 2 || choices.length > 6) errors.add(`${where} must have 2 to 6 choices`);
  if (new Set(choices).size !== choices.length) errors.add(`${where} has duplicate choices`);
  const answer = record.answer;
  const answerOk = typeof answer === 'number' && Number.isInteger(answer) && answer >= 0 && answer < choices.length;
  if (!answerOk) errors.add(`${where} answer must be the zero-based index of one of its choices`);
  const explanation = nonEmptyString(record.explanation, `${where} explanation`, errors);
  if (explanation.includes('\n')) errors.add(`${where} explanation must be one line`);
  return {
    id: parseId(record.id, where, index, strict, errors),
    objectives: parseObjectives(record.objectives, where, strict, options.objectiveCount, errors),
    question: nonEmptyString(record.question, `${where} question`, errors),
    choices,
    answer: answerOk ? answer : -1,
    explanation,
    feedback: parseFeedback(record.feedback, where, choices.length, answerOk ? answer : -1, strict, errors),
  };
}

function parseId(value: unknown, where: string, index: number, strict: boolean, errors: ValidationErrors): string {
  if (typeof value === 'string' && QUESTION_ID.test(value)) return value;
  if (value !== undefined || strict) errors.add(`${where} id must be lowercase words joined by hyphens (a stable id)`);
  // Older files have no ids: their position is the only identity they have.
  return `q${index + 1}`;
}

function parseObjectives(
  value: unknown,
  where: string,
  strict: boolean,
  objectiveCount: number | undefined,
  errors: ValidationErrors,
): number[] {
  if (value === undefined && !strict) return [];
  if (!Array.isArray(value) || value.length === 0 || !value.every((item) => Number.isInteger(item) && (item as number) >= 1)) {
    errors.add(`${where} objectives must list the objective numbers (1-based) it checks`);
    return [];
  }
  const numbers = value as number[];
  if (objectiveCount !== undefined) {
    for (const number of numbers) {
      if (number > objectiveCount) errors.add(`${where} names objective ${number}, but the skill has ${objectiveCount}`);
    }
  }
  return numbers;
}

function parseFeedback(
  value: unknown,
  where: string,
  choiceCount: number,
  answer: number,
  strict: boolean,
  errors: ValidationErrors,
): (string | null)[] {
  if (value === undefined && !strict) return Array.from({ length: choiceCount }, () => null);
  if (!Array.isArray(value) || value.length !== choiceCount) {
    errors.add(`${where} feedback must have one entry per choice (null for the correct one)`);
    return Array.from({ length: choiceCount }, () => null);
  }
  return value.map((entry, index) => {
    if (index === answer) {
      if (entry !== null) errors.add(`${where} feedback for the correct choice must be null (the explanation covers it)`);
      return null;
    }
    if (typeof entry !== 'string' || entry.trim() === '') {
      errors.add(`${where} feedback ${index + 1} must explain the misconception behind that wrong choice`);
      return null;
    }
    if (entry.includes('\n')) errors.add(`${where} feedback ${index + 1} must be one line`);
    return entry;
  });
}
