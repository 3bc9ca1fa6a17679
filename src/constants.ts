// Every id and key the extension shares with package.json lives here; test/unit/manifest.test.ts
// checks that the two agree, so a rename in one place cannot silently break the other.

export const VIEW_CONTAINER_ID = 'backendPath';
export const SKILLS_VIEW_ID = 'backendPath.skills';
export const LESSON_VIEW_TYPE = 'backendPath.lesson';
export const OUTPUT_CHANNEL_NAME = 'Backend Path';

/** globalState key of the progress record; registered with setKeysForSync. */
export const PROGRESS_STORAGE_KEY = 'backendPath.progress';
/** globalState key of the review schedule (FSRS cards); synced like progress. */
export const REVIEW_STORAGE_KEY = 'backendPath.reviews';
export const REVIEW_VIEW_TYPE = 'backendPath.review';
export const DASHBOARD_VIEW_TYPE = 'backendPath.dashboard';

/** Context keys used in `when` clauses. */
export const ContextKeys = {
  /** Set once at activation: the Welcome view shows only to a learner without progress. */
  showWelcome: 'backendPath.showWelcome',
  /** True while the Learning Path view is visible; ticks the walkthrough step even if it was already open. */
  pathViewVisible: 'backendPath.pathViewVisible',
  /** 'loading' until the catalog is read, then 'loaded' or 'failed' (the view's welcome text depends on it). */
  lessonsState: 'backendPath.lessonsState',
  /** True in development and test runs only: shows the review-clock command that e2e tests use. */
  developmentMode: 'backendPath.developmentMode',
} as const;

export const Settings = {
  section: 'backendPath',
  completeOnPass: 'completeOnPass',
  nodePath: 'nodePath',
  phpPath: 'phpPath',
  checkTimeoutSeconds: 'checkTimeoutSeconds',
  reviewsEnabled: 'reviews.enabled',
  reviewsDailyCap: 'reviews.dailyCap',
  paceHoursPerWeek: 'paceHoursPerWeek',
  /** The learner's stack: 'php', 'node', or 'ask' (the first Start Exercise asks, then sets it). */
  stack: 'stack',
} as const;

export const Commands = {
  openLesson: 'backendPath.openLesson',
  openLessonPicker: 'backendPath.openLessonPicker',
  continueLearning: 'backendPath.continueLearning',
  markComplete: 'backendPath.markComplete',
  markIncomplete: 'backendPath.markIncomplete',
  resetProgress: 'backendPath.resetProgress',
  exportProgress: 'backendPath.exportProgress',
  importProgress: 'backendPath.importProgress',
  scaffoldProject: 'backendPath.scaffoldProject',
  startExercise: 'backendPath.startExercise',
  checkExercise: 'backendPath.checkExercise',
  /** The tree's entries for a skill's other stack: Start/Check in that stack, whatever the setting says. */
  startExerciseInPhp: 'backendPath.startExerciseInPhp',
  startExerciseInNode: 'backendPath.startExerciseInNode',
  checkExerciseInPhp: 'backendPath.checkExerciseInPhp',
  checkExerciseInNode: 'backendPath.checkExerciseInNode',
  showSolution: 'backendPath.showSolution',
  showHint: 'backendPath.showHint',
  resetExercise: 'backendPath.resetExercise',
  copySolution: 'backendPath.copySolution',
  showLog: 'backendPath.showLog',
  reviewDue: 'backendPath.reviewDue',
  showMyPath: 'backendPath.showMyPath',
  advanceReviewClock: 'backendPath.advanceReviewClock',
} as const;

/** The read-only scheme Show Solution opens bundled solutions (and starters) with. */
export const SOLUTION_SCHEME = 'backend-path-solution';

/** Where Start Exercise copies a skill's starter, relative to the workspace folder. */
export const EXERCISES_FOLDER = 'backend-path-exercises';

/** Where Reset Exercise to Starter keeps the learner's changed files, inside EXERCISES_FOLDER. */
export const EXERCISE_BACKUPS_FOLDER = '.backups';
