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

/** The elements of a name (one or many); text between elements (a string) is no element. */
const asArray = (value: unknown): XmlNode[] => (Array.isArray(value) ? value : [value]).filter((item): item is XmlNode => item instanceof Object);

const text = (node: XmlNode): string => (node['#text'] === undefined ? '' : String(node['#text']));

/** node --test escapes attribute text twice (`&amp;quot;`), so one XML decode leaves these behind. */
const LEFTOVER_ENTITIES: Readonly<Record<string, string>> = { quot: '"', amp: '&', lt: '<', gt: '>', apos: "'", '#39': "'", '#10': '\n' };

const attribute = (node: XmlNode, name: string): string | undefined => {
  const value = node[`@_${name}`];
  return value === undefined ? undefined : String(value).replace(/&(quot|amp|lt|gt|apos|#39|#10);/g, (_entity, key: string) => LEFTOVER_ENTITIES[key]);
};

/** PHPUnit's text is "Class::method\nmessage…\n\n/file:line"; Node's starts with the error class. */
function failureMessage(problem: XmlNode, testName: string): string {
  const fromAttribute = attribute(problem, 'message');
  // Node appends the actual/expected diff after a blank line: the message is the first paragraph.
  if (fromAttribute && fromAttribute !== 'true') return fromAttribute.trim().split(/\n\s*\n/)[0].trim();
  // Stryker disable next-line MethodExpression: every line is trimmed below, which also drops a CR
  const unixText = text(problem).replace(/\r\n/g, '\n');
  const lines = unixText.trim().split('\n');
  if (lines[0].trim() === testName || lines[0].includes('::')) lines.shift();
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

/** One `<testcase>` of a JUnit report, as both runners write it. */
export interface JUnitCase {
  /** The test's own title: Node's `test()`/`it()` title, PHPUnit's method name. */
  readonly name: string;
  /** Enclosing suite names: Node's `describe` titles, outermost first (PHPUnit's are left out). */
  readonly suites: readonly string[];
  /** PHPUnit: the fully qualified test class. */
  readonly className?: string;
  /** The test file's absolute path, when the runner writes it. */
  readonly file?: string;
  /** PHPUnit: the test method's line (1-based). */
  readonly line?: number;
  readonly seconds?: number;
  readonly outcome: 'passed' | 'failed' | 'skipped';
  /** The whole failure message (Node's includes the actual/expected diff), without stack frames. */
  readonly message?: string;
  /** The message's first paragraph, for one-line summaries. */
  readonly summary?: string;
  /** The failure element's text: the stack (Node) or the trace lines (PHPUnit), where locations come from. */
  readonly details?: string;
}

/** PHPUnit: the text between the "Class::method" line and the trailing file:line frames. */
function phpMessage(details: string): string {
  const lines = details.replace(/\r\n/g, '\n').trim().split('\n');
  if (lines[0].includes('::')) lines.shift();
  while (lines.length > 0 && (lines[lines.length - 1].trim() === '' || /^(?:[A-Za-z]:)?[\\/].+:\d+$/.test(lines[lines.length - 1].trim()))) lines.pop();
  return lines.join('\n').trim();
}

/**
 * Node names a hook's failure ("failed running before hook") and keeps the error that caused it in
 * the stack text: both belong in the message.
 */
function nodeMessage(fromAttribute: string, details: string): string {
  const message = fromAttribute.trim();
  const cause = /^\s*cause: (?!'|")(.+)/m.exec(details)?.[1].trim();
  return cause && !message.includes(cause.replace(/^[\w.]+(?: \[\w+\])?: /, '')) ? `${message}\n${cause}` : message;
}

/**
 * Node without a message to go by (an Error thrown with an empty message, or a report written by
 * hand): the failure's text up to its first stack frame, since the frames are shown apart.
 */
function nodeTextMessage(details: string): string {
  const lines = details.replace(/\r\n/g, '\n').split('\n');
  const firstFrame = lines.findIndex((line) => /^\s+at\s/.test(line));
  return (firstFrame === -1 ? lines : lines.slice(0, firstFrame)).join('\n').trim();
}

/**
 * The first `<failure>` (or `<error>`) of a case. The parser gives an element without attributes as
 * its bare text ('' when empty): any such element fails the test, however many there are.
 */
function firstProblem(value: unknown): XmlNode | undefined {
  const first: unknown = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? { '#text': first } : (first as XmlNode | undefined);
}

function collect(node: XmlNode, trail: readonly string[], into: JUnitCase[]): void {
  for (const suite of asArray(node.testsuite)) {
    const name = attribute(suite, 'name') ?? '';
    // PHPUnit's outer suites are folders (absolute paths) or classes; they add nothing to a test's name.
    collect(suite, name === '' || name.includes('/') || name.includes('\\') ? trail : [...trail, name], into);
  }
  for (const testCase of asArray(node.testcase)) {
    const name = attribute(testCase, 'name') ?? '?';
    const className = attribute(testCase, 'class');
    const problem = firstProblem(testCase.failure) ?? firstProblem(testCase.error);
    // Only to recognise a Node failure text that starts with the test's title (PHPUnit's starts with "Class::method").
    const fullName = [...trail, name].join(' › ');
    const seconds = Number(attribute(testCase, 'time'));
    const line = Number(attribute(testCase, 'line'));
    const file = attribute(testCase, 'file');
    const common = {
      name,
      suites: className ? [] : trail,
      ...(className ? { className } : {}),
      ...(file ? { file } : {}),
      ...(Number.isInteger(line) && line > 0 ? { line } : {}),
      ...(Number.isFinite(seconds) ? { seconds } : {}),
    };
    if (problem === undefined) {
      into.push({ ...common, outcome: testCase.skipped !== undefined ? 'skipped' : 'passed' });
      continue;
    }
    const details = text(problem);
    const fromAttribute = attribute(problem, 'message');
    const summary = failureMessage(problem, fullName);
    const message = className ? phpMessage(details) || summary : !fromAttribute || fromAttribute === 'true' ? nodeTextMessage(details) || summary : nodeMessage(fromAttribute, details);
    into.push({ ...common, outcome: 'failed', message, details, summary });
  }
}

function parseDocument(xml: string): XmlNode | undefined {
  let document: XmlNode;
  try {
    document = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', processEntities: true, htmlEntities: true, parseTagValue: false }).parse(xml) as XmlNode;
  } catch {
    return undefined;
  }
  if (!('testsuites' in document)) return 'testsuite' in document ? { testsuite: document.testsuite } : undefined;
  // An empty <testsuites/> (or one holding only text) is parsed as a string.
  // Stryker disable next-line ConditionalExpression: a string has no suites or cases either
  return document.testsuites instanceof Object ? (document.testsuites as XmlNode) : {};
}

/** Every test case of a JUnit report in report order; undefined when the text is not one. */
export function readJUnitCases(xml: string): JUnitCase[] | undefined {
  const root = parseDocument(xml);
  if (!root) return undefined;
  const cases: JUnitCase[] = [];
  collect(root, [], cases);
  return cases;
}

/** The name the check summary shows: "suite › test" for Node, "Class::method" for PHPUnit. */
export function caseTitle(testCase: Pick<JUnitCase, 'name' | 'suites' | 'className'>): string {
  return testCase.className ? `${testCase.className}::${testCase.name}` : [...testCase.suites, testCase.name].join(' › ');
}

/** Parses a JUnit report; undefined when the text is not one (then the run's own exit code is all there is). */
export function parseJUnit(xml: string): TestReport | undefined {
  const cases = readJUnitCases(xml);
  if (!cases) return undefined;
  return summarise(cases);
}

/** The counts and failures of a run's cases, as Check Exercise reports them. */
export function summarise(cases: readonly JUnitCase[]): TestReport {
  const failures = cases
    .filter((testCase) => testCase.outcome === 'failed')
    .map((testCase) => ({ name: caseTitle(testCase), message: testCase.summary ?? 'failed' }));
  const skipped = cases.filter((testCase) => testCase.outcome === 'skipped').length;
  return { total: cases.length, passed: cases.length - failures.length - skipped, failed: failures.length, skipped, failures };
}
