import * as vscode from 'vscode';
import type { LessonLibrary } from '../curriculum/lessonLibrary';
import type { Catalog } from '../curriculum/types';
import type { ExerciseResults } from '../exercises/exerciseResults';
import type { ProgressStore } from '../progress/progressStore';
import { SkillNode } from './skillNode';
import { StageNode } from './stageNode';

export type PathNode = StageNode | SkillNode;

/** Stages and their skills; rebuilt from the progress store whenever it changes. */
export class SkillTreeProvider implements vscode.TreeDataProvider<PathNode>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<PathNode | undefined>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  private readonly subscriptions: { dispose(): void }[];

  constructor(
    private readonly library: LessonLibrary,
    private readonly progress: ProgressStore,
    private readonly exerciseResults: ExerciseResults,
    private readonly onLoadError: (error: unknown) => void,
  ) {
    this.subscriptions = [progress.onDidChange(() => this.refresh()), exerciseResults.onDidChange(() => this.refresh())];
  }

  refresh(): void {
    this.changeEmitter.fire(undefined);
  }

  getTreeItem(node: PathNode): vscode.TreeItem {
    return node.toTreeItem();
  }

  async getChildren(node?: PathNode): Promise<PathNode[]> {
    let catalog: Catalog;
    try {
      catalog = await this.library.catalog();
    } catch (error) {
      this.onLoadError(error);
      return [];
    }
    if (!node) {
      return catalog.stages.map(
        (stage) => new StageNode(stage, this.progress.completedCount(stage.skills.map((skill) => skill.id))),
      );
    }
    if (node instanceof StageNode) {
      return Promise.all(
        node.stage.skills.map(async (skill) => {
          const { exercise } = await this.library.exercise(skill);
          const passedBefore = typeof this.progress.entry(skill.id)?.exercisePassedAt === 'string' ? 'passed' : undefined;
          return new SkillNode(
            skill,
            node.stage.title,
            this.progress.isComplete(skill.id),
            exercise !== undefined,
            this.exerciseResults.get(skill.id) ?? passedBefore,
          );
        }),
      );
    }
    return [];
  }

  resolveTreeItem(item: vscode.TreeItem, node: PathNode): vscode.TreeItem {
    if (node instanceof SkillNode) item.tooltip = node.tooltip();
    return item;
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.changeEmitter.dispose();
  }
}
