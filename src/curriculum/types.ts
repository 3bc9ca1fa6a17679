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
  readonly number: number;
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
  readonly question: string;
  readonly choices: readonly string[];
  /** Zero-based index into choices. */
  readonly answer: number;
  readonly explanation: string;
}

export type ExerciseLanguage = 'node' | 'php';

export interface ExerciseSpec {
  readonly language: ExerciseLanguage;
  readonly title: string;
  /** Files the learner edits, relative to starter/; the first is opened on start. */
  readonly files: readonly string[];
  readonly testCommand: 'node --test' | 'phpunit';
}

export function skillFolder(skill: Pick<Skill, 'number' | 'id'>): string {
  return `${String(skill.number).padStart(2, '0')}-${skill.id}`;
}

export function findSkill(catalog: Catalog, skillId: string): Skill | undefined {
  return catalog.skills.find((skill) => skill.id === skillId);
}

export function stageOf(catalog: Catalog, skill: Skill): Stage {
  const stage = catalog.stages.find((candidate) => candidate.id === skill.stageId);
  if (!stage) throw new Error(`Skill ${skill.id} names an unknown stage ${skill.stageId}`);
  return stage;
}
