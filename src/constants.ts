// Every id and key the extension shares with package.json lives here; test/unit/manifest.test.ts
// checks that the two agree, so a rename in one place cannot silently break the other.

export const VIEW_CONTAINER_ID = 'backendPath';
export const SKILLS_VIEW_ID = 'backendPath.skills';
export const LESSON_VIEW_TYPE = 'backendPath.lesson';
export const OUTPUT_CHANNEL_NAME = 'Backend Path';

/** globalState key of the progress record; registered with setKeysForSync. */
export const PROGRESS_STORAGE_KEY = 'backendPath.progress';

/** Context keys used in `when` clauses. */
export const ContextKeys = {
  hasProgress: 'backendPath.hasProgress',
} as const;

export const Settings = {
  section: 'backendPath',
  completeOnPass: 'completeOnPass',
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
  showSolution: 'backendPath.showSolution',
} as const;

/** Where Start Exercise copies a skill's starter, relative to the workspace folder. */
export const EXERCISES_FOLDER = 'backend-path-exercises';
