// The per-case JUnit reader (readJUnitCases) on reports saved from real runs of edge cases
// (test/fixtures/junit/*-edge.xml: hook failures, thrown strings, empty errors, multi-paragraph
// messages, PHPUnit errors, skips, risky tests, data sets, a message with Windows line ends), the
// same PHPUnit reports as a Windows machine writes them, and hand-written reports with odd or
// missing attributes. Each case is compared whole, so a field that goes missing or appears fails.
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import type { JUnitCase } from '../../src/exercises/junitReport';
import { caseTitle, parseJUnit, readJUnitCases, summarise } from '../../src/exercises/junitReport';
import { readRepoFile } from './helpers';

/** Where the fixtures' runs happened (test/fixtures/junit/README.md). */
const RUNS = '/tmp/bp-fixture/backend-path-exercises';
const NODE_EDGE = `${RUNS}/97-edge-node/tests`;
const PHP_EDGE = `${RUNS}/96-edge-php/tests/EdgeTest.php`;
const CLASS = 'Exercise\\Tests\\EdgeTest';

function cases(xml: string): JUnitCase[] {
  const found = readJUnitCases(xml);
  assert.ok(found, 'a JUnit report');
  return found;
}

/** The cases without their raw failure text, which is checked apart. */
const withoutDetails = (all: readonly JUnitCase[]) => all.map(({ details: _details, ...rest }) => rest);

const suites = (inner: string) => `<?xml version="1.0"?><testsuites>${inner}</testsuites>`;

/** A PHPUnit report as PHPUnit on Windows writes it: drive-letter paths with backslashes, CRLF line ends. */
function onWindows(xml: string): string {
  return xml
    .replace(/\/tmp\/bp-fixture\/backend-path-exercises\/[^"<:\n]+/g, (path) => `C:\\Users\\ana\\backend-path-exercises${path.slice(RUNS.length).replaceAll('/', '\\')}`)
    .replace(/\r?\n/g, '\r\n');
}

describe('JUnit cases from real edge-case runs', () => {
  it('Node 24: hook failures with their cause, thrown strings, empty errors, paragraphs and diffs, causes already in the message', () => {
    const all = cases(readRepoFile('test/fixtures/junit/node24-edge.xml'));
    const file = (name: string) => ({ file: `${NODE_EDGE}/${name}` });
    assert.deepEqual(withoutDetails(all), [
      {
        name: 'reads a buffer',
        suites: ['each'],
        ...file('each.test.js'),
        seconds: 0.001931,
        outcome: 'failed',
        message:
          'failed running beforeEach hook\nTypeError [ERR_INVALID_ARG_TYPE]: The first argument must be of type string or an instance of Buffer, ArrayBuffer, or Array or an Array-like Object. Received undefined',
        summary: 'failed running beforeEach hook',
      },
      {
        name: 'listens',
        suites: ['hooks'],
        ...file('edge.test.js'),
        seconds: 0,
        outcome: 'failed',
        message: 'test did not finish before its parent and was cancelled',
        summary: 'test did not finish before its parent and was cancelled',
      },
      // `throw 'a string'`: the cause is the quoted string itself, already the message.
      { name: 'throws a string', suites: ['values'], ...file('edge.test.js'), seconds: 0.000618, outcome: 'failed', message: 'plain string thrown', summary: 'plain string thrown' },
      // `throw new Error('')`: an empty message attribute; the text up to its first stack frame.
      { name: 'throws an empty error', suites: ['values'], ...file('edge.test.js'), seconds: 0.000241, outcome: 'failed', message: 'Error [ERR_TEST_FAILURE]:', summary: 'Error [ERR_TEST_FAILURE]:' },
      {
        name: 'fails with a two-paragraph message',
        suites: ['values'],
        ...file('edge.test.js'),
        seconds: 0.001595,
        outcome: 'failed',
        message: 'first paragraph\n\nsecond paragraph\n\n1 !== 2',
        summary: 'first paragraph',
      },
      {
        name: 'deep equal diff',
        suites: ['values'],
        ...file('edge.test.js'),
        seconds: 0.002107,
        outcome: 'failed',
        message: "Expected values to be strictly deep-equal:\n+ actual - expected\n\n  {\n    a: 1,\n+   b: 'x'\n-   b: 'y'\n  }",
        summary: 'Expected values to be strictly deep-equal:\n+ actual - expected',
      },
      // `new Error('outer failure', { cause })`: the stack's "cause: Error: outer failure" repeats the message.
      { name: 'rejects with a cause', suites: ['values'], ...file('edge.test.js'), seconds: 0.000311, outcome: 'failed', message: 'outer failure', summary: 'outer failure' },
      { name: 'skips itself', suites: ['values'], ...file('edge.test.js'), seconds: 0.000371, outcome: 'skipped' },
      {
        name: 'answers on the port',
        suites: [],
        ...file('hooks.test.js'),
        seconds: 0.000938,
        outcome: 'failed',
        message: 'failed running before hook\nRangeError [ERR_SOCKET_BAD_PORT]: options.port should be >= 0 and < 65536. Received type number (70000).',
        summary: 'failed running before hook',
      },
    ]);
    const hook = all[0];
    assert.match(hook.details ?? '', /^Error \[ERR_TEST_FAILURE\]: failed running beforeEach hook\n {4}at async Promise\.all/, 'the details are the failure text, stack and all');
    assert.match(hook.details ?? '', /each\.test\.js:5:12\)\n/);
    assert.equal(all.find((testCase) => testCase.outcome === 'skipped')?.details, undefined);
  });

  it('Node 24: the summary lists the failures by suite › test with their first paragraph', () => {
    const report = parseJUnit(readRepoFile('test/fixtures/junit/node24-edge.xml'));
    assert.deepEqual(
      report?.failures.map((failure) => `${failure.name}: ${failure.message}`),
      [
        'each › reads a buffer: failed running beforeEach hook',
        'hooks › listens: test did not finish before its parent and was cancelled',
        'values › throws a string: plain string thrown',
        'values › throws an empty error: Error [ERR_TEST_FAILURE]:',
        'values › fails with a two-paragraph message: first paragraph',
        'values › deep equal diff: Expected values to be strictly deep-equal:\n+ actual - expected',
        'values › rejects with a cause: outer failure',
        'answers on the port: failed running before hook',
      ],
    );
    assert.deepEqual([report?.total, report?.passed, report?.failed, report?.skipped], [9, 0, 8, 1]);
  });

  const PHP_EXPECTED: Omit<JUnitCase, 'details'>[] = [
    // The data set's suite ("Class::method") adds nothing to the name.
    { name: 'testStatusIsValid with data set "ok"', suites: [], className: CLASS, file: PHP_EDGE, line: 46, seconds: 0.000123, outcome: 'passed' },
    {
      name: 'testStatusIsValid with data set "too high"',
      suites: [],
      className: CLASS,
      file: PHP_EDGE,
      line: 46,
      seconds: 0.000027,
      outcome: 'failed',
      message: 'Failed asserting that 700 is less than 600.',
      summary: 'Failed asserting that 700 is less than 600.',
    },
    { name: 'testPassesQuietly', suites: [], className: CLASS, file: PHP_EDGE, line: 11, seconds: 0.014111, outcome: 'passed' },
    {
      name: 'testFailsWithTwoParagraphs',
      suites: [],
      className: CLASS,
      file: PHP_EDGE,
      line: 16,
      seconds: 0.000672,
      outcome: 'failed',
      message: 'The route answered 404.\n\nRegister GET /users before dispatching.\nFailed asserting that 404 is identical to 200.',
      summary: 'The route answered 404.',
    },
    // An exception whose message holds "::": only the first line is the test's id.
    {
      name: 'testThrowsFromTheCode',
      suites: [],
      className: CLASS,
      file: PHP_EDGE,
      line: 21,
      seconds: 0.000369,
      outcome: 'failed',
      message: 'RuntimeException: Router::dispatch() found no route for GET /',
      summary: 'RuntimeException: Router::dispatch() found no route for GET /',
    },
    { name: 'testIsSkipped', suites: [], className: CLASS, file: PHP_EDGE, line: 26, seconds: 0.000141, outcome: 'skipped' },
    { name: 'testIsIncomplete', suites: [], className: CLASS, file: PHP_EDGE, line: 31, seconds: 0.000109, outcome: 'skipped' },
    { name: 'testAssertsNothing', suites: [], className: CLASS, file: PHP_EDGE, line: 36, seconds: 0.000018, outcome: 'failed', message: 'This test did not perform any assertions', summary: 'This test did not perform any assertions' },
    // The assertion's message had "\r\n" (written as &#13; and a line end): one line end in the message.
    {
      name: 'testReadsAWindowsFile',
      suites: [],
      className: CLASS,
      file: PHP_EDGE,
      line: 40,
      seconds: 0.000787,
      outcome: 'failed',
      message: 'The CSV reader must drop Windows line ends.\nUse rtrim($line, "\\r\\n").\nFailed asserting that \'name,age\\r\\n\nAda,36\\r\\n\n\' does not contain "\r".',
      summary: 'The CSV reader must drop Windows line ends. Use rtrim($line, "\\r\\n"). Failed asserting that \'name,age\\r\\n Ada,36\\r\\n \' does not contain "\r".',
    },
  ];

  it('PHPUnit 9.6: failures and errors with message apart from the test id and trace, skips, risky tests, data sets', () => {
    const all = cases(readRepoFile('test/fixtures/junit/phpunit96-edge.xml'));
    assert.deepEqual(withoutDetails(all), PHP_EXPECTED);
    const twoParagraphs = all.find((testCase) => testCase.name === 'testFailsWithTwoParagraphs');
    assert.equal(
      twoParagraphs?.details,
      `${CLASS}::testFailsWithTwoParagraphs\nThe route answered 404.\n\nRegister GET /users before dispatching.\nFailed asserting that 404 is identical to 200.\n\n${PHP_EDGE}:18`,
      'the details keep the id and the trace line, where the location comes from',
    );
  });

  it('PHPUnit on Windows: the same messages and summaries, with drive-letter trace lines and CRLF left out', () => {
    for (const fixture of ['phpunit96-edge.xml', 'phpunit96-starter.xml', 'phpunit96-mutant.xml', 'phpunit96-filter.xml']) {
      const unix = cases(readRepoFile(`test/fixtures/junit/${fixture}`));
      const windows = cases(onWindows(readRepoFile(`test/fixtures/junit/${fixture}`)));
      assert.equal(windows.length, unix.length, fixture);
      for (const [index, testCase] of windows.entries()) {
        const expected = unix[index];
        assert.equal(testCase.message, expected.message, `${fixture} ${testCase.name}: message`);
        assert.equal(testCase.summary, expected.summary, `${fixture} ${testCase.name}: summary`);
        assert.deepEqual(testCase.suites, [], 'folder and class suites add nothing to the name');
        assert.match(testCase.file ?? '', /^C:\\Users\\ana\\backend-path-exercises\\\d\d-[\w-]+\\tests\\\w+Test\.php$/);
        if (testCase.outcome === 'failed') assert.match(testCase.details ?? '', /\r?\nC:\\Users\\ana\\[^\n]+\.php:\d+$/, 'the trace is kept in the details');
      }
    }
  });

  it('PHPUnit: trailing trace lines of any depth go, a message line that only looks like a path stays', () => {
    const trace = ['/var/www/src/Router.php:27', 'C:\\www\\tests\\RouterTest.php:34', 'D:/www/tests/RouterTest.php:40'];
    const failure = (body: string) => `<testcase name="testX" class="XTest"><failure type="E">XTest::testX\n${body}</failure></testcase>`;
    const [traced, pathLike, colonWord, noDigits, onlyTrace, endsInPath, startsWithPath, indented] = cases(
      suites(
        failure(`Not implemented yet\n\n${trace.join('\n')}\n\n`) +
          failure('expected /var/www/index.php:12 to be served\n\n/var/www/tests/XTest.php:9') +
          failure('see C:notes:3\n\n/var/www/tests/XTest.php:9') +
          failure('the file /var/www/a.php:line\n\n/var/www/tests/XTest.php:9') +
          failure(trace.join('\n')) +
          failure('The page is missing.\nthe route points at /var/www/index.php:12\n\n/var/www/tests/XTest.php:9') +
          failure('The page is missing.\n/var/www/index.php:12 was never served\n\n/var/www/tests/XTest.php:9') +
          failure('Not implemented yet\n  /var/www/src/Router.php:27\n   \n  /var/www/tests/XTest.php:9'),
      ),
    );
    assert.equal(traced.message, 'Not implemented yet');
    assert.equal(pathLike.message, 'expected /var/www/index.php:12 to be served', 'a path with text after it is message');
    assert.equal(endsInPath.message, 'The page is missing.\nthe route points at /var/www/index.php:12', 'a line that ends in path:line but does not start with it is message');
    assert.equal(startsWithPath.message, 'The page is missing.\n/var/www/index.php:12 was never served');
    assert.equal(indented.message, 'Not implemented yet', 'indented trace lines and lines of spaces between them go too');
    assert.equal(colonWord.message, 'see C:notes:3');
    assert.equal(noDigits.message, 'the file /var/www/a.php:line', 'a trailer ends in a line number');
    // Nothing but trace lines: no message of its own, so the summary's "failed" stands in.
    assert.equal(onlyTrace.message, 'failed');
    assert.equal(onlyTrace.summary, 'failed');
  });

  it('PHPUnit: blank lines and spaces around the message go, encoded line ends included', () => {
    const [blankFirst, encoded] = cases(
      suites(
        '<testcase name="testA" class="ATest"><failure type="E">ATest::testA\n\nthe message   \n\n/a/ATest.php:3</failure></testcase>' +
          '<testcase name="testB" class="ATest"><failure type="E">&#10;ATest::testB&#10;the reason&#10;&#10;/a/ATest.php:4&#10;</failure></testcase>',
      ),
    );
    assert.equal(blankFirst.message, 'the message');
    assert.equal(encoded.message, 'the reason');
    assert.equal(encoded.summary, 'the reason');
  });

  it('PHPUnit: the "Class::method" line is dropped from both message and summary only when it comes first', () => {
    const [withId, withoutId] = cases(
      suites(
        '<testcase name="testA" class="ATest"><error type="E">ATest::testA\nTypeError: Foo::bar(): Argument #1 must be int\n\n/a/ATest.php:3</error></testcase>' +
          '<testcase name="testB" class="ATest"><failure type="E">plain reason\nFoo::bar() said no\n\n/a/ATest.php:4</failure></testcase>',
      ),
    );
    assert.equal(withId.message, 'TypeError: Foo::bar(): Argument #1 must be int');
    assert.equal(withId.summary, 'TypeError: Foo::bar(): Argument #1 must be int');
    assert.equal(withoutId.message, 'plain reason\nFoo::bar() said no');
    assert.equal(withoutId.summary, 'plain reason Foo::bar() said no');
  });
});

describe('JUnit cases: attributes and elements', () => {
  it('keeps a file, a positive whole line and a numeric time; leaves out what is missing, empty or not a number', () => {
    const all = cases(
      suites(
        '<testcase name="all" class="K" file="/w/KTest.php" line="12" time="0.25"/>' +
          '<testcase name="none"/>' +
          '<testcase name="empty" file="" line="" time=""/>' +
          '<testcase name="odd" line="0" time="soon"/>' +
          '<testcase name="negative" line="-3" time="-0.5"/>' +
          '<testcase name="fraction" line="4.5" time="1e-3"/>' +
          '<testcase name="text" line="twelve" time="Infinity"/>',
      ),
    );
    assert.deepEqual(all, [
      { name: 'all', suites: [], className: 'K', file: '/w/KTest.php', line: 12, seconds: 0.25, outcome: 'passed' },
      { name: 'none', suites: [], outcome: 'passed' },
      // An empty time reads as 0 s (Number("")), like PHPUnit's time="0.000000".
      { name: 'empty', suites: [], seconds: 0, outcome: 'passed' },
      { name: 'odd', suites: [], outcome: 'passed' },
      { name: 'negative', suites: [], seconds: -0.5, outcome: 'passed' },
      { name: 'fraction', suites: [], seconds: 0.001, outcome: 'passed' },
      { name: 'text', suites: [], outcome: 'passed' },
    ]);
  });

  it('names a test without a name "?", drops elements that are only text, and adds no name for a suite without one', () => {
    const all = cases(suites('<testcase time="1"/><testcase>loose text</testcase><testsuite name="s">words<testcase name="a"/></testsuite><testsuite><testcase name="b"/></testsuite>'));
    assert.deepEqual(all, [
      { name: 'a', suites: ['s'], outcome: 'passed' },
      { name: 'b', suites: [], outcome: 'passed' },
      { name: '?', suites: [], seconds: 1, outcome: 'passed' },
    ]);
  });

  it('a report cut off while it was written is no report', () => {
    assert.equal(readJUnitCases('<?xml version="1.0"?>\n<testsuites>\n\t<testcase name="a" time="0.1"/>\n\t<testcase'), undefined);
    assert.equal(parseJUnit('<?xml version="1.0"'), undefined);
  });

  it('two failure elements of bare text fail the test (the first one is its message), as do two errors', () => {
    const all = cases(suites('<testcase name="t"><failure>first reason</failure><failure>second reason</failure></testcase><testcase name="u"><error>broke</error><error>again</error></testcase>'));
    assert.deepEqual(all, [
      { name: 't', suites: [], outcome: 'failed', message: 'first reason', details: 'first reason', summary: 'first reason' },
      { name: 'u', suites: [], outcome: 'failed', message: 'broke', details: 'broke', summary: 'broke' },
    ]);
    assert.deepEqual(parseJUnit(suites('<testcase name="t"><failure>a</failure><failure>b</failure></testcase>'))?.failed, 1);
  });

  it('an empty failure or error element still fails its test, with "failed" as its message', () => {
    const all = cases(suites('<testcase name="f"><failure/></testcase><testcase name="e"><error/></testcase><testcase name="p" class="P"><failure></failure></testcase>'));
    assert.deepEqual(all, [
      { name: 'f', suites: [], outcome: 'failed', message: 'failed', details: '', summary: 'failed' },
      { name: 'e', suites: [], outcome: 'failed', message: 'failed', details: '', summary: 'failed' },
      { name: 'p', suites: [], className: 'P', outcome: 'failed', message: 'failed', details: '', summary: 'failed' },
    ]);
  });

  it('a failure given only as an attribute has empty details; the first of several failures counts', () => {
    const all = cases(
      suites(
        '<testcase name="attr"><failure message="expected 1&#10;&#10;got 2"/></testcase>' +
          '<testcase name="two"><failure message="first">a</failure><failure message="second">b</failure></testcase>' +
          '<testcase name="both"><failure message="the failure"/><error message="the error"/></testcase>' +
          '<testcase name="error only"><error message="broke">text</error></testcase>',
      ),
    );
    assert.deepEqual(all, [
      { name: 'attr', suites: [], outcome: 'failed', message: 'expected 1\n\ngot 2', details: '', summary: 'expected 1' },
      { name: 'two', suites: [], outcome: 'failed', message: 'first', details: 'a', summary: 'first' },
      { name: 'both', suites: [], outcome: 'failed', message: 'the failure', details: '', summary: 'the failure' },
      { name: 'error only', suites: [], outcome: 'failed', message: 'broke', details: 'text', summary: 'broke' },
    ]);
  });

  it('Node text without a message attribute: the text before its first stack frame, with its line ends', () => {
    const [framed, flagged, crlf] = cases(
      suites(
        '<testcase name="framed"><failure>AssertionError: 1 == 2\nexpected more\n    at t (/w/tests/a.test.js:3:9)\n    at run (node:internal/x:1:1)</failure></testcase>' +
          '<testcase name="flagged"><failure message="true">Error: first\n\nsecond\n\tat t (/w/a.js:1:1)</failure></testcase>' +
          '<testcase name="crlf"><failure>line one&#13;\nline two&#13;\n    at t (/w/a.js:1:1)</failure></testcase>',
      ),
    );
    assert.equal(framed.message, 'AssertionError: 1 == 2\nexpected more');
    assert.equal(framed.summary, 'AssertionError: 1 == 2 expected more');
    assert.equal(flagged.message, 'Error: first\n\nsecond');
    assert.equal(flagged.summary, 'Error: first');
    assert.equal(crlf.message, 'line one\nline two');
    assert.equal(crlf.summary, 'line one line two');
    const summaries = cases(
      suites(
        '<testcase name="t"><failure>t  \nthe name line goes</failure></testcase>' +
          '<testcase name="t"><failure>first\n   \nsecond</failure></testcase>' +
          '<testcase name="t"><failure>wrong value at index 3\nand more</failure></testcase>' +
          '<testcase name="t"><failure>could not read /etc/app.conf:1\nand more</failure></testcase>' +
          '<testcase name="t"><failure>/srv/app.js:12 is missing\nand more</failure></testcase>' +
          '<testcase name="t"><failure>the message\n  /tmp/x/ATest.php:12\nafter</failure></testcase>',
      ),
    ).map((testCase) => testCase.summary);
    assert.deepEqual(summaries, [
      'the name line goes',
      'first',
      'wrong value at index 3 and more',
      'could not read /etc/app.conf:1 and more',
      '/srv/app.js:12 is missing and more',
      'the message',
    ]);
    const [titled, atInLine, twoLines] = cases(
      suites(
        '<testsuite name="outer"><testcase name="t"><failure>outer › t\nthe reason</failure></testcase></testsuite>' +
          '<testcase name="t"><failure>wrong value at index 3\nand more\n    at t (/w/a.test.js:1:1)</failure></testcase>' +
          '<testcase name="t"><failure>line one\nline two</failure></testcase>',
      ),
    );
    assert.equal(atInLine.message, 'wrong value at index 3\nand more', '" at " inside a line is no stack frame');
    assert.equal(twoLines.message, 'line one\nline two', 'without frames, the whole text');
    assert.equal(titled.summary, 'the reason', 'a first line that is the test\'s full title goes');
  });

  it('a Node cause is added to the message only when the message does not already say it', () => {
    const failure = (message: string, cause: string) =>
      `<testcase name="t"><failure message="${message}">[Error [ERR_TEST_FAILURE]: ${message}] {\n  code: 'ERR_TEST_FAILURE',\n  cause: ${cause}\n      at x (/w/a.test.js:1:1)\n}</failure></testcase>`;
    const messages = cases(
      suites(
        failure('failed running after hook', 'Error: the database is gone') +
          failure('failed running after hook', "'a thrown string'") +
          failure('failed running after hook', '"a double-quoted string"') +
          failure('the limit is 3', 'AssertionError [ERR_ASSERTION]: the limit is 3') +
          failure('the limit is 3', 'RangeError [ERR_OUT_OF_RANGE]: the limit is 3') +
          failure('the limit is 3', 'errors.LimitError: the limit is 3') +
          failure('the limit is 3', 'Error: the limit is 4') +
          failure('no cause here', 'x') +
          failure('short', '  Error: spaced out  ') +
          failure('timed out', 'Socket hang up: timed out'),
      ),
    ).map((testCase) => testCase.message);
    assert.deepEqual(messages, [
      'failed running after hook\nError: the database is gone',
      'failed running after hook',
      'failed running after hook',
      'the limit is 3',
      'the limit is 3',
      'the limit is 3',
      'the limit is 3\nError: the limit is 4',
      'no cause here\nx',
      'short\nError: spaced out',
      // Only a class name before the colon is left out when comparing.
      'timed out\nSocket hang up: timed out',
    ]);
    // "cause:" only counts at the start of a line.
    const [inline] = cases(suites('<testcase name="t"><failure message="m">m, the cause: Error: hidden</failure></testcase>'));
    assert.equal(inline.message, 'm');
  });

  it('a message attribute is trimmed, and a summary never runs past the first blank line', () => {
    const [spaced, blankWithSpaces, leadingBlank, trailingSpaces] = cases(
      suites(
        '<testcase name="a"><failure message="  padded  &#10;"/></testcase><testcase name="b"><failure message="one&#10; &#10;two"/></testcase>' +
          '<testcase name="c"><failure message="&#10;&#10;first&#10;&#10;second"/></testcase><testcase name="d"><failure message="one  &#10;&#10;two"/></testcase>',
      ),
    );
    assert.equal(leadingBlank.summary, 'first');
    assert.equal(trailingSpaces.summary, 'one');
    assert.equal(spaced.message, 'padded');
    assert.equal(spaced.summary, 'padded');
    assert.equal(blankWithSpaces.summary, 'one');
    assert.equal(blankWithSpaces.message, 'one\n \ntwo');
  });

  it('caseTitle and summarise name Node tests by suites and PHPUnit tests by class', () => {
    assert.equal(caseTitle({ name: 't', suites: ['a', 'b'] }), 'a › b › t');
    assert.equal(caseTitle({ name: 't', suites: ['ignored'], className: 'K' }), 'K::t');
    assert.equal(caseTitle({ name: 't', suites: [] }), 't');
    assert.deepEqual(
      summarise([
        { name: 'a', suites: ['s'], outcome: 'failed' },
        { name: 'b', suites: [], className: 'K', outcome: 'failed', summary: 'why' },
        { name: 'c', suites: [], outcome: 'skipped' },
        { name: 'd', suites: [], outcome: 'passed' },
      ]),
      { total: 4, passed: 1, failed: 2, skipped: 1, failures: [{ name: 's › a', message: 'failed' }, { name: 'K::b', message: 'why' }] },
    );
  });

  it('property: any titles and messages survive the round trip through a Node-style report', () => {
    const xmlText = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
    // Printable text without leading/trailing space, line ends or entity-like runs the reader decodes again.
    const title = fc.string({ minLength: 1, maxLength: 30 }).filter((value) => /^[^\s&<>"]([^\n\r&<>"]*[^\s&<>"])?$/.test(value) && value !== '?');
    fc.assert(
      fc.property(fc.array(title, { maxLength: 3 }), title, fc.option(title, { nil: undefined }), (suiteNames, name, message) => {
        let xml = `<testcase name="${xmlText(name)}" time="0.5">${message === undefined ? '' : `<failure message="${xmlText(message)}">stack</failure>`}</testcase>`;
        for (const suite of [...suiteNames].reverse()) xml = `<testsuite name="${xmlText(suite)}">${xml}</testsuite>`;
        const [testCase] = cases(suites(xml));
        const expectedSuites = suiteNames.filter((suite) => !suite.includes('/') && !suite.includes('\\'));
        assert.deepEqual(testCase.suites, expectedSuites);
        assert.equal(testCase.name, name);
        assert.equal(testCase.seconds, 0.5);
        assert.equal(testCase.outcome, message === undefined ? 'passed' : 'failed');
        if (message !== undefined) {
          assert.equal(testCase.summary, message === 'true' ? 'stack' : message);
          assert.equal(parseJUnit(suites(xml))?.failures[0].name, [...expectedSuites, name].join(' › '));
        }
      }),
      { numRuns: 100 },
    );
  });
});
