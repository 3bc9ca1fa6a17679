import * as vscode from 'vscode';
import { Commands } from '../constants';

/** "Reviews due (3)" at the top of the Learning Path: shown only while questions are due. */
export class ReviewNode {
  constructor(readonly due: number) {}

  toTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(vscode.l10n.t('Reviews due'), vscode.TreeItemCollapsibleState.None);
    item.id = 'reviews';
    item.description = String(this.due);
    item.iconPath = new vscode.ThemeIcon('history');
    item.contextValue = 'reviews';
    item.command = { command: Commands.reviewDue, title: vscode.l10n.t('Review Due Questions') };
    item.tooltip = vscode.l10n.t('{0} questions from completed lessons are due for review. Click to review them.', this.due);
    item.accessibilityInformation = { label: vscode.l10n.t('Reviews due: {0} questions', this.due) };
    return item;
  }
}
