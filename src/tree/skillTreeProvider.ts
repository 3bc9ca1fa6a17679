import * as vscode from 'vscode';
import type { LessonLibrary } from '../curriculum/lessonLibrary';
import type { Catalog, Skill, Stage } from '../curriculum/types';
import type { ExerciseResults } from '../exercises/exerciseResults';
import type { StartedExercises } from '../exercises/startedExercises';
import { passedStacks } from '../exercises/stackProgress';
import { stackStatuses } from '../exercises/stackStatus';
import type { ProgressStore } from '../progress/progressStore';
import { ReviewNode } from './reviewNode';
import { SkillNode } from './skillNode';
import { StageNode } from './stageNode';

export type PathNode = ReviewNode | StageNode | SkillNode;

/** Where loading the catalog stands; the view shows "Loading…" or the error accordingly. */
export type LessonsState = 'loading' | 'loaded' | 'failed';

/** Stages and their skills; rebuilt from the progress store whenever it changes. */
export class SkillTreeProvider implements vscode.TreeDataProvider<PathNode>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<PathNode | undefined>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  private readonly subscriptions: { dispose(): void }[];
  private state: LessonsState | undefined;
  private reviewsDue = 0;

  constructor(
    private readonly library: LessonLibrary,
    private readonly progress: ProgressStore,
    private readonly exerciseResults: ExerciseResults,
    private readonly started: StartedExercises,
    /** Told once per change of state; `error` is the reason of a failure. */
    private readonly onLoadState: (state: LessonsState, error?: unknown) => void,
  ) {
    this.subscriptions = [
      progress.onDidChange(() => this.refresh()),
      exerciseResults.onDidChange(() => this.refresh()),
      started.onDidChange(() => this.refresh()),
    ];
  }

  refresh(): void {
    this.changeEmitter.fire(undefined);
  }

  /** Shows (or hides, at 0) the "Reviews due" node at the top. */
  setReviewsDue(count: number): void {
    if (count === this.reviewsDue) return;
    this.reviewsDue = count;
    this.refresh();
  }

  private setState(state: LessonsState, error?: unknown): void {
    if (this.state === state) return;
    this.state = state;
    this.onLoadState(state, error);
  }

  private async loadCatalog(): Promise<Catalog | undefined> {
    if (this.state !== 'loaded') this.setState('loading');
    try {
      const catalog = await this.library.catalog();
      this.setState('loaded');
      return catalog;
    } catch (error) {
      this.setState('failed', error);
      return undefined;
    }
  }

  getTreeItem(node: PathNode): vscode.TreeItem {
    return node.toTreeItem();
  }

  async getChildren(node?: PathNode): Promise<PathNode[]> {
    const catalog = await this.loadCatalog();
    if (!catalog) return [];
    if (!node) {
      const stages: PathNode[] = catalog.stages.map((stage) => this.stageNode(stage));
      return this.reviewsDue > 0 ? [new ReviewNode(this.reviewsDue), ...stages] : stages;
    }
    if (node instanceof StageNode) return Promise.all(node.stage.skills.map((skill) => this.skillNode(node.stage, skill)));
    return [];
  }

  /** TreeView.reveal walks up with this: a skill's parent is its stage, a stage has none. */
  async getParent(node: PathNode): Promise<PathNode | undefined> {
    if (node instanceof StageNode || node instanceof ReviewNode) return undefined;
    const catalog = await this.loadCatalog();
    const stage = catalog?.stages.find((candidate) => candidate.id === node.stageId);
    return stage ? this.stageNode(stage) : undefined;
  }

  /** The node of one skill (same id as the one shown), for TreeView.reveal. */
  async nodeForSkill(skillId: string): Promise<SkillNode | undefined> {
    const catalog = await this.loadCatalog();
    const stage = catalog?.stages.find((candidate) => candidate.skills.some((skill) => skill.id === skillId));
    const skill = stage?.skills.find((candidate) => candidate.id === skillId);
    return stage && skill ? this.skillNode(stage, skill) : undefined;
  }

  private stageNode(stage: Stage): StageNode {
    return new StageNode(stage, this.progress.completedCount(stage.skills.map((skill) => skill.id)));
  }

  private async skillNode(stage: Stage, skill: Skill): Promise<SkillNode> {
    const { exercises } = await this.library.exercises(skill);
    // One cached listing of backend-path-exercises/ for the whole tree; a failed listing shows nothing started.
    const started = exercises.size > 0 ? await this.started.stacks(skill.id).catch(() => []) : [];
    const stacks = stackStatuses([...exercises.keys()], started, passedStacks(skill.id, this.progress.entry(skill.id)), (stack) =>
      this.exerciseResults.get(skill.id, stack),
    );
    return new SkillNode(skill, stage.title, stage.id, this.progress.isComplete(skill.id), stacks);
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
