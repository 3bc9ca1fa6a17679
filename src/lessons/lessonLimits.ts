/**
 * Limits checked before any markdown is parsed. marked's block and inline parsers are recursive and
 * super-linear on deep nesting (2,000 nested quotes overflow the stack; 100 cost ~60 ms) and on long
 * runs of unmatched delimiters, so input beyond these limits is refused with a clear page instead.
 * The scan is one linear pass. Real lessons stay far below every limit (the longest is ~40,000
 * characters, nests 3 levels deep and has no block over 3,000 characters).
 */

export const LESSON_LIMITS = {
  /** Characters in the whole lesson. */
  maxChars: 200_000,
  /** Container levels (block quotes, list items, indentation) on one line. */
  maxNesting: 12,
  /** Characters in one block (lines between blank lines) outside fenced code. */
  maxBlockChars: 12_000,
} as const;

export type LessonRefusal =
  | { readonly kind: 'tooLarge'; readonly chars: number; readonly limit: number }
  | { readonly kind: 'tooDeep'; readonly line: number; readonly depth: number; readonly limit: number }
  | { readonly kind: 'blockTooLong'; readonly line: number; readonly chars: number; readonly limit: number }
  | { readonly kind: 'tooSlow'; readonly ms: number; readonly limit: number };

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** Returns why the markdown is refused, or undefined when it is within every limit. */
export function checkLessonLimits(markdown: string, limits = LESSON_LIMITS): LessonRefusal | undefined {
  if (markdown.length > limits.maxChars) return { kind: 'tooLarge', chars: markdown.length, limit: limits.maxChars };
  let fence: string | undefined;
  let blockChars = 0;
  let blockStart = 1;
  let lineNumber = 0;
  let start = 0;
  while (start <= markdown.length) {
    let end = markdown.indexOf('\n', start);
    if (end < 0) end = markdown.length;
    const line = markdown.slice(start, end);
    lineNumber += 1;
    start = end + 1;
    const fenceMatch = FENCE.exec(line);
    if (fence !== undefined) {
      // Inside fenced code nothing nests, whatever the text looks like.
      if (fenceMatch && fenceMatch[1][0] === fence[0] && fenceMatch[1].length >= fence.length) fence = undefined;
      continue;
    }
    if (fenceMatch) {
      fence = fenceMatch[1];
      blockChars = 0;
      continue;
    }
    if (line.trim() === '') {
      blockChars = 0;
      continue;
    }
    if (blockChars === 0) blockStart = lineNumber;
    blockChars += line.length + 1;
    if (blockChars > limits.maxBlockChars) {
      return { kind: 'blockTooLong', line: blockStart, chars: blockChars, limit: limits.maxBlockChars };
    }
    const depth = nestingDepth(line);
    if (depth > limits.maxNesting) return { kind: 'tooDeep', line: lineNumber, depth, limit: limits.maxNesting };
    if (end === markdown.length) break;
  }
  return undefined;
}

/**
 * How many containers a line opens or sits in: each `>` and list marker at its start, plus one
 * level per two columns of indentation before the first of them (nested list items indent).
 */
export function nestingDepth(line: string): number {
  let depth = 0;
  let index = 0;
  let indent = 0;
  let leading = true;
  while (index < line.length) {
    const character = line[index];
    if (character === ' ' || character === '\t') {
      if (leading) indent += character === '\t' ? 4 : 1;
      index += 1;
      continue;
    }
    leading = false;
    if (character === '>') {
      depth += 1;
      index += 1;
      continue;
    }
    if ((character === '-' || character === '*' || character === '+') && isGap(line, index + 1)) {
      depth += 1;
      index += 1;
      continue;
    }
    let digits = 0;
    while (digits < 10 && line.charCodeAt(index + digits) >= 48 && line.charCodeAt(index + digits) <= 57) digits += 1;
    if (digits > 0 && digits < 10 && (line[index + digits] === '.' || line[index + digits] === ')') && isGap(line, index + digits + 1)) {
      depth += 1;
      index += digits + 1;
      continue;
    }
    break;
  }
  return depth + Math.floor(indent / 2);
}

function isGap(line: string, index: number): boolean {
  return index >= line.length || line[index] === ' ' || line[index] === '\t';
}

/** The refusal in plain English, for the build's error message and the page's detail line. */
export function describeRefusal(refusal: LessonRefusal): string {
  switch (refusal.kind) {
    case 'tooLarge':
      return `the lesson has ${refusal.chars} characters; the limit is ${refusal.limit}`;
    case 'tooDeep':
      return `line ${refusal.line} nests ${refusal.depth} levels deep; the limit is ${refusal.limit}`;
    case 'blockTooLong':
      return `the block starting on line ${refusal.line} has more than ${refusal.chars - 1} characters; the limit is ${refusal.limit}`;
    case 'tooSlow':
      return `rendering took ${refusal.ms} ms and was stopped; the limit is ${refusal.limit} ms`;
  }
}
