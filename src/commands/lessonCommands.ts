import * as vscode from 'vscode';
import { Commands } from '../constants';
import { searchSkills, type SearchDocument } from '../curriculum/searchSkills';
import type { Skill } from '../curriculum/types';
import { skillLabel } from '../curriculum/types';
import type { Services } from './services';
import { resolveSkill } from './services';

export function registerLessonCommands(services: Services): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(Commands.openLesson, async (argument?: unknown, anchor?: unknown) => {
      const skill = (await resolveSkill(services, argument)) ?? (await pickSkill(services));
      if (skill) await showLesson(services, skill, typeof anchor === 'string' ? anchor : undefined);
      return skill?.id;
    }),
    vscode.commands.registerCommand(Commands.openLessonPicker, async () => {
      const skill = await pickSkill(services);
      if (skill) await showLesson(services, skill);
      return skill?.id;
    }),
    vscode.commands.registerCommand(Commands.continueLearning, async () => {
      const catalog = await services.library.catalog();
      const next = catalog.skills.find((skill) => !services.progress.isComplete(skill.id));
      if (!next) {
        void vscode.window.showInformationMessage(
          vscode.l10n.t('You have completed all {0} skills of the path. Well done!', catalog.skills.length),
        );
        return undefined;
      }
      await showLesson(services, next);
      return next.id;
    }),
  );
}

/** Opens the lesson and moves the tree's highlight to it. */
async function showLesson(services: Services, skill: Skill, anchor?: string): Promise<void> {
  await services.panel.show(skill.id, anchor);
  await services.revealSkill(skill.id).catch((error: unknown) => services.log.warn(`Revealing ${skill.id} in the tree failed: ${String(error)}`));
}

interface SkillPickItem extends vscode.QuickPickItem {
  readonly skill: Skill;
}

/** A QuickPick that searches titles, summaries and the full lesson text. */
async function pickSkill(services: Services): Promise<Skill | undefined> {
  const catalog = await services.library.catalog();
  let documents: ReadonlyMap<string, SearchDocument> = new Map();
  const quickPick = vscode.window.createQuickPick<SkillPickItem>();
  quickPick.placeholder = vscode.l10n.t('Search lessons by title, summary or text');
  quickPick.matchOnDescription = true;
  quickPick.matchOnDetail = true;
  const stageTitle = (skill: Skill) => catalog.stages.find((stage) => stage.id === skill.stageId)?.title ?? '';
  const update = () => {
    const matches = searchSkills(catalog.skills, (skill) => documents.get(skill.id), quickPick.value);
    quickPick.items = matches.map(({ skill, excerpt }) => ({
      skill,
      label: `${services.progress.isComplete(skill.id) ? '$(pass-filled)' : '$(circle-large-outline)'} ${skillLabel(skill)}`,
      description: `${stageTitle(skill)} · ${vscode.l10n.t('{0} min', skill.minutes)}`,
      detail: excerpt ?? skill.summary,
      // The text search decides what matches; don't let the built-in filter hide lesson-text hits.
      alwaysShow: true,
    }));
  };
  update();
  // The lessons' rendered text (one file built with them) loads in the background; the list is
  // refreshed once it is in.
  void services.library.searchDocuments().then((loaded) => {
    documents = loaded;
    update();
  }, (error: unknown) => services.log.warn(`Lesson search could only use titles: ${String(error)}`));
  const disposables = [quickPick.onDidChangeValue(update)];
  try {
    return await new Promise<Skill | undefined>((resolve) => {
      disposables.push(
        quickPick.onDidAccept(() => resolve(quickPick.selectedItems[0]?.skill)),
        quickPick.onDidHide(() => resolve(undefined)),
      );
      quickPick.show();
    });
  } finally {
    for (const disposable of disposables) disposable.dispose();
    quickPick.dispose();
  }
}
