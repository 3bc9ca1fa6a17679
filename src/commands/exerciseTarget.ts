// Which exercise a command is about. From the tree or the lesson page the argument says so; from
// the Command Palette it is obvious only when the lesson page or one of the exercise's own files is
// the active editor. Otherwise the learner picks, with the open lesson's exercise offered first.
import * as vscode from 'vscode';
import { EXERCISES_FOLDER, LESSON_VIEW_TYPE } from '../constants';
import type { ExerciseSpec, Skill } from '../curriculum/types';
import { skillLabel } from '../curriculum/types';
import type { Services } from './services';

export interface SkillWithExercise {
  readonly skill: Skill;
  readonly exercise: ExerciseSpec;
}

/** The lesson page's tab, if one is open (any group). */
export function lessonTab(): vscode.Tab | undefined {
  for (const group of vscode.window.tabGroups.all) {
    for (const tab of group.tabs) {
      if (tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith(LESSON_VIEW_TYPE)) return tab;
    }
  }
  return undefined;
}

/** The skill folder of the active text editor, when it is a file under backend-path-exercises/. */
function activeExerciseFolder(): string | undefined {
  const uri = vscode.window.activeTextEditor?.document.uri;
  if (!uri) return undefined;
  const parts = vscode.workspace.asRelativePath(uri, false).split('/');
  return parts[0] === EXERCISES_FOLDER && parts.length > 2 ? parts[1] : undefined;
}

function explicitSkillId(argument: unknown): string | undefined {
  if (typeof argument === 'string') return argument;
  if (typeof argument === 'object' && argument !== null && 'skill' in argument) return (argument as { skill: Skill }).skill.id;
  return undefined;
}

interface ExercisePick extends vscode.QuickPickItem {
  readonly skill: Skill;
}

/**
 * Resolves the skill (with its exercise) a command acts on, asking with a picker when the context
 * does not say. Undefined when the learner dismissed the picker or the skill has no exercise.
 */
export async function exerciseFor(services: Services, argument: unknown, title: string): Promise<SkillWithExercise | undefined> {
  const catalog = await services.library.catalog();
  const withExercise = async (skill: Skill | undefined): Promise<SkillWithExercise | undefined> => {
    if (!skill) return undefined;
    const { exercise } = await services.library.exercise(skill);
    return exercise ? { skill, exercise } : undefined;
  };

  const explicit = explicitSkillId(argument);
  if (explicit !== undefined) {
    const skill = catalog.skills.find((candidate) => candidate.id === explicit);
    const found = await withExercise(skill);
    if (!found) {
      void vscode.window.showInformationMessage(
        skill ? vscode.l10n.t('{0} has no exercise.', skillLabel(skill)) : vscode.l10n.t('There is no skill "{0}".', explicit),
      );
    }
    return found;
  }

  // Obvious from the palette: the lesson page is the active tab, or an exercise file is being edited.
  const openLesson = catalog.skills.find((skill) => skill.id === services.panel.currentSkillId);
  const activeTab = vscode.window.tabGroups.activeTabGroup.activeTab;
  if (openLesson && activeTab && activeTab === lessonTab()) {
    const found = await withExercise(openLesson);
    if (found) return found;
  }
  const editedFolder = activeExerciseFolder();
  const edited = await withExercise(catalog.skills.find((skill) => skill.folder === editedFolder));
  if (edited) return edited;

  const candidates = (await Promise.all(catalog.skills.map(withExercise))).filter((found): found is SkillWithExercise => found !== undefined);
  if (openLesson) candidates.sort((a, b) => Number(b.skill.id === openLesson.id) - Number(a.skill.id === openLesson.id));
  const picked = await services.prompts.pick<ExercisePick>(
    candidates.map(({ skill, exercise }) => ({
      skill,
      label: skillLabel(skill),
      description: skill.id === openLesson?.id ? vscode.l10n.t('open lesson') : exercise.language === 'php' ? 'PHP' : 'Node.js',
      detail: exercise.title,
    })),
    { title, placeHolder: vscode.l10n.t('Which skill\'s exercise?') },
  );
  return picked ? candidates.find((candidate) => candidate.skill.id === picked.skill.id) : undefined;
}

/**
 * The column that shows a file next to the lesson without covering it: beside the lesson when the
 * lesson's group is active, else the active group (which then is not the lesson's).
 */
export function columnBesideLesson(): vscode.ViewColumn {
  const tab = lessonTab();
  if (tab && tab.group.isActive && tab.isActive) return vscode.ViewColumn.Beside;
  return vscode.ViewColumn.Active;
}
