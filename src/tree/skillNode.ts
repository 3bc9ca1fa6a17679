import * as vscode from 'vscode';
import { Commands } from '../constants';
import type { Skill } from '../curriculum/types';

export class SkillNode {
  constructor(
    readonly skill: Skill,
    readonly stageTitle: string,
    readonly complete: boolean,
    readonly hasExercise: boolean,
    /** The last check of the skill's exercise, if any. */
    readonly exerciseResult?: 'passed' | 'failed',
  ) {}

  toTreeItem(): vscode.TreeItem {
    const { skill } = this;
    const item = new vscode.TreeItem(`${skill.number} · ${skill.title}`, vscode.TreeItemCollapsibleState.None);
    item.id = `skill:${skill.id}`;
    const minutes = vscode.l10n.t('{0} min', skill.minutes);
    item.description =
      this.exerciseResult === 'passed'
        ? vscode.l10n.t('{0} · tests pass ✓', minutes)
        : this.exerciseResult === 'failed'
          ? vscode.l10n.t('{0} · tests fail ✗', minutes)
          : minutes;
    item.checkboxState = this.complete
      ? vscode.TreeItemCheckboxState.Checked
      : vscode.TreeItemCheckboxState.Unchecked;
    // Composed so menus can target "done"/"todo" and "has an exercise" independently.
    item.contextValue = `skill.${this.complete ? 'done' : 'todo'}${this.hasExercise ? '.exercise' : ''}`;
    item.command = { command: Commands.openLesson, title: vscode.l10n.t('Open Lesson'), arguments: [skill.id] };
    item.accessibilityInformation = {
      label: vscode.l10n.t(
        'Skill {0}, {1}, {2} minutes, {3}',
        skill.number,
        skill.title,
        skill.minutes,
        this.complete ? vscode.l10n.t('complete') : vscode.l10n.t('not complete'),
      ),
    };
    return item;
  }

  /** Built only when the tooltip is about to show (resolveTreeItem). */
  tooltip(): vscode.MarkdownString {
    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown(`**${this.skill.number} · ${this.skill.title}**\n\n`);
    tooltip.appendText(this.skill.summary);
    tooltip.appendMarkdown(`\n\n_${this.stageTitle} · ${vscode.l10n.t('{0} min', this.skill.minutes)}_`);
    return tooltip;
  }
}
