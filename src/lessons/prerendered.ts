import type { CodeBlock, LessonHeading, RenderedLesson } from './renderLesson';

/**
 * The files the build writes next to the bundles (`dist/lessons/`): one per lesson with its HTML,
 * code blocks and headings, and one search index with every lesson's headings and text. Opening a
 * lesson reads one small file and does no markdown work at all.
 */
export const PRERENDERED_FORMAT = 1;
export const PRERENDERED_DIR = 'dist/lessons';
export const SEARCH_INDEX_PATH = `${PRERENDERED_DIR}/search.json`;

export function prerenderedPath(skillId: string): string {
  return `${PRERENDERED_DIR}/${skillId}.json`;
}

/** What search matches in a lesson: its headings (ranked above the text) and its readable text. */
export interface SearchDocument {
  readonly headings: readonly string[];
  readonly text: string;
}

export function serialisePrerenderedLesson(lesson: RenderedLesson): string {
  const { html, codeBlocks, headings } = lesson;
  return JSON.stringify({ format: PRERENDERED_FORMAT, html, codeBlocks, headings });
}

export function serialiseSearchIndex(documents: ReadonlyMap<string, SearchDocument>): string {
  return JSON.stringify({ format: PRERENDERED_FORMAT, lessons: Object.fromEntries(documents) });
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function isCodeBlock(value: unknown, index: number): value is CodeBlock {
  return (
    isObject(value) &&
    value.index === index &&
    typeof value.language === 'string' &&
    typeof value.code === 'string' &&
    (value.run === undefined || value.run === 'terminal' || value.run === 'node') &&
    (value.example === undefined || typeof value.example === 'boolean')
  );
}

function isHeading(value: unknown): value is LessonHeading {
  return isObject(value) && typeof value.depth === 'number' && typeof value.text === 'string' && typeof value.id === 'string';
}

/** The lesson a build wrote, or undefined when the file is from another format or damaged. */
export function parsePrerenderedLesson(text: string): RenderedLesson | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isObject(value) || value.format !== PRERENDERED_FORMAT || typeof value.html !== 'string') return undefined;
  const { codeBlocks, headings } = value;
  if (!Array.isArray(codeBlocks) || !codeBlocks.every(isCodeBlock)) return undefined;
  if (!Array.isArray(headings) || !headings.every(isHeading)) return undefined;
  // The text is only needed by search, which reads the index instead.
  return { html: value.html, codeBlocks, headings, text: '' };
}

export function parseSearchIndex(text: string): ReadonlyMap<string, SearchDocument> | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isObject(value) || value.format !== PRERENDERED_FORMAT || !isObject(value.lessons)) return undefined;
  const documents = new Map<string, SearchDocument>();
  for (const [skillId, document] of Object.entries(value.lessons)) {
    if (!isObject(document) || typeof document.text !== 'string' || !Array.isArray(document.headings)) return undefined;
    documents.set(skillId, { headings: document.headings.filter((heading): heading is string => typeof heading === 'string'), text: document.text });
  }
  return documents;
}
