import type { QuizQuestion } from './types';
import { ValidationErrors, isRecord, nonEmptyString } from './validation';

export const MIN_QUIZ_QUESTIONS = 3;

/** Parses quiz.json; returns the questions or the list of problems found. */
export function parseQuiz(text: string): { questions: QuizQuestion[]; problems: string[] } {
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
  const questions = raw.map((value, index) => parseQuestion(value, `question ${index + 1}`, errors));
  return { questions: errors.ok ? questions : [], problems: errors.messages };
}

function parseQuestion(value: unknown, where: string, errors: ValidationErrors): QuizQuestion {
  const record = isRecord(value) ? value : {};
  if (!isRecord(value)) errors.add(`${where} must be an object`);
  const choices = Array.isArray(record.choices)
    ? record.choices.map((choice, index) => nonEmptyString(choice, `${where} choice ${index + 1}`, errors))
    : [];
  if (choices.length < 2 || choices.length > 6) errors.add(`${where} must have 2 to 6 choices`);
  if (new Set(choices).size !== choices.length) errors.add(`${where} has duplicate choices`);
  const answer = record.answer;
  if (typeof answer !== 'number' || !Number.isInteger(answer) || answer < 0 || answer >= choices.length) {
    errors.add(`${where} answer must be the zero-based index of one of its choices`);
  }
  const explanation = nonEmptyString(record.explanation, `${where} explanation`, errors);
  if (explanation.includes('\n')) errors.add(`${where} explanation must be one line`);
  return {
    question: nonEmptyString(record.question, `${where} question`, errors),
    choices,
    answer: typeof answer === 'number' ? answer : -1,
    explanation,
  };
}
