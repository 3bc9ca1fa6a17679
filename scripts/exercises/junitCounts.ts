import { XMLParser } from 'fast-xml-parser';

export interface JunitCounts {
  readonly tests: number;
  readonly failed: number;
  /** The first line of each failing test's message, for the report. */
  readonly failures: readonly { readonly name: string; readonly message: string }[];
}

type XmlNode = Record<string, unknown>;

/**
 * Counts test cases in a JUnit XML report (node --test's junit reporter or PHPUnit's --log-junit).
 * A test case fails when it holds a <failure> or an <error>.
 */
export function countJunit(xml: string): JunitCounts {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', htmlEntities: true, isArray: (name) => name === 'testcase' || name === 'testsuite' });
  const document = parser.parse(xml) as XmlNode;
  const cases: XmlNode[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== 'object' || node === null) return;
    for (const [key, value] of Object.entries(node as XmlNode)) {
      if (key === 'testcase') cases.push(...(value as XmlNode[]));
      else if (!key.startsWith('@')) visit(value);
    }
  };
  visit(document);
  const failures = cases
    .filter((testCase) => 'failure' in testCase || 'error' in testCase)
    .map((testCase) => ({ name: String(testCase['@name'] ?? '?'), message: firstLine(testCase.failure ?? testCase.error) }));
  return { tests: cases.length, failed: failures.length, failures };
}

/** PHPUnit starts a failure's text with the test's id (`Class::method`); the message follows it. */
const PHPUNIT_TEST_ID = /^[\w\\]+::\w+$/;

function firstLine(detail: unknown): string {
  const node = Array.isArray(detail) ? detail[0] : detail;
  const text =
    typeof node === 'string'
      ? node
      : typeof node === 'object' && node !== null
        ? String((node as XmlNode)['@message'] ?? (node as XmlNode)['#text'] ?? '')
        : '';
  return (
    text
      .split('\n')
      .map((line) => line.trim())
      .find((line) => line !== '' && !/^(AssertionError|Error)( \[\w+\])?:?$/.test(line) && !PHPUNIT_TEST_ID.test(line)) ?? ''
  )
    // node --test escapes attribute text twice (&amp;quot;), so one XML decode leaves entities behind.
    .replace(/&(quot|amp|lt|gt|#39|apos);/g, (_entity, name: string) => ({ quot: '"', amp: '&', lt: '<', gt: '>', '#39': "'", apos: "'" })[name] ?? '')
    .slice(0, 200);
}
