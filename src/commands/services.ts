import type * as vscode from 'vscode';
import type { LessonLibrary } from '../curriculum/lessonLibrary';
import type { ExerciseResults } from '../exercises/exerciseResults';
import type { StartedExercises } from '../exercises/startedExercises';
import type { Skill } from '../curriculum/types';
import type { LessonPanel } from '../lessonPanel/lessonPanel';
import type { ProgressStore } from '../progress/progressStore';
import type { ReviewStore } from '../review/reviewStore';
import type { Log } from '../ui/log';
import type { Prompts } from '../ui/prompts';
import type { ExerciseTesting } from '../testing/exerciseTestController';

/** Everything the commands need, built once in activate(). */
export interface Services {
  readonly extensionUri: vscode.Uri;
  readonly library: LessonLibrary;
  readonly progress: ProgressStore;
  readonly panel: LessonPanel;
  readonly exerciseResults: ExerciseResults;
  /** The Testing view, which also shows Check Exercise's results per test. */
  readonly testing: Pick<ExerciseTesting, 'beginCheckRun'>;
  /** Which stacks of which skills are started in the workspace (cached listing of backend-path-exercises/). */
  readonly startedExercises: StartedExercises;
  readonly log: Log;
  /** The review schedule: exported, imported and reset with progress. */
  readonly reviews: Pick<ReviewStore, 'exportable' | 'merge' | 'reset'>;
  /** Selects the skill's row in the Learning Path (when the view is visible), so the tree follows the open lesson. */
  readonly revealSkill: (skillId: string) => Promise<boolean>;
  /** The current dialogs; integration tests may swap them to answer modal questions. */
  readonly prompts: Prompts;
}

/** A command argument names a skill by id, by tree node, or not at all. */
export async function resolveSkill(services: Services, argument: unknown): Promise<Skill | undefined> {
  const catalog = await services.library.catalog();
  let skillId: string | undefined;
  if (typeof argument === 'string') skillId = argument;
  else if (typeof argument === 'object' && argument !== null && 'skill' in argument) {
    skillId = (argument as { skill: Skill }).skill.id;
  } else skillId = services.panel.currentSkillId;
  return skillId ? catalog.skills.find((skill) => skill.id === skillId) : undefined;
}
