import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import type { JUnitCase } from '../../src/exercises/junitReport';
import { parseJUnit, readJUnitCases } from '../../src/exercises/junitReport';
import { discoverNodeTests } from '../../src/testing/discoverNodeTests';
import { discoverPhpTests } from '../../src/testing/discoverPhpTests';
import type { DiscoveredTest } from '../../src/testing/discoveredTest';
import { stackFrames } from '../../src/testing/failureLocation';
import { caseIdentity, failureDetails, isWholeFileCase, resultKey } from '../../src/testing/testResults';
import { readRepoFile } from './helpers';

/** Where the fixtures' runs happened (test/fixtures/junit/README.md). */
const RUNS = '/tmp/bp-fixture/backend-path-exercises';

function cases(fixture: string): JUnitCase[] {
  const found = readJUnitCases(readRepoFile(`test/fixtures/junit/${fixture}`));
  assert.ok(found, `${fixture} is a JUnit report`);
  return found;
}

const byName = (all: readonly JUnitCase[], name: string) => {
  const found = all.find((testCase) => testCase.name === name);
  assert.ok(found, `a case named ${name}`);
  return found;
};

/** The keys the controller gives discovered tests, for a file that ran at `path`. */
function discoveredKeys(language: 'node' | 'php', path: string, source: string): Set<string> {
  const keys = new Set<string>();
  const walk = (tests: readonly DiscoveredTest[], parents: readonly string[]) => {
    for (const test of tests) {
      const titlePath = language === 'php' ? [test.name] : [...parents, test.name];
      if (test.kind === 'test') keys.add(resultKey(language, { file: path, titlePath, className: test.className }));
      walk(test.children, language === 'php' ? [] : titlePath);
    }
  };
  walk(language === 'php' ? discoverPhpTests(source) : discoverNodeTests(source), []);
  return keys;
}

describe('Testing view: results from real JUnit reports', () => {
  it('Node 24 starter: every test fails in the before hook, and the message names the cause', () => {
    const all = cases('node24-starter.xml');
    assert.equal(all.length, 16);
    assert.ok(all.every((testCase) => testCase.outcome === 'failed'));
    const first = all[0];
    assert.equal(first.message, 'failed running before hook\nError: Not implemented yet: createApp() in src/app.js');
    assert.equal(first.file, `${RUNS}/01-http-fundamentals-node/tests/app.test.js`);
    assert.ok(first.seconds !== undefined && first.seconds > 0);
    const details = failureDetails(first, `${RUNS}/01-http-fundamentals-node`);
    assert.deepEqual(details.location, { path: `${RUNS}/01-http-fundamentals-node/tests/app.test.js`, line: 18, column: 12, label: 'TestContext.<anonymous>' }, 'the hook\'s call in the test file');
    assert.deepEqual(details.stack.map((frame) => `${frame.path.slice(RUNS.length)}:${frame.line}`), ['/01-http-fundamentals-node/src/app.js:23', '/01-http-fundamentals-node/tests/app.test.js:18', '/01-http-fundamentals-node/tests/app.test.js:17']);
  });

  it('Node 24 mutant: pass/fail per test, the assertion\'s message with its diff, and the assertion\'s line', () => {
    const all = cases('node24-mutant.xml');
    const failing = byName(all, 'Content-Length counts bytes, not characters');
    assert.equal(failing.outcome, 'failed');
    assert.equal(failing.message, 'Content-Length must count bytes (Buffer.byteLength), not characters: it said 44 but 50 bytes followed ("ë" is 2 bytes in UTF-8)\n\n44 !== 50');
    assert.deepEqual(failureDetails(failing, `${RUNS}/01-http-fundamentals-node-mutant`).location, { path: `${RUNS}/01-http-fundamentals-node-mutant/tests/app.test.js`, line: 185, column: 10, label: 'TestContext.<anonymous>' });
    const source = readRepoFile('test/fixtures/junit/sources/app.test.js').split('\n');
    assert.match(source[184], /assert\./, 'line 185 of the test file is the assertion');
    assert.equal(byName(all, 'GET /health answers 200 with JSON {"status":"ok"}').outcome, 'passed');
    // A failure with no frame in the exercise (a socket error) has no location: the test's own line is used.
    const transport = byName(all, 'the 64 KiB limit counts bytes, not characters');
    assert.equal(failureDetails(transport, `${RUNS}/01-http-fundamentals-node-mutant`).location, undefined);
    assert.deepEqual(parseJUnit(readRepoFile('test/fixtures/junit/node24-mutant.xml')), {
      total: all.length,
      passed: all.filter((testCase) => testCase.outcome === 'passed').length,
      failed: all.filter((testCase) => testCase.outcome === 'failed').length,
      skipped: 0,
      failures: all.filter((testCase) => testCase.outcome === 'failed').map((testCase) => ({ name: testCase.name, message: testCase.summary })),
    });
  });

  it('Node 24 nested suites: suite titles, skips and todos, and durations', () => {
    const all = cases('node24-nested.xml');
    assert.deepEqual(
      all.map((testCase) => `${[...testCase.suites, testCase.name].join(' > ')}: ${testCase.outcome}`),
      [
        'cart > totals > adds line prices: passed',
        'cart > totals > rounds to cents (a.b*): failed',
        'cart > is empty at first: passed',
        'cart > applies coupons: skipped',
        'cart > merges carts: skipped',
        'top level passes: passed',
        'top level fails: failed',
        'generated 1: failed',
        'generated 2: passed',
      ],
    );
    const rounds = byName(all, 'rounds to cents (a.b*)');
    assert.match(rounds.message ?? '', /^round the total to whole cents before comparing\n\+ actual - expected/);
    assert.equal(failureDetails(rounds, `${RUNS}/99-nested-node`).location?.line, 10);
    assert.equal(failureDetails(byName(all, 'top level fails'), `${RUNS}/99-nested-node`).location?.line, 22);
  });

  it('every case of a Node report meets the test found in its file, except computed titles', () => {
    const path = `${RUNS}/99-nested-node/tests/cart.test.js`;
    const keys = discoveredKeys('node', path, readRepoFile('test/fixtures/junit/sources/cart.test.js'));
    const all = cases('node24-nested.xml');
    const unmatched = all.filter((testCase) => !keys.has(resultKey('node', caseIdentity(testCase)))).map((testCase) => testCase.name);
    assert.deepEqual(unmatched, ['generated 1', 'generated 2']);
    const starterKeys = discoveredKeys('node', `${RUNS}/01-http-fundamentals-node/tests/app.test.js`, readRepoFile('test/fixtures/junit/sources/app.test.js'));
    for (const testCase of cases('node24-starter.xml')) assert.ok(starterKeys.has(resultKey('node', caseIdentity(testCase))), testCase.name);
    const [selected] = cases('node24-name-pattern.xml');
    assert.ok(keys.has(resultKey('node', caseIdentity(selected))), 'the test a name pattern selected is found');
  });

  it('a Node test file that fails to load is reported against the file', () => {
    const all = cases('node24-broken-file.xml');
    const root = `${RUNS}/98-broken-node`;
    assert.deepEqual(all.map((testCase) => isWholeFileCase(testCase, root)), [true, false]);
    assert.equal(isWholeFileCase({ ...all[0], name: 'a test' }, root), false);
  });

  it('PHPUnit 9.6 starter: errors and failures, the message without the test id and trace', () => {
    const all = cases('phpunit96-starter.xml');
    assert.equal(all.length, 22);
    const error = byName(all, 'testShowUsesTheRouteParameterAndTheSerializer');
    assert.equal(error.outcome, 'failed');
    assert.equal(error.className, 'Exercise\\Tests\\ControllerTest');
    assert.equal(error.line, 32);
    assert.equal(error.message, 'LogicException: Not implemented yet: Router::add()');
    const details = failureDetails(error, `${RUNS}/05-routing-and-mvc-php`);
    assert.deepEqual(details.location, { path: `${RUNS}/05-routing-and-mvc-php/tests/ControllerTest.php`, line: 27 });
    assert.deepEqual(details.stack.map((frame) => `${frame.path.slice(RUNS.length)}:${frame.line}`), [
      '/05-routing-and-mvc-php/src/Router.php:27',
      '/05-routing-and-mvc-php/tests/ControllerTest.php:27',
      '/05-routing-and-mvc-php/tests/ControllerTest.php:34',
    ]);
    const failure = byName(all, 'testControllersNeverReadSuperglobals');
    assert.equal(failure.message, 'UserController.php mentions $_GET: take input from the Request and the route $params instead.\nFailed asserting that true is false.');
    assert.equal(failureDetails(failure, `${RUNS}/05-routing-and-mvc-php`).location?.line, 78);
  });

  it('PHPUnit 9.6 mutant and --filter runs: one failing test at its assertion, the rest passing', () => {
    const all = cases('phpunit96-mutant.xml');
    assert.deepEqual(all.filter((testCase) => testCase.outcome === 'failed').map((testCase) => testCase.name), ['testPageEscapesEveryValueForHtml']);
    const failing = byName(all, 'testPageEscapesEveryValueForHtml');
    assert.match(failing.message ?? '', /^The user's name reached the HTML unescaped: pass every value through htmlspecialchars/);
    assert.ok(!/ControllerTest\.php:60/.test(failing.message ?? ''), 'the trace is not part of the message');
    assert.deepEqual(failureDetails(failing, `${RUNS}/05-routing-and-mvc-php-mutant`).location, { path: `${RUNS}/05-routing-and-mvc-php-mutant/tests/ControllerTest.php`, line: 60 });
    const filtered = cases('phpunit96-filter.xml');
    assert.deepEqual(filtered.map((testCase) => `${testCase.className}::${testCase.name}`), ['Exercise\\Tests\\ControllerTest::testPageEscapesEveryValueForHtml']);
  });

  it('every case of a PHPUnit report meets the method found in its class', () => {
    const keys = new Set([
      ...discoveredKeys('php', `${RUNS}/05-routing-and-mvc-php/tests/ControllerTest.php`, readRepoFile('test/fixtures/junit/sources/ControllerTest.php')),
      ...discoveredKeys('php', `${RUNS}/05-routing-and-mvc-php/tests/RouterTest.php`, readRepoFile('test/fixtures/junit/sources/RouterTest.php')),
    ]);
    const all = cases('phpunit96-starter.xml');
    assert.equal(keys.size, all.length);
    for (const testCase of all) assert.ok(keys.has(resultKey('php', caseIdentity(testCase))), testCase.name);
  });

  it('reads stack frames of both runners, file URLs included, and skips runtime internals', () => {
    const frames = stackFrames([
      '    at TestContext.<anonymous> (file:///tmp/a%20b/tests/x.test.js:3:7)',
      '    at file:///tmp/a%20b/tests/x.test.js:9:1',
      '    at Test.run (node:internal/test_runner/test:1402:25)',
      '    at helper (/tmp/cjs/tests/helper.js:4:2)',
      '/var/www/tests/ATest.php:12',
      'C:\\work\\tests\\BTest.php:5',
    ].join('\n'));
    assert.deepEqual(frames.map((frame) => `${frame.path}:${frame.line}`), [
      `${join('/tmp/a b/tests/x.test.js')}:3`,
      `${join('/tmp/a b/tests/x.test.js')}:9`,
      '/tmp/cjs/tests/helper.js:4',
      '/var/www/tests/ATest.php:12',
      'C:\\work\\tests\\BTest.php:5',
    ]);
  });
});
