import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Lexer, type Token, type Tokens } from 'marked';
import type { Catalog, ExerciseHint } from '../../src/curriculum/types';
import { classifyLink } from '../../src/lessons/linkPolicy';
import { renderLesson } from '../../src/lessons/renderLesson';
import { HEADING_ID_PREFIX } from '../../src/lessons/renderedLesson';
import { listFiles } from './exerciseRules';

/** A solution line shorter than this is too common (`return $this;`) to count as giving it away. */
export const MIN_LEAKED_LINE_CHARS = 24;

/** What the hint rules check a stack's hints against. */
export interface HintContext {
  /** The page ids (`h-…`) of the lesson's headings, as the real renderer makes them. */
  readonly headingIds: ReadonlySet<string>;
  /** Lesson folders (`01-http-fundamentals`) a hint may link to. */
  readonly lessonFolders: ReadonlySet<string>;
  /** The starter's test files' text: the names in `tests` must occur in it. */
  readonly testSources: readonly string[];
  /** The solution's files' text: no hint may repeat one of its lines. */
  readonly solutionSources: readonly string[];
}

/** The page ids of a lesson's headings, from the renderer the extension uses. */
export function lessonHeadingIds(markdown: string, catalog: Catalog): Set<string> {
  const ids = new Map(catalog.skills.map((skill) => [skill.folder, skill.id]));
  return new Set(renderLesson(markdown, { skillIdForFolder: (folder) => ids.get(folder) }).headings.map((heading) => heading.id));
}

/** The starter's tests (Node: tests/*.test.js; PHP: tests/**\/*.php) and the solution's files. */
export function readHintSources(exerciseDir: string): Pick<HintContext, 'testSources' | 'solutionSources'> {
  const starterTests = join(exerciseDir, 'starter', 'tests');
  const testSources = listFiles(starterTests)
    .filter((path) => /\.test\.js$|\.php$/.test(path) && relative(starterTests, path) !== 'bootstrap.php')
    .map((path) => readFileSync(path, 'utf8'));
  const solution = join(exerciseDir, 'solution');
  const solutionSources = existsSync(solution) ? listFiles(solution).map((path) => readFileSync(path, 'utf8')) : [];
  return { testSources, solutionSources };
}

/**
 * The rules content-format.md gives hints beyond their shape (parseHints checks that): the concept
 * hint's section is a heading of the lesson, the tests named exist, no hint gives the solution away
 * line by line, and links follow the lesson link policy.
 */
export function checkHints(hints: readonly ExerciseHint[], context: HintContext): string[] {
  const problems: string[] = [];
  const solutionLines = new Set(
    context.solutionSources.flatMap((source) => source.split(/\r?\n/).map((line) => line.trim())).filter((line) => line.length >= MIN_LEAKED_LINE_CHARS),
  );
  for (const hint of hints) {
    const where = `hint "${hint.id}"`;
    if (hint.section !== undefined && !context.headingIds.has(`${HEADING_ID_PREFIX}${hint.section}`)) {
      problems.push(`${where}: section "${hint.section}" is not a heading of the lesson (its headings: ${[...context.headingIds].slice(0, 6).map((id) => id.slice(HEADING_ID_PREFIX.length)).join(', ')}…)`);
    }
    for (const name of hint.tests) {
      if (!context.testSources.some((source) => spellings(name).some((spelling) => source.includes(spelling)))) problems.push(`${where}: test "${name}" does not occur in the starter's test files`);
    }
    for (const line of solutionLines) {
      if (hint.text.includes(line)) problems.push(`${where} repeats a line of the solution verbatim ("${line.slice(0, 60)}"): give a fragment, never the solution`);
    }
    problems.push(...hintLinkProblems(hint.text, context).map((problem) => `${where}: ${problem}`));
  }
  return problems;
}

function hintLinkProblems(markdown: string, context: HintContext): string[] {
  const problems: string[] = [];
  const visit = (tokens: readonly Token[]) => {
    for (const token of tokens) {
      if (token.type === 'html') problems.push(`raw HTML "${token.raw.trim().slice(0, 40)}" is escaped by the renderer; write Markdown instead`);
      if (token.type === 'link') {
        const href = (token as Tokens.Link).href;
        const target = classifyLink(href);
        if (target.kind === 'refused') problems.push(`link "${href}" is not allowed (${target.reason}); use https://, #section or ../NN-id/lesson.md`);
        else if (target.kind === 'anchor' && !context.headingIds.has(`${HEADING_ID_PREFIX}${target.anchor}`)) problems.push(`link "${href}" is not a heading of the lesson`);
        else if (target.kind === 'lesson' && !context.lessonFolders.has(target.folder)) problems.push(`link "${href}" is not a lesson`);
      }
      const nested = (token as { tokens?: Token[] }).tokens;
      if (nested) visit(nested);
      if (token.type === 'list') for (const item of (token as Tokens.List).items) visit(item.tokens);
    }
  };
  visit(new Lexer({ gfm: true }).lex(markdown));
  return problems;
}

/**
 * How a test name can be written in a test file: as it is, or inside a quoted string literal with
 * its quotes and backslashes escaped (`'the caller\'s id'` is the test "the caller's id").
 */
export function spellings(name: string): string[] {
  const backslashed = name.replace(/\\/g, '\\\\');
  return [...new Set([name, backslashed.replace(/'/g, "\\'"), backslashed.replace(/"/g, '\\"')])];
}
