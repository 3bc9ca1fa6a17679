import type { PageLabels } from './pageHtml';

/**
 * The page's words in English, for tools outside VS Code (the preview, the bench). The extension
 * itself localises them in labels.ts; a unit test keeps the two lists of keys equal.
 */
export const ENGLISH_PAGE_LABELS: PageLabels = {
  skillOf: 'Skill {position} of {total}',
  roadmapNumber: 'roadmap #{number}',
  minutesRead: '{minutes} min read',
  completed: 'Completed ✓',
  notCompleted: 'Not completed yet',
  markComplete: 'Mark complete',
  markIncomplete: 'Mark incomplete',
  previous: '← Previous',
  next: 'Next →',
  back: 'Back',
  forward: 'Forward',
  quizHeading: 'Check your understanding',
  quizIntro: 'Pick an answer for each question. Your first answer counts; your best score is kept.',
  quizBest: 'Best score: {correct} / {total}',
  retryQuiz: 'Try the quiz again',
  quizRight: '✓ Right.',
  quizWrong: '✗ Not quite.',
  quizCorrectAnswer: 'The right answer:',
  quizLocked: 'Answered: your first answer counts for this attempt.',
  quizAttempt: '{correct} / {total} on this attempt · best {best} / {total}',
  exerciseHeading: 'Exercise',
  startExercise: 'Start exercise',
  checkExercise: 'Check exercise',
  showSolution: 'Show solution',
  exerciseAlsoIn: 'Also in {stack}:',
  startInStack: 'Start exercise in {stack}',
  exerciseChooseStack: 'In {stacks}. Start asks which one you practise in.',
  exerciseUntrusted: 'Checking runs your code, so it is available only in a trusted workspace.',
  table: 'Table {number} (scrolls sideways)',
  runCode: 'Run',
  inPreparation: 'This lesson is in preparation. The objectives above show what it will teach.',
  objectivesHeading: 'What you will learn',
};
