// Finds the PHPUnit tests a `*Test.php` file declares, without running PHP: the public, non-static
// `test…` methods of its concrete classes, each with its class's fully qualified name (what
// `--filter` matches) and the method's range for the gutter. Pure: no file system, no `vscode`.
import type { DiscoveredTest, SourcePosition } from './discoveredTest';

/**
 * The source with every comment and string replaced by spaces (line breaks kept), so a `function
 * testX(` inside a string or a comment is never taken for a method and offsets stay the same.
 */
export function blankPhpNoise(source: string): string {
  const out = source.split('');
  const blank = (from: number, to: number) => {
    for (let index = from; index < to && index < out.length; index += 1) if (out[index] !== '\n' && out[index] !== '\r') out[index] = ' ';
  };
  let index = 0;
  // Code starts after `<?php`; inline HTML before it holds no tests.
  const open = source.indexOf('<?php');
  if (open > 0) blank(0, open);
  if (open >= 0) index = open + 5;
  while (index < source.length) {
    const char = source[index];
    const next = source[index + 1];
    if ((char === '/' && next === '/') || (char === '#' && next !== '[')) {
      let end = source.indexOf('\n', index);
      if (end === -1) end = source.length;
      blank(index, end);
      index = end;
    } else if (char === '/' && next === '*') {
      const close = source.indexOf('*/', index + 2);
      const end = close === -1 ? source.length : close + 2;
      blank(index, end);
      index = end;
    } else if (char === "'" || char === '"' || char === '`') {
      let end = index + 1;
      while (end < source.length && source[end] !== char) end += source[end] === '\\' ? 2 : 1;
      blank(index + 1, end);
      index = end + 1;
    } else if (char === '<' && source.startsWith('<<<', index)) {
      const heading = /^<<<[ \t]*(["']?)([A-Za-z_][A-Za-z0-9_]*)\1\r?\n/.exec(source.slice(index, index + 200));
      if (!heading) {
        index += 3;
        continue;
      }
      const bodyStart = index + heading[0].length;
      const closing = new RegExp(`^[ \\t]*${heading[2]}\\b`, 'm').exec(source.slice(bodyStart));
      const end = closing ? bodyStart + closing.index : source.length;
      blank(bodyStart, end);
      index = end + (closing ? closing[0].length : 0);
    } else {
      index += 1;
    }
  }
  return out.join('');
}

function positionFinder(source: string): (offset: number) => SourcePosition {
  const lineStarts = [0];
  for (let index = 0; index < source.length; index += 1) if (source[index] === '\n') lineStarts.push(index + 1);
  return (offset) => {
    let line = 0;
    while (line + 1 < lineStarts.length && lineStarts[line + 1] <= offset) line += 1;
    return { line, character: offset - lineStarts[line] };
  };
}

/** The offset just after the `}` that closes the `{` at `open` in blanked code. */
function closingBrace(code: string, open: number): number {
  let depth = 0;
  for (let index = open; index < code.length; index += 1) {
    if (code[index] === '{') depth += 1;
    else if (code[index] === '}') {
      depth -= 1;
      if (depth === 0) return index + 1;
    }
  }
  return code.length;
}

const CLASS = /(^|[^\w$\\])((?:(?:abstract|final|readonly)\s+)*)class\s+([A-Za-z_][A-Za-z0-9_]*)\b[^{;]*\{/g;
const METHOD = /((?:(?:public|protected|private|static|final|abstract)\s+)*)function\s+&?\s*(test[A-Za-z0-9_]*)\s*\(/g;

/** The test classes of a PHP file, each with its `test…` methods; abstract classes are left out. */
export function discoverPhpTests(source: string): DiscoveredTest[] {
  const code = blankPhpNoise(source);
  const position = positionFinder(source);
  const namespaces = [...code.matchAll(/\bnamespace\s+([A-Za-z_][A-Za-z0-9_\\]*)\s*[;{]/g)].map((match) => ({ at: match.index ?? 0, name: match[1] }));
  const classes: DiscoveredTest[] = [];
  for (const match of code.matchAll(CLASS)) {
    const modifiers = match[2];
    if (/\babstract\b/.test(modifiers)) continue;
    const start = (match.index ?? 0) + match[1].length;
    const open = (match.index ?? 0) + match[0].length - 1;
    const end = closingBrace(code, open);
    const namespace = namespaces.filter((candidate) => candidate.at < start).pop()?.name;
    const className = namespace ? `${namespace}\\${match[3]}` : match[3];
    const body = code.slice(open, end);
    const methods: DiscoveredTest[] = [];
    for (const method of body.matchAll(METHOD)) {
      if (/\b(protected|private|static|abstract)\b/.test(method[1])) continue;
      const methodStart = open + (method.index ?? 0);
      // The method's own braces; an interface-like `;` without a body ends at the parenthesis.
      const braceAt = code.indexOf('{', methodStart + method[0].length);
      const semicolonAt = code.indexOf(';', methodStart + method[0].length);
      const methodEnd = braceAt !== -1 && (semicolonAt === -1 || braceAt < semicolonAt) ? closingBrace(code, braceAt) : methodStart + method[0].length;
      methods.push({ name: method[2], kind: 'test', className, range: { start: position(methodStart), end: position(methodEnd) }, children: [] });
    }
    if (methods.length > 0) classes.push({ name: match[3], kind: 'suite', className, range: { start: position(start), end: position(end) }, children: methods });
  }
  return classes;
}

/** PHPUnit's default test file suffix; vendor/ holds Composer's packages, never the learner's tests. */
export function isPhpTestFile(relativePath: string): boolean {
  const parts = relativePath.split('/');
  if (parts.includes('vendor') || parts.some((part) => part.startsWith('.'))) return false;
  return /Test\.php$/.test(parts[parts.length - 1]);
}
