// Reads the JUnit XML that `node --test --test-reporter=junit` and PHPUnit's `--log-junit` write,
// so a check can say how many tests ran and why each failing one failed, instead of ending on
// the runner's stack frames.
import { XMLParser } from 'fast-xml-parser';

export interface FailedTest {
  /** "suite › test" for Node, "Class::method" for PHPUnit. */
  readonly name: string;
  /** The assertion's message, without stack frames. */
  readonly message: string;
}

export interface TestReport {
  readonly total: number;
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
  readonly failures: readonly FailedTest[];
}

type XmlNode = Record<string, unknown>;

const asArray = (value: unknown): XmlNode[] =>
  value === undefined ? [] : (Array.isArray(value) ? value : [value]).filter((item): item is XmlNode => typeof item === 'object' && item !== null);

const text = (value: unknown): string => {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null && '#text' in value) return String((value as XmlNode)['#text']);
  return '';
};

/** node --test escapes attribute text twice (`&amp;quot;`), so one XML decode leaves these behind. */
const LEFTOVER_ENTITIES: Readonly<Record<string, string>> = { quot: '"', amp: '&', lt: '<', gt: '>', apos: "'", '#39': "'", '#10': '\n' };

const attribute = (node: XmlNode, name: string): string | undefined => {
  const value = node[`@_${name}`];
  return value === undefined ? undefined : String(value).replace(/&(quot|amp|lt|gt|apos|#39|#10);/g, (_entity, key: string) => LEFTOVER_ENTITIES[key] ?? '');
};

/** PHPUnit's text is "Class::method\nmessage…\n\n/file:line"; Node's starts with the error class. */
function failureMessage(problem: XmlNode | string, testName: string): string {
  const node = typeof problem === 'string' ? {} : problem;
  const fromAttribute = attribute(node, 'message');
  // Node appends the actual/expected diff after a blank line: the message is the first paragraph.
  if (fromAttribute && fromAttribute !== 'true') return fromAttribute.trim().split(/\n\s*\n/)[0]?.trim() ?? '';
  const lines = text(problem).replace(/\r\n/g, '\n').trim().split('\n');
  if (lines[0]?.trim() === testName || lines[0]?.includes('::')) lines.shift();
  const paragraph: string[] = [];
  for (const line of lines) {
    if (line.trim() === '') {
      if (paragraph.length > 0) break;
      continue;
    }
    // Stack frames and file:line trailers are what the summary leaves out.
    if (/^\s+at\s/.test(line) || /^\/.+:\d+$/.test(line.trim())) break;
    paragraph.push(line.trim());
  }
  return paragraph.join(' ').slice(0, 500) || 'failed';
}

function collect(node: XmlNode, trail: readonly string[], into: { cases: { name: string; problem?: XmlNode | string; skipped: boolean }[] }): void {
  for (const suite of asArray(node.testsuite)) {
    const name = attribute(suite, 'name') ?? '';
    // PHPUnit's outer suites are folders (absolute paths); they add nothing to a test's name.
    collect(suite, name === '' || name.includes('/') || name.includes('\\') ? trail : [...trail, name], into);
  }
  for (const testCase of asArray(node.testcase)) {
    const name = attribute(testCase, 'name') ?? '?';
    const className = attribute(testCase, 'class');
    const fullName = className ? `${className}::${name}` : [...trail, name].join(' › ');
    const problem = asArray(testCase.failure)[0] ?? asArray(testCase.error)[0] ?? (typeof testCase.failure === 'string' ? testCase.failure : undefined) ?? (typeof testCase.error === 'string' ? testCase.error : undefined);
    into.cases.push({ name: fullName, problem, skipped: problem === undefined && testCase.skipped !== undefined });
  }
}

/** Parses a JUnit report; undefined when the text is not one (then the run's own exit code is all there is). */
export function parseJUnit(xml: string): TestReport | undefined {
  let document: XmlNode;
  try {
    document = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', processEntities: true, htmlEntities: true, parseTagValue: false }).parse(xml) as XmlNode;
  } catch {
    return undefined;
  }
  if (!('testsuites' in document) && !('testsuite' in document)) return undefined;
  const root: XmlNode = 'testsuites' in document ? (typeof document.testsuites === 'object' && document.testsuites !== null ? (document.testsuites as XmlNode) : {}) : { testsuite: document.testsuite };
  const found = { cases: [] as { name: string; problem?: XmlNode | string; skipped: boolean }[] };
  collect(root, [], found);
  const failures = found.cases.filter((testCase) => testCase.problem !== undefined).map((testCase) => ({ name: testCase.name, message: failureMessage(testCase.problem as XmlNode | string, testCase.name) }));
  const skipped = found.cases.filter((testCase) => testCase.skipped).length;
  return { total: found.cases.length, passed: found.cases.length - failures.length - skipped, failed: failures.length, skipped, failures };
}
