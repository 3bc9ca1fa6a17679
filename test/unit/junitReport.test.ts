// The JUnit reader on small hand-written reports, one rule each: which tests count as failed or
// skipped, how a test is named, and which part of a failure's text is its message.
import * as assert from 'node:assert/strict';
import { isOwnTask } from '../../src/exercises/checkVerdict';
import { parseJUnit } from '../../src/exercises/junitReport';

const suites = (inner: string) => `<?xml version="1.0"?><testsuites>${inner}</testsuites>`;

describe('JUnit reader rules', () => {
  it('reads a failure or error given as bare text (no attributes), and counts both as failed', () => {
    const report = parseJUnit(suites('<testcase name="a"><failure>a is wrong\n    at x (/f.js:1:1)</failure></testcase><testcase name="b"><error>b broke</error></testcase><testcase name="c"/>'));
    assert.deepEqual(report, {
      total: 3,
      passed: 1,
      failed: 2,
      skipped: 0,
      failures: [
        { name: 'a', message: 'a is wrong' },
        { name: 'b', message: 'b broke' },
      ],
    });
  });

  it('takes a message attribute up to its first blank line, and the text when the attribute says only "true"', () => {
    const report = parseJUnit(
      suites(
        '<testcase name="attr"><failure message="  expected 1&#10;&#10;+ actual - expected  ">ignored text</failure></testcase>' +
          '<testcase name="flag"><failure message="true">the real reason\n\nmore</failure></testcase>',
      ),
    );
    assert.deepEqual(report?.failures, [
      { name: 'attr', message: 'expected 1' },
      { name: 'flag', message: 'the real reason' },
    ]);
  });

  it('drops the test name, stack frames and file:line trailers from a text message, keeping its first paragraph joined', () => {
    const text = ['', 'Suite::testIt', '', 'first line', '  second line  ', '    at Object.<anonymous> (/x.js:1:1)', 'never shown'].join('\r\n');
    const report = parseJUnit(suites(`<testcase name="testIt" class="Suite"><failure>${text}</failure></testcase>`));
    assert.deepEqual(report?.failures, [{ name: 'Suite::testIt', message: 'first line second line' }]);
    const trailer = parseJUnit(suites('<testcase name="t"><failure>t\nmessage here\n/tmp/x/ATest.php:12\nafter</failure></testcase>'));
    assert.deepEqual(trailer?.failures, [{ name: 't', message: 'message here' }]);
    const atInText = parseJUnit(suites('<testcase name="t"><failure>that:1 is what happened\nsecond</failure></testcase>'));
    assert.deepEqual(atInText?.failures, [{ name: 't', message: 'that:1 is what happened second' }]);
    const empty = parseJUnit(suites('<testcase name="t"><failure>   </failure></testcase>'));
    assert.deepEqual(empty?.failures, [{ name: 't', message: 'failed' }]);
  });

  it('keeps a failure message to 500 characters', () => {
    const long = 'x'.repeat(600);
    assert.equal(parseJUnit(suites(`<testcase name="t"><failure>${long}</failure></testcase>`))?.failures[0].message.length, 500);
  });

  it('names Node tests by their suites and PHPUnit tests by class, leaving out folder suites', () => {
    const report = parseJUnit(
      suites(
        '<testsuite name="outer"><testsuite name="inner"><testcase name="n"><failure message="m"/></testcase></testsuite></testsuite>' +
          '<testsuite name="/abs/tests"><testsuite name="C:\\tests"><testsuite name=""><testcase name="p"><failure message="m"/></testcase></testsuite></testsuite></testsuite>' +
          '<testcase name="q" class="Klass"><failure message="m"/></testcase>',
      ),
    );
    assert.deepEqual(report?.failures.map((failure) => failure.name), ['outer › inner › n', 'p', 'Klass::q']);
  });

  it('decodes each entity node --test escapes twice', () => {
    const report = parseJUnit(suites('<testcase name="a &amp;quot;b&amp;quot; &amp;amp; &amp;lt;c&amp;gt; &amp;apos;d&amp;#39;"><failure message="x&amp;#10;y &amp;bogus;"/></testcase>'));
    assert.deepEqual(report?.failures, [{ name: 'a "b" & <c> \'d\'', message: 'x\ny &bogus;' }]);
  });

  it('counts skipped tests apart, and a skipped test with a failure as failed', () => {
    const report = parseJUnit(suites('<testcase name="s"><skipped/></testcase><testcase name="f"><skipped/><failure message="m"/></testcase><testcase name="ok"/>'));
    assert.deepEqual([report?.total, report?.passed, report?.failed, report?.skipped], [3, 1, 1, 1]);
  });

  it('reads a report whose root is one testsuite, an empty testsuites, and refuses what is not a report', () => {
    assert.deepEqual(parseJUnit('<testsuite name="s"><testcase name="a"/><testcase name="b"/></testsuite>'), { total: 2, passed: 2, failed: 0, skipped: 0, failures: [] });
    assert.deepEqual(parseJUnit('<testsuites/>'), { total: 0, passed: 0, failed: 0, skipped: 0, failures: [] });
    assert.deepEqual(parseJUnit('<testsuites>text only</testsuites>'), { total: 0, passed: 0, failed: 0, skipped: 0, failures: [] });
    assert.equal(parseJUnit('<html><body>not a report</body></html>'), undefined);
    assert.equal(parseJUnit(''), undefined);
  });

  it('ignores entries that are not elements', () => {
    const report = parseJUnit(suites('<testsuite name="s">loose text<testcase name="a"/></testsuite>'));
    assert.deepEqual(report?.failures, []);
    assert.equal(report?.total, 1);
  });

  it('counts a task as the check\'s own only with the same type and the same check id', () => {
    const expected = { type: 'backendPath', checkId: 'abc' };
    assert.equal(isOwnTask({ type: 'backendPath', checkId: 'abc' }, expected), true);
    assert.equal(isOwnTask({ type: 'backendPath', checkId: 'abd' }, expected), false);
    assert.equal(isOwnTask({ type: 'shell', checkId: 'abc' }, expected), false);
    assert.equal(isOwnTask({}, expected), false);
  });
});
