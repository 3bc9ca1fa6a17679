// Finds the tests a `node:test` file declares, without running it: `test('…')`, `it('…')`,
// `describe('…')` / `suite('…')` (and their `.skip`/`.only`/`.todo` forms), nested by where each
// call's parentheses close, each with the range the editor's gutter shows a run button on.
// A title that is computed (a template with `${…}`, a variable) cannot be known before the run;
// such tests appear once a run reports them. Pure: no file system, no `vscode`.
import type { DiscoveredTest, SourceRange } from './discoveredTest';

type Token =
  | { readonly kind: 'name'; readonly text: string; readonly start: number; readonly end: number }
  | { readonly kind: 'punct'; readonly text: string; readonly start: number; readonly end: number }
  /** A string literal or a template without substitutions; `value` is its decoded text. */
  | { readonly kind: 'string'; readonly value: string; readonly start: number; readonly end: number }
  /** A template with `${…}`, a regular expression or a number: a value, but not a known title. */
  | { readonly kind: 'other'; readonly start: number; readonly end: number };

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', '0': '\0' };

/** Decodes the escapes of a JS string body (between its quotes). */
function decodeEscapes(body: string): string {
  return body.replace(/\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|\r\n|[\s\S])/g, (_match, escape: string) => {
    if (escape.startsWith('u{')) return String.fromCodePoint(parseInt(escape.slice(2, -1), 16));
    if (escape.length > 1 && (escape[0] === 'u' || escape[0] === 'x')) return String.fromCharCode(parseInt(escape.slice(1), 16));
    if (escape === '\n' || escape === '\r\n' || escape === '\r' || escape === '\u2028' || escape === '\u2029') return '';
    return SIMPLE_ESCAPES[escape] ?? escape;
  });
}

/** After these, a `/` starts a regular expression rather than a division. */
const REGEX_AFTER_PUNCT = new Set(['(', ',', '=', ':', '[', '!', '&', '|', '?', '{', '}', ';', '+', '-', '*', '%', '<', '>', '~', '^', '=>', '&&', '||', '??', '...']);
const REGEX_AFTER_WORD = new Set(['return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw', 'case', 'do', 'else', 'yield', 'await']);

/** Skips a template literal starting at `start` (a backtick); returns its end and whether it has `${`. */
function skipTemplate(source: string, start: number): { end: number; substitutions: boolean } {
  let index = start + 1;
  let substitutions = false;
  while (index < source.length) {
    const char = source[index];
    if (char === '\\') {
      index += 2;
      continue;
    }
    if (char === '`') return { end: index + 1, substitutions };
    if (char === '$' && source[index + 1] === '{') {
      substitutions = true;
      index = skipBalanced(source, index + 2);
      continue;
    }
    index += 1;
  }
  return { end: source.length, substitutions };
}

/** Skips the code of a `${…}` substitution (strings, templates and nested braces included). */
function skipBalanced(source: string, start: number): number {
  let depth = 1;
  let index = start;
  while (index < source.length && depth > 0) {
    const char = source[index];
    if (char === '"' || char === "'") index = skipQuoted(source, index);
    else if (char === '`') index = skipTemplate(source, index).end;
    else {
      if (char === '{') depth += 1;
      else if (char === '}') depth -= 1;
      index += 1;
    }
  }
  return index;
}

function skipQuoted(source: string, start: number): number {
  const quote = source[start];
  let index = start + 1;
  while (index < source.length) {
    const char = source[index];
    if (char === '\\') index += 2;
    else if (char === quote) return index + 1;
    else if (char === '\n') return index; // unterminated: stop at the line's end
    else index += 1;
  }
  return source.length;
}

function skipRegex(source: string, start: number): number {
  let index = start + 1;
  let inClass = false;
  while (index < source.length) {
    const char = source[index];
    if (char === '\\') index += 2;
    else if (char === '\n') return index;
    else if (inClass) {
      if (char === ']') inClass = false;
      index += 1;
    } else if (char === '[') {
      inClass = true;
      index += 1;
    } else if (char === '/') {
      index += 1;
      while (index < source.length && /[a-z]/i.test(source[index])) index += 1;
      return index;
    } else index += 1;
  }
  return source.length;
}

const PUNCTUATORS = ['...', '=>', '&&', '||', '??', '?.'];

export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  const regexAllowed = (): boolean => {
    const last = tokens[tokens.length - 1];
    if (!last) return true;
    if (last.kind === 'punct') return REGEX_AFTER_PUNCT.has(last.text);
    if (last.kind === 'name') return REGEX_AFTER_WORD.has(last.text);
    return false;
  };
  while (index < source.length) {
    const char = source[index];
    const next = source[index + 1];
    if (/\s/.test(char)) {
      index += 1;
    } else if (char === '/' && next === '/') {
      const end = source.indexOf('\n', index);
      index = end === -1 ? source.length : end;
    } else if (char === '/' && next === '*') {
      const end = source.indexOf('*/', index + 2);
      index = end === -1 ? source.length : end + 2;
    } else if (char === '#' && next === '!' && index === 0) {
      const end = source.indexOf('\n');
      index = end === -1 ? source.length : end;
    } else if (char === '"' || char === "'") {
      const end = skipQuoted(source, index);
      tokens.push({ kind: 'string', value: decodeEscapes(source.slice(index + 1, Math.max(index + 1, end - 1))), start: index, end });
      index = end;
    } else if (char === '`') {
      const { end, substitutions } = skipTemplate(source, index);
      if (substitutions) tokens.push({ kind: 'other', start: index, end });
      // A template's raw line breaks are kept as written (CRLF read as LF, as JavaScript does).
      else tokens.push({ kind: 'string', value: decodeEscapes(source.slice(index + 1, Math.max(index + 1, end - 1)).replace(/\r\n?/g, '\n')), start: index, end });
      index = end;
    } else if (char === '/' && regexAllowed()) {
      const end = skipRegex(source, index);
      tokens.push({ kind: 'other', start: index, end });
      index = end;
    } else if (/[\p{L}_$]/u.test(char) || char === '\\') {
      const match = /^[\p{L}\p{N}_$\u200c\u200d]+/u.exec(source.slice(index, index + 200));
      const end = index + (match ? match[0].length : 1);
      tokens.push({ kind: 'name', text: source.slice(index, end), start: index, end });
      index = end;
    } else if (/[0-9]/.test(char) || (char === '.' && /[0-9]/.test(next ?? ''))) {
      const match = /^[0-9a-zA-Z_.]+/.exec(source.slice(index, index + 100));
      const end = index + (match ? match[0].length : 1);
      tokens.push({ kind: 'other', start: index, end });
      index = end;
    } else {
      const multi = PUNCTUATORS.find((candidate) => source.startsWith(candidate, index));
      const text = multi ?? char;
      tokens.push({ kind: 'punct', text, start: index, end: index + text.length });
      index += text.length;
    }
  }
  return tokens;
}

const TEST_FUNCTIONS: Readonly<Record<string, 'test' | 'suite'>> = { test: 'test', it: 'test', describe: 'suite', suite: 'suite' };
const MODIFIERS = new Set(['skip', 'only', 'todo']);

/** Line and column (0-based) of each offset, computed once per file. */
function positionFinder(source: string): (offset: number) => { line: number; character: number } {
  const lineStarts = [0];
  for (let index = 0; index < source.length; index += 1) if (source[index] === '\n') lineStarts.push(index + 1);
  return (offset) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (lineStarts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low, character: offset - lineStarts[low] };
  };
}

/** For each opening bracket token's index, the index of the token that closes it. */
function matchBrackets(tokens: readonly Token[]): Map<number, number> {
  const pairs = new Map<number, number>();
  const open: number[] = [];
  const closing: Readonly<Record<string, string>> = { ')': '(', ']': '[', '}': '{' };
  tokens.forEach((token, index) => {
    if (token.kind !== 'punct') return;
    if (token.text === '(' || token.text === '[' || token.text === '{') open.push(index);
    else if (token.text in closing) {
      // Unbalanced code (mid-edit): drop openers until the matching kind, so later calls still pair up.
      while (open.length > 0) {
        const candidate = open.pop() as number;
        if ((tokens[candidate] as { text: string }).text === closing[token.text]) {
          pairs.set(candidate, index);
          break;
        }
      }
    }
  });
  return pairs;
}

/** The tests and suites declared in a `node:test` file, nested as in the source. */
export function discoverNodeTests(source: string): DiscoveredTest[] {
  const tokens = tokenize(source);
  const pairs = matchBrackets(tokens);
  const position = positionFinder(source);
  const roots: DiscoveredTest[] = [];
  // Open suites: their children are the calls found before the suite's closing parenthesis.
  const stack: { node: DiscoveredTest & { children: DiscoveredTest[] }; closeIndex: number }[] = [];

  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index];
    if (token.kind !== 'name' || !Object.hasOwn(TEST_FUNCTIONS, token.text)) continue;
    const previous = tokens[index - 1];
    // `t.test(…)` subtests and `foo.it(…)` calls on other objects are not the runner's top-level API.
    if (previous?.kind === 'punct' && (previous.text === '.' || previous.text === '?.')) continue;
    let cursor = index + 1;
    let modifier: string | undefined;
    const dot = tokens[cursor];
    const name = tokens[cursor + 1];
    if (dot?.kind === 'punct' && dot.text === '.' && name?.kind === 'name' && MODIFIERS.has(name.text)) {
      modifier = name.text;
      cursor += 2;
    }
    const paren = tokens[cursor];
    const title = tokens[cursor + 1];
    const after = tokens[cursor + 2];
    if (paren?.kind !== 'punct' || paren.text !== '(' || title?.kind !== 'string') continue;
    if (after?.kind !== 'punct' || (after.text !== ',' && after.text !== ')')) continue;
    const closeIndex = pairs.get(cursor) ?? cursor + 1;
    while (stack.length > 0 && stack[stack.length - 1].closeIndex < index) stack.pop();
    const end = tokens[closeIndex]?.end ?? title.end;
    const range: SourceRange = { start: position(token.start), end: position(end) };
    const node = { name: title.value, kind: TEST_FUNCTIONS[token.text], range, children: [] as DiscoveredTest[], ...(modifier === 'todo' || modifier === 'skip' ? { skipped: true } : {}) };
    const parent = stack[stack.length - 1];
    if (parent) parent.node.children.push(node);
    else roots.push(node);
    // A `test()` may hold subtests through `t.test`, which are not found; a describe holds its calls.
    if (node.kind === 'suite') stack.push({ node, closeIndex });
  }
  return roots;
}

/**
 * Which files `node --test` runs when given no paths (its documented default patterns), relative to
 * the exercise folder with `/` separators. node_modules is never searched.
 */
export function isNodeTestFile(relativePath: string): boolean {
  const parts = relativePath.split('/');
  if (parts.includes('node_modules') || parts.some((part) => part.startsWith('.'))) return false;
  const name = parts[parts.length - 1];
  if (!/\.(c|m)?js$/.test(name)) return false;
  if (parts.slice(0, -1).includes('test')) return true;
  const stem = name.replace(/\.(c|m)?js$/, '');
  return stem === 'test' || stem.startsWith('test-') || /[.\-_]test$/.test(stem);
}
