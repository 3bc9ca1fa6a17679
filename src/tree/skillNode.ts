import * as vscode from 'vscode';
import { Commands } from '../constants';
import type { Skill } from '../curriculum/types';
import { skillLabel } from '../curriculum/types';

export class SkillNode {
  constructor(
    readonly skill: Skill,
    readonly stageTitle: string,
    /** The stage's id, so the tree can answer getParent (TreeView.reveal needs it). */
    readonly stageId: string,
    readonly complete: boolean,
    readonly hasExercise: boolean,
    /** The last check of the skill's exercise, if any. */
    readonly exerciseResult?: 'passed' | 'failed',
  ) {}

  toTreeItem(): vscode.TreeItem {
    const { skill } = this;
    const item = new vscode.TreeItem(skillLabel(skill), vscode.TreeItemCollapsibleState.None);
    item.id = `skill:${skill.id}`;
    const minutes = vscode.l10n.t('{0} min', skill.minutes);
    item.description =
      this.exerciseResult === 'passed'
        ? vscode.l10n.t('{0} · tests pass ✓', minutes)
        : this.exerciseResult === 'failed'
          ? vscode.l10n.t('{0} · tests fail ✗', minutes)
          : minutes;
    // The checkbox's own tooltip and accessible name: otherwise screen readers hear an empty label.
    item.checkboxState = {
      state: this.complete ? vscode.TreeItemCheckboxState.Checked : vscode.TreeItemCheckboxState.Unchecked,
      tooltip: this.complete
        ? vscode.l10n.t('{0} is complete; untick to mark it not complete', skillLabel(skill))
        : vscode.l10n.t('Mark {0} complete', skillLabel(skill)),
      accessibilityInformation: {
        label: this.complete ? vscode.l10n.t('Complete: {0}', skillLabel(skill)) : vscode.l10n.t('Mark {0} complete', skillLabel(skill)),
      },
    };
    // Composed so menus can target "done"/"todo" and "has an exercise" independently.
    item.contextValue = `skill.${this.complete ? 'done' : 'todo'}${this.hasExercise ? '.exercise' : ''}`;
    item.command = { command: Commands.openLesson, title: vscode.l10n.t('Open Lesson'), arguments: [skill.id] };
    item.accessibilityInformation = {
      label: vscode.l10n.t(
        'Skill {0}, {1}, {2} minutes, {3}',
        skill.position,
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
    tooltip.appendMarkdown('**');
    tooltip.appendText(skillLabel(this.skill));
    tooltip.appendMarkdown('**\n\n');
    tooltip.appendText(this.skill.summary);
    // The seed's own number stays findable: "roadmap #13".
    tooltip.appendMarkdown(`\n\n_${this.stageTitle} · ${vscode.l10n.t('{0} min', this.skill.minutes)} · ${vscode.l10n.t('roadmap #{0}', this.skill.number)}_`);
    return tooltip;
  }
}
