import * as vscode from 'vscode';
import type { Stage } from '../curriculum/types';

export class StageNode {
  constructor(
    readonly stage: Stage,
    readonly done: number,
  ) {}

  toTreeItem(): vscode.TreeItem {
    const total = this.stage.skills.length;
    const item = new vscode.TreeItem(this.stage.title, vscode.TreeItemCollapsibleState.Expanded);
    item.id = `stage:${this.stage.id}`;
    item.description = `${this.done}/${total}`;
    item.contextValue = this.done === total ? 'stage.done' : 'stage.todo';
    item.accessibilityInformation = {
      label: vscode.l10n.t('{0} stage, {1} of {2} skills complete', this.stage.title, this.done, total),
    };
    item.tooltip = vscode.l10n.t('{0}: {1} of {2} skills complete', this.stage.title, this.done, total);
    return item;
  }
}
