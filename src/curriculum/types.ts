/** The learning path as described by lessons/curriculum.json. */
export interface LearningPath {
  readonly id: string;
  readonly title: string;
  readonly tagline: string;
  readonly level: string;
  readonly duration: string;
  readonly referenceStack: string;
  readonly outcomes: readonly string[];
}

export interface Skill {
  /** The seed's skill number (the roadmap's own numbering); also the NN of the skill's folder. */
  readonly number: number;
  /**
   * 1-based position in the path (stage by stage, in study order). This is the number learners see
   * ("16 · Caching Strategies", "Step 16 of 22"); the seed number stays available as `#13`.
   */
  readonly position: number;
  /** Stable id: progress is keyed by it, so it never changes once published. */
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly minutes: number;
  readonly objectives: readonly string[];
  /** The id of the stage that holds the skill. */
  readonly stageId: string;
  /** `NN-id`, the skill's folder under lessons/. */
  readonly folder: string;
  /** ISO date (YYYY-MM-DD) by which the lesson's dated claims must be re-checked; lint:lessons enforces it. */
  readonly reviewBy?: string;
}

export interface Stage {
  readonly id: string;
  readonly title: string;
  readonly skills: readonly Skill[];
}

export interface Catalog {
  readonly path: LearningPath;
  readonly stages: readonly Stage[];
  /** All skills in path order: stage by stage, each stage in seed order. */
  readonly skills: readonly Skill[];
}

export interface QuizQuestion {
  /** Stable id, unique within the lesson: stored answers and review cards are keyed by it. */
  readonly id: string;
  /** 1-based numbers of the skill objectives the question checks. */
  readonly objectives: readonly number[];
  readonly question: string;
  readonly choices: readonly string[];
  /** Zero-based index into choices. */
  readonly answer: number;
  /** Why the correct choice is right. */
  readonly explanation: string;
  /** One entry per choice: the misconception a wrong choice represents; null for the correct choice. */
  readonly feedback: readonly (string | null)[];
}

export type ExerciseLanguage = 'node' | 'php';

export interface ExerciseSpec {
  readonly language: ExerciseLanguage;
  readonly title: string;
  /** Files the learner edits, relative to starter/; the first is opened on start. */
  readonly files: readonly string[];
  readonly testCommand: 'node --test' | 'phpunit';
  /** 1-based numbers of the skill objectives the exercise's tests practise. */
  readonly objectives: readonly number[];
  /** Progressive hints, revealed one at a time: the concept, the approach, a near-solution fragment. */
  readonly hints: readonly ExerciseHint[];
}

export interface ExerciseHint {
  /** Lowercase kebab-case, unique in the exercise; progress stores it, so it never changes once published. */
  readonly id: string;
  /** Markdown, rendered like a lesson (raw HTML escaped). */
  readonly text: string;
  /** The slug of the lesson heading to revisit (its page id without `h-`); the first hint has one. */
  readonly section?: string;
  /** Names of the tests this hint addresses, as the runner reports them. */
  readonly tests: readonly string[];
}

export function skillFolder(skill: Pick<Skill, 'number' | 'id'>): string {
  return `${String(skill.number).padStart(2, '0')}-${skill.id}`;
}

/** The label learners see everywhere (tree, tab, search, status): path position, then title. */
export function skillLabel(skill: Pick<Skill, 'position' | 'title'>): string {
  return `${skill.position} · ${skill.title}`;
}

export function findSkill(catalog: Catalog, skillId: string): Skill | undefined {
  return catalog.skills.find((skill) => skill.id === skillId);
}

export function stageOf(catalog: Catalog, skill: Skill): Stage {
  const stage = catalog.stages.find((candidate) => candidate.id === skill.stageId);
  if (!stage) throw new Error(`Skill ${skill.id} names an unknown stage ${skill.stageId}`);
  return stage;
}
