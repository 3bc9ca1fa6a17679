import * as vscode from 'vscode';
import type { CodeLabels } from '../lessons/localiseLessonHtml';
import type { PageLabels } from './pageHtml';

/** The page's words, localised here at the edge so the pure page builder stays vscode-free. */
export function pageLabels(): PageLabels {
  return {
    skillOf: vscode.l10n.t('Skill {position} of {total}'),
    roadmapNumber: vscode.l10n.t('roadmap #{number}'),
    minutesRead: vscode.l10n.t('{minutes} min read'),
    completed: vscode.l10n.t('Completed ✓'),
    notCompleted: vscode.l10n.t('Not completed yet'),
    markComplete: vscode.l10n.t('Mark complete'),
    markIncomplete: vscode.l10n.t('Mark incomplete'),
    previous: vscode.l10n.t('← Previous'),
    next: vscode.l10n.t('Next →'),
    back: vscode.l10n.t('Back'),
    forward: vscode.l10n.t('Forward'),
    quizHeading: vscode.l10n.t('Check your understanding'),
    quizIntro: vscode.l10n.t('Pick an answer for each question. Your first answer counts; your best score is kept.'),
    quizBest: vscode.l10n.t('Best score: {correct} / {total}'),
    retryQuiz: vscode.l10n.t('Try the quiz again'),
    quizRight: vscode.l10n.t('✓ Right.'),
    quizWrong: vscode.l10n.t('✗ Not quite.'),
    quizCorrectAnswer: vscode.l10n.t('The right answer:'),
    quizLocked: vscode.l10n.t('Answered: your first answer counts for this attempt.'),
    quizAttempt: vscode.l10n.t('{correct} / {total} on this attempt · best {best} / {total}'),
    exerciseHeading: vscode.l10n.t('Exercise'),
    startExercise: vscode.l10n.t('Start exercise'),
    checkExercise: vscode.l10n.t('Check exercise'),
    showSolution: vscode.l10n.t('Show solution'),
    exerciseAlsoIn: vscode.l10n.t('Also in {stack}:'),
    startInStack: vscode.l10n.t('Start exercise in {stack}'),
    exerciseChooseStack: vscode.l10n.t('In {stacks}. Start asks which one you practise in.'),
    exerciseUntrusted: vscode.l10n.t('Checking runs your code, so it is available only in a trusted workspace.'),
    table: vscode.l10n.t('Table {number} (scrolls sideways)'),
    runCode: vscode.l10n.t('Run'),
    inPreparation: vscode.l10n.t('This lesson is in preparation. The objectives above show what it will teach.'),
    objectivesHeading: vscode.l10n.t('What you will learn'),
  hintsHeading: vscode.l10n.t('Hints'),
  showHint: vscode.l10n.t('Show hint {number} of {total}'),
  hintNumber: vscode.l10n.t('Hint {number} of {total}'),
  hintRevisit: vscode.l10n.t('Revisit “{section}” in the lesson'),
  passedWithoutHints: vscode.l10n.t('Passed without hints'),
  passedWithOneHint: vscode.l10n.t('Passed with 1 hint'),
  passedWithHints: vscode.l10n.t('Passed with {count} hints'),
  oneHintUsed: vscode.l10n.t('1 hint used'),
  hintsUsed: vscode.l10n.t('{count} hints used'),
  hintsForStack: vscode.l10n.t('Hints for the {stack} version'),
  };
}

export function codeLabels(): CodeLabels {
  return {
    copy: vscode.l10n.t('Copy'),
    insert: vscode.l10n.t('Insert into editor'),
    run: vscode.l10n.t('Run in terminal'),
    runNode: vscode.l10n.t('Run'),
    example: vscode.l10n.t('Example'),
    refused: vscode.l10n.t('This lesson cannot be shown: its text is beyond what the lesson viewer renders safely.'),
  };
}
