import type { RenderedLesson } from '../lessons/renderLesson';
import { parsePrerenderedLesson, parseSearchIndex, prerenderedPath, SEARCH_INDEX_PATH, type SearchDocument } from '../lessons/prerendered';
import { parseCatalog } from './parseCatalog';
import { expectedStacks } from './exerciseStacks';
import { parseExercise } from './parseExercise';
import { parseQuiz } from './parseQuiz';
import type { Catalog, ExerciseLanguage, ExerciseSpec, QuizQuestion, Skill } from './types';

export type { SearchDocument };

/** Reads a text file relative to the extension root; undefined when it does not exist. */
export interface ContentReader {
  readText(relativePath: string): Promise<string | undefined>;
}

/** Renders lesson markdown at run time (in a worker, so the extension host is never blocked). */
export type MarkdownRenderer = (markdown: string, catalog: Catalog) => Promise<RenderedLesson>;

export interface LessonLibraryOptions {
  /** Used only when a lesson has no build-time HTML (a content pack, a build without `dist/lessons`). */
  readonly renderMarkdown?: MarkdownRenderer;
}

export interface LessonContent {
  /** The rendered lesson, or undefined while the lesson is still being written. */
  readonly rendered: RenderedLesson | undefined;
  readonly quiz: readonly QuizQuestion[];
  /** The skill's exercise in each stack it has, in path order (PHP, then Node.js). */
  readonly exercises: ReadonlyMap<ExerciseLanguage, ExerciseSpec>;
  /** The first of `exercises`, for callers that show one exercise. */
  readonly exercise: ExerciseSpec | undefined;
  /** Problems found in the lesson's files, for the output channel. */
  readonly problems: readonly string[];
}

/** A skill's exercises, one per stack it has, and what was wrong with their files. */
export interface SkillExercises {
  /** Only the stacks `expectedStacks` lists for the skill, in that order; a stack whose exercise.json is missing or invalid is absent. */
  readonly exercises: ReadonlyMap<ExerciseLanguage, ExerciseSpec>;
  readonly problems: readonly string[];
}

/**
 * Loads the path and its lessons on first use and caches them, so activation reads nothing and a
 * lesson opened twice is read once.
 */
export class LessonLibrary {
  private catalogPromise: Promise<Catalog> | undefined;
  private readonly contentCache = new Map<string, Promise<LessonContent>>();
  private readonly exerciseCache = new Map<string, Promise<SkillExercises>>();
  private announceLoaded: ((catalog: Catalog) => void) | undefined;
  private readonly loadedPromise = new Promise<Catalog>((resolve) => (this.announceLoaded = resolve));

  private searchPromise: Promise<ReadonlyMap<string, SearchDocument>> | undefined;

  constructor(
    private readonly reader: ContentReader,
    private readonly options: LessonLibraryOptions = {},
  ) {}

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
   * Only the exercise specs: the tree needs to know which skills have exercises, in which stacks,
   * without reading every lesson's markdown. Each stack's exercise.json is read once.
   */
  exercises(skill: Skill): Promise<SkillExercises> {
    let cached = this.exerciseCache.get(skill.id);
    if (!cached) {
      cached = this.loadExercises(skill);
      this.exerciseCache.set(skill.id, cached);
    }
    return cached;
  }

  /** One stack's exercise, or without a stack the first the skill has (for callers that show one). */
  async exercise(skill: Skill, stack?: ExerciseLanguage): Promise<{ exercise: ExerciseSpec | undefined; problems: readonly string[] }> {
    const { exercises, problems } = await this.exercises(skill);
    const exercise = stack === undefined ? exercises.values().next().value : exercises.get(stack);
    return { exercise, problems };
  }

  private async loadExercises(skill: Skill): Promise<SkillExercises> {
    const stacks = expectedStacks(skill.id);
    const texts = await Promise.all(stacks.map((stack) => this.reader.readText(`lessons/${skill.folder}/exercise/${stack}/exercise.json`)));
    const exercises = new Map<ExerciseLanguage, ExerciseSpec>();
    const problems: string[] = [];
    stacks.forEach((stack, index) => {
      const text = texts[index];
      if (text === undefined) return; // this stack's version is not written (yet)
      const where = `lessons/${skill.folder}/exercise/${stack}`;
      const parsed = parseExercise(text);
      problems.push(...parsed.problems.map((problem) => `${where}: ${problem}`));
      if (!parsed.exercise) return;
      // The folder names the stack; an exercise.json that claims the other one would run the wrong tools.
      if (parsed.exercise.language !== stack) problems.push(`${where}: exercise.json language is "${parsed.exercise.language}" in the ${stack} folder`);
      else exercises.set(stack, parsed.exercise);
    });
    return { exercises, problems };
  }

  /**
   * What the search matches, per skill id: each lesson's headings and rendered text. One file built
   * with the lessons, read on the first search; without it (development), lessons are rendered.
   */
  searchDocuments(): Promise<ReadonlyMap<string, SearchDocument>> {
    if (!this.searchPromise) {
      this.searchPromise = this.loadSearchDocuments();
      this.searchPromise.catch(() => (this.searchPromise = undefined));
    }
    return this.searchPromise;
  }

  private async loadSearchDocuments(): Promise<ReadonlyMap<string, SearchDocument>> {
    const catalog = await this.catalog();
    const text = await this.reader.readText(SEARCH_INDEX_PATH);
    const index = text === undefined ? undefined : parseSearchIndex(text);
    if (index) return index;
    const documents = new Map<string, SearchDocument>();
    for (const skill of catalog.skills) {
      const rendered = await this.renderedLesson(catalog, skill);
      if (rendered) documents.set(skill.id, { headings: rendered.headings.map((heading) => heading.text), text: rendered.text });
    }
    return documents;
  }

  /** The build-time HTML of the lesson, else the markdown rendered now; undefined when neither exists. */
  private async renderedLesson(catalog: Catalog, skill: Skill): Promise<RenderedLesson | undefined> {
    const text = await this.reader.readText(prerenderedPath(skill.id));
    const prerendered = text === undefined ? undefined : parsePrerenderedLesson(text);
    if (prerendered) return prerendered;
    const { renderMarkdown } = this.options;
    if (!renderMarkdown) return undefined;
    const markdown = await this.reader.readText(`lessons/${skill.folder}/lesson.md`);
    return markdown === undefined ? undefined : renderMarkdown(markdown, catalog);
  }

  private async loadContent(skill: Skill): Promise<LessonContent> {
    const base = `lessons/${skill.folder}`;
    const catalog = await this.catalog();
    const [rendered, quizText, exercise] = await Promise.all([
      this.renderedLesson(catalog, skill),
      this.reader.readText(`${base}/quiz.json`),
      this.exercises(skill),
    ]);
    const problems: string[] = [...exercise.problems];
    if (rendered?.refused) problems.push(`${base}/lesson.md: refused: ${rendered.refused.kind}`);
    let quiz: QuizQuestion[] = [];
    if (quizText !== undefined) {
      const parsed = parseQuiz(quizText);
      quiz = parsed.questions;
      problems.push(...parsed.problems.map((problem) => `${base}/quiz.json: ${problem}`));
    }
    return { rendered, quiz, exercises: exercise.exercises, exercise: exercise.exercises.values().next().value, problems };
  }
}
