import { parseCatalog } from './parseCatalog';
import { parseExercise } from './parseExercise';
import { parseQuiz } from './parseQuiz';
import type { Catalog, ExerciseSpec, QuizQuestion, Skill } from './types';

/** Reads a text file relative to the extension root; undefined when it does not exist. */
export interface ContentReader {
  readText(relativePath: string): Promise<string | undefined>;
}

export interface LessonContent {
  /** The lesson markdown, or undefined while the lesson is still being written. */
  readonly markdown: string | undefined;
  readonly quiz: readonly QuizQuestion[];
  readonly exercise: ExerciseSpec | undefined;
  /** Problems found in the lesson's files, for the output channel. */
  readonly problems: readonly string[];
}

/**
 * Loads the path and its lessons on first use and caches them, so activation reads nothing and a
 * lesson opened twice is read once.
 */
export class LessonLibrary {
  private catalogPromise: Promise<Catalog> | undefined;
  private readonly contentCache = new Map<string, Promise<LessonContent>>();
  private readonly exerciseCache = new Map<string, Promise<{ exercise: ExerciseSpec | undefined; problems: string[] }>>();
  private announceLoaded: ((catalog: Catalog) => void) | undefined;
  private readonly loadedPromise = new Promise<Catalog>((resolve) => (this.announceLoaded = resolve));

  constructor(private readonly reader: ContentReader) {}

  catalog(): Promise<Catalog> {
    if (!this.catalogPromise) {
      this.catalogPromise = this.loadCatalog();
      this.catalogPromise.then((catalog) => this.announceLoaded?.(catalog), () => undefined);
    }
    return this.catalogPromise;
  }

  /**
   * Resolves once something else has loaded the catalog, without loading it: for features such as
   * the status bar that should not add file reads of their own at activation.
   */
  whenLoaded(): Promise<Catalog> {
    return this.loadedPromise;
  }

  content(skill: Skill): Promise<LessonContent> {
    let cached = this.contentCache.get(skill.id);
    if (!cached) {
      cached = this.loadContent(skill);
      this.contentCache.set(skill.id, cached);
    }
    return cached;
  }

  private async loadCatalog(): Promise<Catalog> {
    const text = await this.reader.readText('lessons/curriculum.json');
    if (text === undefined) {
      this.catalogPromise = undefined;
      throw new Error('lessons/curriculum.json is missing from the extension');
    }
    return parseCatalog(text);
  }

  /**
   * Only the exercise spec: the tree needs to know which skills have an exercise without reading
   * every lesson's markdown.
   */
  exercise(skill: Skill): Promise<{ exercise: ExerciseSpec | undefined; problems: string[] }> {
    let cached = this.exerciseCache.get(skill.id);
    if (!cached) {
      cached = this.loadExercise(skill);
      this.exerciseCache.set(skill.id, cached);
    }
    return cached;
  }

  private async loadExercise(skill: Skill): Promise<{ exercise: ExerciseSpec | undefined; problems: string[] }> {
    const where = `lessons/${skill.folder}/exercise`;
    const text = await this.reader.readText(`${where}/exercise.json`);
    if (text === undefined) return { exercise: undefined, problems: [] };
    const parsed = parseExercise(text);
    return { exercise: parsed.exercise, problems: parsed.problems.map((problem) => `${where}: ${problem}`) };
  }

  private async loadContent(skill: Skill): Promise<LessonContent> {
    const base = `lessons/${skill.folder}`;
    const [markdown, quizText, exercise] = await Promise.all([
      this.reader.readText(`${base}/lesson.md`),
      this.reader.readText(`${base}/quiz.json`),
      this.exercise(skill),
    ]);
    const problems: string[] = [...exercise.problems];
    let quiz: QuizQuestion[] = [];
    if (quizText !== undefined) {
      const parsed = parseQuiz(quizText);
      quiz = parsed.questions;
      problems.push(...parsed.problems.map((problem) => `${base}/quiz.json: ${problem}`));
    }
    return { markdown, quiz, exercise: exercise.exercise, problems };
  }
}
