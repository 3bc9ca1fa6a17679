import * as vscode from 'vscode';
import type { DashboardLabels } from './dashboardHtml';
import type { ReviewLabels } from './reviewPageHtml';

/** The review page's strings in the learner's language. */
export function reviewLabels(): ReviewLabels {
  return {
    title: vscode.l10n.t('Review'),
    progress: vscode.l10n.t('Question {position} of {total}'),
    revisit: vscode.l10n.t('Revisit: {section}'),
    revisitLesson: vscode.l10n.t('Revisit the lesson'),
    next: vscode.l10n.t('Next question'),
    finish: vscode.l10n.t('See the summary'),
    right: vscode.l10n.t('✓ Right.'),
    wrong: vscode.l10n.t('✗ Not quite.'),
    correctAnswer: vscode.l10n.t('The right answer: {answer}'),
    nothingDue: vscode.l10n.t('Nothing is due. Questions you answer in lesson quizzes come back here when it is time to recall them.'),
    summaryHeading: vscode.l10n.t('Review done'),
    summary: vscode.l10n.t('{reviewed} reviewed, {right} right.'),
    nextDue: vscode.l10n.t('Next review due {date}.'),
    showPath: vscode.l10n.t('Show my path'),
  };
}

/** The dashboard's strings in the learner's language. */
export function dashboardLabels(): DashboardLabels {
  return {
    title: vscode.l10n.t('My Backend Path'),
    facts: vscode.l10n.t('The path'),
    level: vscode.l10n.t('Level: {level}'),
    duration: vscode.l10n.t('Duration: about {duration}'),
    outcomes: vscode.l10n.t('Outcomes: {outcomes}'),
    progressHeading: vscode.l10n.t('Progress by stage'),
    stageDone: vscode.l10n.t('{done} of {total} skills complete'),
    progressChart: vscode.l10n.t('Skills completed per stage'),
    skillsHeading: vscode.l10n.t('Skills'),
    colSkill: vscode.l10n.t('Skill'),
    colRead: vscode.l10n.t('Lesson read'),
    colQuiz: vscode.l10n.t('Quiz best'),
    colExercise: vscode.l10n.t('Exercise'),
    colMastery: vscode.l10n.t('Quiz mastery'),
    colComplete: vscode.l10n.t('Completed'),
    yes: vscode.l10n.t('yes'),
    no: vscode.l10n.t('no'),
    none: '—',
    mastery: vscode.l10n.t('{percent}% ({cards} questions)'),
    reviewsHeading: vscode.l10n.t('Reviews'),
    reviewsOff: vscode.l10n.t('Reviews are turned off (setting backendPath.reviews.enabled).'),
    dueToday: vscode.l10n.t('{count} due today'),
    forecastChart: vscode.l10n.t('Reviews due today and in each of the next 7 days'),
    today: vscode.l10n.t('today'),
    inDays: vscode.l10n.t('+{days} d'),
    reviewNow: vscode.l10n.t('Review now'),
    planHeading: vscode.l10n.t('Study plan'),
    planPace: vscode.l10n.t("At {pace} h a week ({pathPace} h a week keeps to the path's {months}), {left} h of {total} h of reading and exercises are left."),
    planFinish: vscode.l10n.t('Projected finish: {date}.'),
    planAhead: vscode.l10n.t('{days} days ahead of the path.'),
    planBehind: vscode.l10n.t('{days} days behind the path.'),
    planOnTrack: vscode.l10n.t('On track with the path.'),
    planFinished: vscode.l10n.t('Every skill is complete.'),
    changePace: vscode.l10n.t('Change my pace'),
    open: vscode.l10n.t('Open {skill}'),
  };
}
