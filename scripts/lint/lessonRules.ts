import { Lexer, type Token, type Tokens } from 'marked';
import { parseAllDocuments } from 'yaml';
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
/** Info-string flags: `run` executes the block in the linter, `local` marks a shell command a learner can run as is. */
const FLAGS: Readonly<Record<string, readonly string[]>> = { run: ['php', 'js', 'sql'], local: ['bash'] };
/** A PHP block that declares file-level things is meant to be pasted into a file, so it must start like one. */
const PHP_FILE_LEVEL = /^(?:declare\s*\(\s*strict_types|namespace\s+[\w\\]+\s*;|(?:(?:final|abstract|readonly)\s+)*(?:class|interface|enum|trait)\s+\w)/m;
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

/** yaml and json blocks must parse: a reader pastes them into config files. */
export function dataBlockProblems(language: string, text: string, line: number): string[] {
  if (language === 'json') {
    try {
      JSON.parse(text);
    } catch (error) {
      return [`line ${line}: json block does not parse (${(error as Error).message})`];
    }
  }
  if (language === 'yaml') {
    const errors = parseAllDocuments(text).flatMap((document) => ('errors' in document ? document.errors : []));
    if (errors.length > 0) return [`line ${line}: yaml block does not parse (${errors[0]?.message.split('\n')[0]})`];
  }
  return [];
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
    if (flag && !(flag in FLAGS)) problems.push(`line ${line}: unknown code block flag "${flag}" (only ${Object.keys(FLAGS).map((name) => `"${name}"`).join(', ')})`);
    else if (flag && !FLAGS[flag]?.includes(language)) problems.push(`line ${line}: only ${FLAGS[flag]?.join(', ')} blocks can be "${flag}"`);
    if (language === 'output') {
      const previous = meaningful[index - 1] as Tokens.Code | undefined;
      const previousFlag = previous?.type === 'code' ? (previous.lang ?? '').trim().split(/\s+/)[1] : undefined;
      if (previousFlag !== 'run') problems.push(`line ${line}: an output block must follow a "php run", "js run" or "sql run" block, so the linter can prove it`);
    }
    problems.push(...dataBlockProblems(language, code.text, line));
    if (language === 'php' && !code.text.trimStart().startsWith('<?php') && PHP_FILE_LEVEL.test(code.text)) {
      problems.push(`line ${line}: this php block declares file-level code (strict_types, namespace or a type), so it is meant to be pasted into a file: start it with <?php`);
    }
    const next = meaningful[index + 1];
    const expectedOutput = run && next?.type === 'code' && (next as Tokens.Code).lang?.trim() === 'output' ? (next as Tokens.Code).text : undefined;
    if (language === 'php' || language === 'js' || (language === 'sql' && run)) samples.push({ language, run, code: code.text, expectedOutput, line });
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
