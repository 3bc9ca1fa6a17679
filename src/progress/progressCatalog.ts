import type { Catalog, Skill } from '../curriculum/types';
import type { ProgressCatalog } from './progressTransfer';

/** The part of the lesson library Import needs. */
export interface QuizSource {
  catalog(): Promise<Catalog>;
  content(skill: Skill): Promise<{ readonly quiz: readonly unknown[] }>;
}

/** Every skill id of the path with its quiz's length, so Import can check ids and scores. */
export async function loadProgressCatalog(library: QuizSource): Promise<ProgressCatalog> {
  const catalog = await library.catalog();
  const lengths = await Promise.all(catalog.skills.map(async (skill) => [skill.id, (await library.content(skill)).quiz.length] as const));
  return { quizLengths: new Map(lengths) };
}
