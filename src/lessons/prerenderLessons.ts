import type { Catalog } from '../curriculum/types';
import { describeRefusal } from './lessonLimits';
import { prerenderedPath, SEARCH_INDEX_PATH, serialisePrerenderedLesson, serialiseSearchIndex, type SearchDocument } from './prerendered';
import { renderLesson, type RenderOptions } from './renderLesson';

/** Link options for one catalog: lesson folders → skill ids and titles. */
export function catalogLinkOptions(catalog: Catalog): RenderOptions {
  const byFolder = new Map(catalog.skills.map((skill) => [skill.folder, skill]));
  return {
    skillIdForFolder: (folder) => byFolder.get(folder)?.id,
    titleForFolder: (folder) => byFolder.get(folder)?.title,
  };
}

/**
 * Renders every lesson of the catalog, for the build. Returns the files to write (paths relative to
 * the extension root) and the problems; a lesson beyond the limits is a problem, not a page.
 */
export function prerenderLessons(
  catalog: Catalog,
  readMarkdown: (folder: string) => string | undefined,
): { files: Map<string, string>; problems: string[] } {
  const options = catalogLinkOptions(catalog);
  const files = new Map<string, string>();
  const problems: string[] = [];
  const search = new Map<string, SearchDocument>();
  for (const skill of catalog.skills) {
    const markdown = readMarkdown(skill.folder);
    if (markdown === undefined) continue; // in preparation: the page says so
    const rendered = renderLesson(markdown, options);
    if (rendered.refused) {
      problems.push(`lessons/${skill.folder}/lesson.md: ${describeRefusal(rendered.refused)}`);
      continue;
    }
    files.set(prerenderedPath(skill.id), serialisePrerenderedLesson(rendered));
    search.set(skill.id, { headings: rendered.headings.map((heading) => heading.text), text: rendered.text });
  }
  files.set(SEARCH_INDEX_PATH, serialiseSearchIndex(search));
  return { files, problems };
}
