// Which exercise (skill and stack) a command is about. From the tree or the lesson page the argument
// says so; from the Command Palette it is obvious only when the lesson page or one of the exercise's
// own files is the active editor. Otherwise the learner picks, with the open lesson's exercise first.
// The stack follows stackChoice.ts; when nothing decides it, the learner is asked once and the
// answer becomes the setting backendPath.stack.
import * as vscode from 'vscode';
import { EXERCISES_FOLDER, LESSON_VIEW_TYPE, Settings } from '../constants';
import { isExerciseStack, parseExerciseFolderName } from '../curriculum/exerciseStacks';
import type { Catalog, ExerciseLanguage, ExerciseSpec, Skill } from '../curriculum/types';
import { skillLabel } from '../curriculum/types';
import type { StackDecision } from '../exercises/stackChoice';
import { decideStack, parseStackSetting, stackName } from '../exercises/stackChoice';
import type { Services } from './services';

export interface ExerciseTarget {
  readonly skill: Skill;
  readonly stack: ExerciseLanguage;
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

/** The skill and stack of the exercise folder the active text editor's file is in, if any. */
function activeExerciseFolder(catalog: Catalog): { skillId: string; stack: ExerciseLanguage } | undefined {
  const uri = vscode.window.activeTextEditor?.document.uri;
  if (!uri) return undefined;
  const parts = vscode.workspace.asRelativePath(uri, false).split('/');
  if (parts[0] !== EXERCISES_FOLDER || parts.length <= 2) return undefined;
  return parseExerciseFolderName(parts[1], catalog.skills);
}

/** What a command argument names: a skill id, `{skillId, stack?}` (card, tree), or a tree node `{skill}`. */
export function parseExerciseArgument(argument: unknown): { skillId?: string; stack?: unknown } {
  if (typeof argument === 'string') return { skillId: argument };
  if (typeof argument !== 'object' || argument === null) return {};
  const record = argument as Record<string, unknown>;
  const stack = Object.hasOwn(record, 'stack') ? record.stack : undefined;
  if (typeof record.skillId === 'string') return { skillId: record.skillId, stack };
  const skill = record.skill;
  if (typeof skill === 'object' && skill !== null && typeof (skill as { id?: unknown }).id === 'string') return { skillId: (skill as { id: string }).id, stack };
  return {};
}

interface ExercisePick extends vscode.QuickPickItem {
  readonly skill: Skill;
  readonly stack?: ExerciseLanguage;
}

interface StackPick extends vscode.QuickPickItem {
  readonly stack: ExerciseLanguage;
}

function stackSetting() {
  return parseStackSetting(vscode.workspace.getConfiguration(Settings.section).get<unknown>(Settings.stack, 'ask'));
}

/**
 * Resolves the exercise a command acts on, asking with a picker when the context does not say.
 * Undefined when the learner dismissed a picker or the skill has no exercise (in that stack).
 */
export async function exerciseFor(services: Services, argument: unknown, title: string): Promise<ExerciseTarget | undefined> {
  const catalog = await services.library.catalog();
  const stacksOf = async (skill: Skill) => (await services.library.exercises(skill)).exercises;

  const decide = async (skill: Skill, explicit: ExerciseLanguage | undefined, editor?: ExerciseLanguage): Promise<ExerciseTarget | undefined> => {
    const exercises = await stacksOf(skill);
    if (exercises.size === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('{0} has no exercise.', skillLabel(skill)));
      return undefined;
    }
    const decision = decideStack({
      available: [...exercises.keys()],
      explicit,
      editor,
      setting: stackSetting(),
      started: await services.startedExercises.stacks(skill.id),
    });
    const stack = await stackFrom(services, skill, decision, title);
    const exercise = stack && exercises.get(stack);
    return stack && exercise ? { skill, stack, exercise } : undefined;
  };

  const named = parseExerciseArgument(argument);
  if (named.skillId !== undefined) {
    const skill = catalog.skills.find((candidate) => candidate.id === named.skillId);
    if (!skill) {
      void vscode.window.showInformationMessage(vscode.l10n.t('There is no skill "{0}".', named.skillId));
      return undefined;
    }
    if (named.stack !== undefined && !isExerciseStack(named.stack)) {
      void vscode.window.showInformationMessage(vscode.l10n.t('There is no stack "{0}": exercises are in PHP (php) or Node.js (node).', String(named.stack)));
      return undefined;
    }
    return decide(skill, named.stack);
  }

  // Obvious from the palette: the lesson page is the active tab, or an exercise file is being edited.
  const edited = activeExerciseFolder(catalog);
  const openLesson = catalog.skills.find((skill) => skill.id === services.panel.currentSkillId);
  const activeTab = vscode.window.tabGroups.activeTabGroup.activeTab;
  if (openLesson && activeTab && activeTab === lessonTab() && (await stacksOf(openLesson)).size > 0) {
    return decide(openLesson, undefined, edited?.skillId === openLesson.id ? edited.stack : undefined);
  }
  const editedSkill = edited && catalog.skills.find((skill) => skill.id === edited.skillId);
  if (edited && editedSkill && (await stacksOf(editedSkill)).has(edited.stack)) return decide(editedSkill, undefined, edited.stack);

  // The picker lists each exercise once in the stack that would be used, and both stacks of a skill
  // when nothing decides between them.
  const setting = stackSetting();
  const items: ExercisePick[] = [];
  for (const skill of catalog.skills) {
    const exercises = await stacksOf(skill);
    if (exercises.size === 0) continue;
    const decision = decideStack({ available: [...exercises.keys()], setting, started: await services.startedExercises.stacks(skill.id) });
    const stacks = decision.kind === 'stack' ? [decision.stack] : [...exercises.keys()];
    for (const stack of stacks) {
      const openNote = skill.id === openLesson?.id ? ` · ${vscode.l10n.t('open lesson')}` : '';
      items.push({ skill, stack, label: skillLabel(skill), description: `${stackName(stack)}${openNote}`, detail: exercises.get(stack)?.title });
    }
  }
  if (openLesson) items.sort((a, b) => Number(b.skill.id === openLesson.id) - Number(a.skill.id === openLesson.id));
  const picked = await services.prompts.pick<ExercisePick>(items, { title, placeHolder: vscode.l10n.t('Which skill\'s exercise?') });
  return picked ? decide(picked.skill, picked.stack) : undefined;
}

/** The decided stack, or the learner's answer to "which stack?" (kept as their setting). */
async function stackFrom(services: Services, skill: Skill, decision: StackDecision, title: string): Promise<ExerciseLanguage | undefined> {
  switch (decision.kind) {
    case 'stack':
      return decision.stack;
    case 'unavailable':
      void vscode.window.showInformationMessage(vscode.l10n.t('{0} has no exercise in {1}.', skillLabel(skill), stackName(decision.stack)));
      return undefined;
    case 'ask': {
      const lines: Record<ExerciseLanguage, string> = {
        php: vscode.l10n.t('PHP 8.2 or newer; tests run with PHPUnit.'),
        node: vscode.l10n.t('Node.js 22 or newer; tests run with the built-in node:test.'),
      };
      const picked = await services.prompts.pick<StackPick>(
        decision.stacks.map((stack) => ({ stack, label: stackName(stack), detail: lines[stack] })),
        { title, placeHolder: vscode.l10n.t('Which stack do you want to practise in? Your choice is kept in the setting backendPath.stack.') },
      );
      if (!picked) return undefined;
      await vscode.workspace.getConfiguration(Settings.section).update(Settings.stack, picked.stack, vscode.ConfigurationTarget.Global);
      services.log.info(`Stack set to ${picked.stack} (setting ${Settings.section}.${Settings.stack}).`);
      return picked.stack;
    }
  }
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
