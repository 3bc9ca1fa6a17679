import * as vscode from 'vscode';
import { Commands } from '../constants';
import type { Skill } from '../curriculum/types';
import { skillLabel } from '../curriculum/types';
import { stackName } from '../exercises/stackChoice';
import type { StackState, StackStatus } from '../exercises/stackStatus';
import { stackSummary } from '../exercises/stackStatus';

export class SkillNode {
  constructor(
    readonly skill: Skill,
    readonly stageTitle: string,
    /** The stage's id, so the tree can answer getParent (TreeView.reveal needs it). */
    readonly stageId: string,
    readonly complete: boolean,
    /** One entry per stack the skill has an exercise in (none: no exercise). */
    readonly stacks: readonly StackStatus[],
  ) {}

  get hasExercise(): boolean {
    return this.stacks.length > 0;
  }

  toTreeItem(): vscode.TreeItem {
    const { skill } = this;
    const item = new vscode.TreeItem(skillLabel(skill), vscode.TreeItemCollapsibleState.None);
    item.id = `skill:${skill.id}`;
    const minutes = vscode.l10n.t('{0} min', skill.minutes);
    const stacks = stackSummary(this.stacks);
    item.description = stacks ? `${minutes} · ${stacks}` : minutes;
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
    // Composed so menus can target "done"/"todo", "has an exercise" and its stacks independently:
    // `skill.todo.exercise.php.node` offers Start/Check in each stack.
    const stackParts = this.stacks.map((status) => `.${status.stack}`).join('');
    item.contextValue = `skill.${this.complete ? 'done' : 'todo'}${this.hasExercise ? `.exercise${stackParts}` : ''}`;
    item.command = { command: Commands.openLesson, title: vscode.l10n.t('Open Lesson'), arguments: [skill.id] };
    const exerciseText = this.stacks
      .filter((status) => status.state !== 'notStarted')
      .map((status) => `${stackName(status.stack)}: ${stateText(status.state)}`)
      .join(', ');
    const label = vscode.l10n.t(
      'Skill {0}, {1}, {2} minutes, {3}',
      skill.position,
      skill.title,
      skill.minutes,
      this.complete ? vscode.l10n.t('complete') : vscode.l10n.t('not complete'),
    );
    item.accessibilityInformation = { label: exerciseText ? `${label}, ${exerciseText}` : label };
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
    for (const status of this.stacks) {
      tooltip.appendMarkdown('\n\n');
      tooltip.appendText(vscode.l10n.t('Exercise in {0}: {1}', stackName(status.stack), stateText(status.state)));
    }
    return tooltip;
  }
}

function stateText(state: StackState): string {
  switch (state) {
    case 'passed':
      return vscode.l10n.t('tests pass ✓');
    case 'failed':
      return vscode.l10n.t('tests fail ✗');
    case 'started':
      return vscode.l10n.t('started');
    case 'notStarted':
      return vscode.l10n.t('not started');
  }
}
