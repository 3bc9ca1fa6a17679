import { Lexer, type Token, type Tokens } from 'marked';
import { classifyLink } from '../../src/lessons/linkPolicy';

/** The headings every lesson has, in content-format.md's words. */
export const REQUIRED_HEADINGS = [
  'What you will learn',
  'Same idea in Python / Go / Java',
  'Common misconceptions',
  "Don't do this anymore",
  'Exercise',
  'Summary',
  'References',
];
export const ALLOWED_LANGUAGES = new Set(['php', 'js', 'ts', 'sql', 'bash', 'http', 'json', 'ini', 'apache', 'yaml', 'text', 'output']);
export const MAX_BLOCK_LINES = 40;
export const WORDS_PER_MINUTE = 215;
export const CODE_LINES_PER_MINUTE = 12;
export const TOLERANCE = 0.15;
const PLACEHOLDER = /coming soon|lesson in preparation|\bTODO\b|lorem ipsum/i;

export interface CodeSample {
  readonly language: string;
  readonly run: boolean;
  readonly code: string;
  /** The output block that directly follows a runnable block, if any. */
  readonly expectedOutput?: string;
  readonly line: number;
}

export interface LessonAnalysis {
  readonly problems: string[];
  readonly samples: CodeSample[];
  readonly proseWords: number;
  readonly codeLines: number;
  readonly budget: { readonly target: number; readonly min: number; readonly max: number };
  readonly lessonLinks: string[];
}

function walk(tokens: readonly Token[], visit: (token: Token) => void): void {
  for (const token of tokens) {
    visit(token);
    const nested = (token as { tokens?: Token[] }).tokens;
    if (nested) walk(nested, visit);
    if (token.type === 'list') for (const item of (token as Tokens.List).items) walk(item.tokens, visit);
    if (token.type === 'table') {
      const table = token as Tokens.Table;
      for (const cell of [...table.header, ...table.rows.flat()]) walk(cell.tokens, visit);
    }
  }
}

export function countProseWords(markdown: string): number {
  const withoutCode = markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1\s*$/gm, ' ');
  const withoutUrls = withoutCode.replace(/\]\([^)]*\)/g, ']');
  return (withoutUrls.match(/\S+/g) ?? []).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

export function wordBudget(minutes: number, codeLines: number): { target: number; min: number; max: number } {
  const target = Math.round(WORDS_PER_MINUTE * (minutes - codeLines / CODE_LINES_PER_MINUTE));
  return { target, min: Math.round(target * (1 - TOLERANCE)), max: Math.round(target * (1 + TOLERANCE)) };
}

/** Checks one lesson's markdown against the format rules; code is only collected here, not run. */
export function analyseLesson(markdown: string, title: string, minutes: number): LessonAnalysis {
  const problems: string[] = [];
  const tokens = new Lexer({ gfm: true }).lex(markdown);
  const samples: CodeSample[] = [];
  const lessonLinks: string[] = [];
  let codeLines = 0;

  const first = tokens.find((token) => token.type !== 'space');
  if (!first || first.type !== 'heading' || (first as Tokens.Heading).depth !== 1 || (first as Tokens.Heading).text !== title) {
    problems.push(`the lesson must start with "# ${title}"`);
  }
  const h2 = tokens.filter((token): token is Tokens.Heading => token.type === 'heading' && token.depth === 2).map((token) => token.text);
  for (const heading of REQUIRED_HEADINGS) if (!h2.includes(heading)) problems.push(`missing section "## ${heading}"`);
  if (PLACEHOLDER.test(markdown)) problems.push('contains placeholder text ("coming soon", "TODO", "lesson in preparation"…)');

  const lineOf = (raw: string) => markdown.slice(0, markdown.indexOf(raw)).split('\n').length;
  const meaningful = tokens.filter((token) => token.type !== 'space');
  meaningful.forEach((token, index) => {
    if (token.type !== 'code') return;
    const code = token as Tokens.Code;
    const [language = '', flag] = (code.lang ?? '').trim().split(/\s+/);
    const line = lineOf(code.raw);
    if (!ALLOWED_LANGUAGES.has(language)) problems.push(`line ${line}: code block language "${language}" is not one of ${[...ALLOWED_LANGUAGES].join(', ')}`);
    const lines = code.text.split('\n').length;
    if (lines > MAX_BLOCK_LINES) problems.push(`line ${line}: code block has ${lines} lines (at most ${MAX_BLOCK_LINES})`);
    if (language !== 'output') codeLines += lines;
    const run = flag === 'run';
    if (flag && !run) problems.push(`line ${line}: unknown code block flag "${flag}" (only "run")`);
    if (run && language !== 'php' && language !== 'js') problems.push(`line ${line}: only php and js blocks can be "run"`);
    if (language === 'output') {
      const previous = meaningful[index - 1] as Tokens.Code | undefined;
      const previousFlag = previous?.type === 'code' ? (previous.lang ?? '').trim().split(/\s+/)[1] : undefined;
      if (previousFlag !== 'run') problems.push(`line ${line}: an output block must follow a "php run" or "js run" block, so the linter can prove it`);
    }
    const next = meaningful[index + 1];
    const expectedOutput = run && next?.type === 'code' && (next as Tokens.Code).lang?.trim() === 'output' ? (next as Tokens.Code).text : undefined;
    if (language === 'php' || language === 'js') samples.push({ language, run, code: code.text, expectedOutput, line });
  });

  walk(tokens, (token) => {
    if (token.type === 'html') {
      problems.push(`raw HTML "${token.raw.trim().slice(0, 40)}" is escaped by the renderer; write markdown instead`);
    }
    if (token.type !== 'link') return;
    const href = (token as Tokens.Link).href;
    const target = classifyLink(href);
    if (target.kind === 'refused') problems.push(`link "${href}" is not allowed (${target.reason}); use https:// or ../NN-id/lesson.md`);
    if (target.kind === 'lesson') lessonLinks.push(target.folder);
  });

  const proseWords = countProseWords(markdown);
  const budget = wordBudget(minutes, codeLines);
  if (proseWords < budget.min || proseWords > budget.max) {
    problems.push(
      `${proseWords} prose words, but ${minutes} min with ${codeLines} code lines needs ${budget.target} (${budget.min}–${budget.max})`,
    );
  }
  return { problems, samples, proseWords, codeLines, budget, lessonLinks };
}
