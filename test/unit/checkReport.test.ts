import * as assert from 'node:assert/strict';
import { judgeRun } from '../../src/exercises/checkVerdict';
import { parseJUnit } from '../../src/exercises/junitReport';

// Shapes copied from real runs: Node 24 `--test-reporter=junit` and PHPUnit 9.6 `--log-junit`.
const NODE_REPORT = `<?xml version="1.0" encoding="utf-8"?>
<testsuites>
	<testcase name="top ok" time="0.002234" classname="test" file="/tmp/jt/test/a.test.js"/>
	<testsuite name="suite" time="0.02" disabled="0" errors="0" tests="3" failures="1" skipped="1">
		<testcase name="inner fails" time="0.004811" classname="suite" file="/tmp/jt/test/a.test.js" failure="one is not two">
			<failure type="testCodeFailure" message="one is not two">
Error [ERR_TEST_FAILURE]: one is not two
    at new Promise (&lt;anonymous>)
  cause: AssertionError [ERR_ASSERTION]: one is not two
      at TestContext.&lt;anonymous> (/tmp/jt/test/a.test.js:3:70)
			</failure>
		</testcase>
		<testcase name="inner ok" time="0.000517" classname="suite" file="/tmp/jt/test/a.test.js"/>
		<testcase name="sk" time="0.000623" classname="suite" file="/tmp/jt/test/a.test.js">
			<skipped type="skipped" message="true"/>
		</testcase>
	</testsuite>
	<!-- tests 4 -->
</testsuites>`;

const PHP_REPORT = `<?xml version="1.0" encoding="UTF-8"?>
<testsuites>
  <testsuite name="/tmp/pj/tests" tests="3" assertions="2" errors="1" warnings="0" failures="1" skipped="0" time="0.018538">
    <testsuite name="ATest" file="/tmp/pj/tests/ATest.php" tests="3" assertions="2" errors="1" warnings="0" failures="1" skipped="0" time="0.018538">
      <testcase name="testOk" class="ATest" classname="ATest" file="/tmp/pj/tests/ATest.php" line="4" assertions="1" time="0.017550"/>
      <testcase name="testFails" class="ATest" classname="ATest" file="/tmp/pj/tests/ATest.php" line="5" assertions="1" time="0.000657">
        <failure type="PHPUnit\\Framework\\ExpectationFailedException">ATest::testFails
one is not two
Failed asserting that 2 is identical to 1.

/tmp/pj/tests/ATest.php:5</failure>
      </testcase>
      <testcase name="testErr" class="ATest" classname="ATest" file="/tmp/pj/tests/ATest.php" line="6" assertions="0" time="0.000331">
        <error type="RuntimeException">ATest::testErr
RuntimeException: boom

/tmp/pj/tests/ATest.php:6</error>
      </testcase>
    </testsuite>
  </testsuite>
</testsuites>`;

describe('check report (JUnit) and verdict', () => {
  it('reads a Node report: counts, and each failure by suite › test with its message, no stack', () => {
    const report = parseJUnit(NODE_REPORT);
    assert.deepEqual(report, {
      total: 4,
      passed: 2,
      failed: 1,
      skipped: 1,
      failures: [{ name: 'suite › inner fails', message: 'one is not two' }],
    });
  });

  it('reads a PHPUnit report: failures and errors, message without the file:line trailer', () => {
    const report = parseJUnit(PHP_REPORT);
    assert.deepEqual(report, {
      total: 3,
      passed: 1,
      failed: 2,
      skipped: 0,
      failures: [
        { name: 'ATest::testFails', message: 'one is not two Failed asserting that 2 is identical to 1.' },
        { name: 'ATest::testErr', message: 'RuntimeException: boom' },
      ],
    });
  });

  it('counts failing and passing cases, giving the message without the diff Node appends', () => {
    const nodeReport = `<?xml version="1.0"?><testsuites>
<testsuite name="health"><testcase name="GET ok" time="0.01"/><testcase name="HEAD has no body" time="0.01"><failure type="testCodeFailure" message="HEAD responses must not carry a body&#10;&#10;3 !== 0">stack</failure></testcase></testsuite>
<testcase name="top level" time="0.1"/></testsuites>`;
    const node = parseJUnit(nodeReport);
    assert.equal(node?.total, 3);
    assert.equal(node?.failed, 1);
    assert.deepEqual(node?.failures, [{ name: 'health › HEAD has no body', message: 'HEAD responses must not carry a body' }]);
    const phpReport = `<?xml version="1.0"?><testsuites><testsuite name="tests" tests="2" failures="0" errors="1"><testsuite name="ReportsTest">
<testcase name="testTotals" class="ReportsTest"><error type="TypeError">ReportsTest::testTotals
TypeError: totals(): Return value must be of type array</error></testcase>
<testcase name="testEmpty" class="ReportsTest"/></testsuite></testsuite></testsuites>`;
    const php = parseJUnit(phpReport);
    assert.equal(php?.total, 2);
    assert.equal(php?.failed, 1);
    assert.equal(php?.failures[0]?.message, 'TypeError: totals(): Return value must be of type array', 'the message, not the test id');
  });

  it('decodes the entities node --test escapes twice in names and messages (a real Node 24 report)', () => {
    const report = parseJUnit(`<?xml version="1.0" encoding="utf-8"?>
<testsuites>
	<testcase name="q &amp;quot;x&amp;quot;" time="0.002" classname="test" failure="a &amp;quot;quoted&amp;quot; &lt;rule> &amp; more&#10;&#10;1 !== 2">
		<failure type="testCodeFailure" message="a &amp;quot;quoted&amp;quot; &lt;rule> &amp; more&#10;&#10;1 !== 2">stack</failure>
	</testcase>
</testsuites>`);
    assert.deepEqual(report?.failures, [{ name: 'q "x"', message: 'a "quoted" <rule> & more' }]);
  });

  it('reads empty reports as zero tests, and non-reports as nothing', () => {
    assert.deepEqual(parseJUnit('<?xml version="1.0"?>\n<testsuites>\n\t<!-- tests 0 -->\n</testsuites>'), { total: 0, passed: 0, failed: 0, skipped: 0, failures: [] });
    assert.deepEqual(parseJUnit('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites/>'), { total: 0, passed: 0, failed: 0, skipped: 0, failures: [] });
    assert.equal(parseJUnit(''), undefined);
    assert.equal(parseJUnit('not xml at all'), undefined);
    assert.equal(parseJUnit('<html><body>hi</body></html>'), undefined);
  });

  it('never calls a run without tests a pass, even when the runner exits 0', () => {
    assert.deepEqual(judgeRun(0, parseJUnit('<testsuites/>')), { kind: 'noTests' });
    assert.deepEqual(judgeRun(0, undefined), { kind: 'noReport' });
    const allSkipped = { total: 2, passed: 0, failed: 0, skipped: 2, failures: [] };
    assert.equal(judgeRun(0, allSkipped).kind, 'allSkipped');
  });

  it('passes only with tests run, none failing and exit code 0', () => {
    const clean = { total: 2, passed: 2, failed: 0, skipped: 0, failures: [] };
    assert.equal(judgeRun(0, clean).kind, 'passed');
    assert.equal(judgeRun(1, clean).kind, 'failures', 'a non-zero exit is never a pass');
    assert.equal(judgeRun(undefined, clean).kind, 'failures', 'a killed run is never a pass');
    const report = parseJUnit(NODE_REPORT);
    assert.equal(judgeRun(0, report).kind, 'failures', 'a failing test is never a pass, whatever the exit code');
    assert.deepEqual(judgeRun(2, undefined), { kind: 'failures', report: undefined, exitCode: 2 });
  });
});
