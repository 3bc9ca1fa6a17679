import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as fc from 'fast-check';
import type { CancellationLike } from '../../src/exercises/testProcess';
import { runTestProcess } from '../../src/exercises/testProcess';
import { parseExercise } from '../../src/curriculum/parseExercise';
import { readJUnitCases } from '../../src/exercises/junitReport';
import { hintForTest, showHintCommandUri } from '../../src/testing/hintLinks';
import { readRepoFile } from './helpers';
import { nodeNamePattern, phpFilter, testRunArguments } from '../../src/testing/runArguments';
import { RunRecorder } from '../../src/testing/runRecorder';
import { processGone } from './processKit';

/** A CancellationToken stand-in whose cancel() fires like VS Code's. */
function cancellation(): CancellationLike & { cancel(): void } {
  const listeners = new Set<() => void>();
  let cancelled = false;
  return {
    get isCancellationRequested() {
      return cancelled;
    },
    onCancellationRequested(listener) {
      listeners.add(listener);
      return { dispose: () => listeners.delete(listener) };
    },
    cancel() {
      cancelled = true;
      for (const listener of listeners) listener();
    },
  };
}

const gone = (pid: number) => processGone(pid, 40);

/** PCRE with `/…/` delimiters as JavaScript reads the same pattern (the escapes used mean the same in both). */
const pcre = (filter: string) => new RegExp(filter.slice(1, filter.lastIndexOf('/')));

describe('Testing view: selecting tests to run', () => {
  it('a Node name pattern matches the test\'s full title exactly, whatever characters it holds', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 3 }), fc.string({ minLength: 1, maxLength: 3 }), (titles, extra) => {
        const pattern = new RegExp(nodeNamePattern(titles));
        const full = titles.join(' ');
        assert.ok(pattern.test(full), `${JSON.stringify(titles)} matches itself`);
        assert.ok(!pattern.test(full + extra), 'a longer title does not match');
        assert.ok(!pattern.test(extra + full), 'a title with a prefix does not match');
      }),
    );
    assert.equal(nodeNamePattern(['cart', 'totals', 'rounds to cents (a.b*)']), '^cart totals rounds to cents \\(a\\.b\\*\\)$');
  });

  it('a PHPUnit filter selects exactly the named methods of the named classes, data sets included', () => {
    const filter = phpFilter([{ titlePath: ['testAdds'], className: 'App\\Tests\\CartTest' }, { titlePath: ['testA.b'], className: 'OtherTest' }]);
    assert.equal(filter, '/^(?:App\\\\Tests\\\\CartTest::testAdds|OtherTest::testA\\.b)(?:$| with data set |#|@)/');
    const regex = pcre(filter);
    for (const name of ['App\\Tests\\CartTest::testAdds', 'App\\Tests\\CartTest::testAdds with data set #0', 'App\\Tests\\CartTest::testAdds#1', 'OtherTest::testA.b']) assert.ok(regex.test(name), name);
    for (const name of ['App\\Tests\\CartTest::testAddsTwice', 'App\\Tests\\CartTestX::testAdds', 'X\\App\\Tests\\CartTest::testAdds', 'OtherTest::testAxb']) assert.ok(!regex.test(name), name);
  });

  it('a PHPUnit filter written for one test really runs only that test (PHPUnit 9.6, when installed)', function () {
    let phpunit: string;
    try {
      phpunit = execFileSync('which', ['phpunit'], { encoding: 'utf8' }).trim();
    } catch {
      this.skip();
      return;
    }
    const folder = mkdtempSync(join(tmpdir(), 'bp-filter-'));
    try {
      writeFileSync(join(folder, 'ATest.php'), `<?php\nnamespace App\\Tests;\nuse PHPUnit\\Framework\\TestCase;\nfinal class ATest extends TestCase {\n  public function testOne(): void { $this->assertTrue(true); }\n  public function testOneMore(): void { $this->assertTrue(true); }\n}\n`);
      const args = testRunArguments('php', join(folder, 'report.xml'), { file: 'ATest.php', tests: [{ titlePath: ['testOne'], className: 'App\\Tests\\ATest' }] });
      const output = execFileSync(phpunit, args, { cwd: folder, encoding: 'utf8' });
      assert.match(output, /OK \(1 test/);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('builds the runners\' arguments: JUnit report, human-readable output, then the selection', () => {
    assert.deepEqual(testRunArguments('node', '/r.xml'), ['--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=junit', '--test-reporter-destination=/r.xml']);
    assert.deepEqual(testRunArguments('node', '/r.xml', { file: 'tests/a.test.js', tests: [{ titlePath: ['s', 't'] }] }).slice(4), ['--test-name-pattern=^s t$', 'tests/a.test.js']);
    assert.deepEqual(testRunArguments('php', '/r.xml'), ['--log-junit', '/r.xml']);
    assert.deepEqual(testRunArguments('php', '/r.xml', { file: 'tests/ATest.php' }), ['--log-junit', '/r.xml', 'tests/ATest.php']);
  });
});

describe('Testing view: hints for failing tests', () => {
  const targets = [
    { id: 'concept', tests: ['POST /items answers 201'] },
    { id: 'approach', tests: [] },
    { id: 'fragment', tests: ['POST /items answers 201', 'testRejectsAnExpiredToken'] },
  ];

  it('offers the first hint that lists the failing test, and none for other tests', () => {
    assert.equal(hintForTest(targets, 'POST /items answers 201'), 'concept');
    assert.equal(hintForTest(targets, 'testRejectsAnExpiredToken'), 'fragment');
    assert.equal(hintForTest(targets, 'POST /items answers 20'), undefined);
  });

  it('meets the real exercise\'s hints with the names its runner reports (01 Node starter run)', () => {
    const exercise = parseExercise(readRepoFile('lessons/01-http-fundamentals/exercise/node/exercise.json')).exercise;
    assert.ok(exercise, 'the exercise parses');
    const failing = readJUnitCases(readRepoFile('test/fixtures/junit/node24-starter.xml')) ?? [];
    const offered = failing.map((testCase) => hintForTest(exercise.hints, testCase.name)).filter((id) => id !== undefined);
    const named = new Set(exercise.hints.flatMap((hint) => hint.tests));
    assert.ok(named.size > 0, 'the exercise names tests in its hints');
    assert.equal(offered.length, failing.filter((testCase) => named.has(testCase.name)).length, 'every named test that failed offers its hint');
    assert.ok(offered.length > 0, 'the failing run offers at least one hint');
  });

  it('links to the show-hint command with the skill, stack and hint as one argument', () => {
    const uri = showHintCommandUri('backendPath.showHint', { skillId: 'authentication', stack: 'php', hintId: 'a&b?c' });
    assert.match(uri, /^command:backendPath\.showHint\?/);
    assert.deepEqual(JSON.parse(decodeURIComponent(uri.slice(uri.indexOf('?') + 1))), [{ skillId: 'authentication', stack: 'php', hintId: 'a&b?c' }]);
  });
});

describe('Testing view: running the test process', () => {
  const node = process.execPath;

  it('streams the output, returns the exit code and the report the run wrote, then removes it', async () => {
    let reportPath = '';
    const seen: string[] = [];
    const result = await runTestProcess({
      executable: node,
      args: (reportFile) => {
        reportPath = reportFile;
        return ['-e', `require('fs').writeFileSync(${JSON.stringify(reportFile)}, '<testsuites/>'); console.log('hello'); process.exit(3)`];
      },
      cwd: tmpdir(),
      timeoutSeconds: 30,
      token: cancellation(),
      onOutput: (text) => seen.push(text),
    });
    assert.deepEqual(result, { kind: 'exited', exitCode: 3, reportXml: '<testsuites/>' });
    assert.match(seen.join(''), /hello/);
    assert.ok(!existsSync(reportPath), 'the temporary report is removed');
  });

  it('reports a run without a report file as such', async () => {
    const result = await runTestProcess({ executable: node, args: () => ['-e', ''], cwd: tmpdir(), timeoutSeconds: 30, token: cancellation() });
    assert.deepEqual(result, { kind: 'exited', exitCode: 0, reportXml: undefined });
  });

  it('stops the whole process group on timeout, children included', async function () {
    if (process.platform === 'win32') this.skip();
    const folder = mkdtempSync(join(tmpdir(), 'bp-timeout-'));
    const marker = join(folder, 'child.pid');
    try {
      const script = `const c = require('child_process').spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' }); require('fs').writeFileSync(${JSON.stringify(marker)}, String(c.pid)); setInterval(() => {}, 1000);`;
      const started = Date.now();
      const result = await runTestProcess({ executable: node, args: () => ['-e', script], cwd: folder, timeoutSeconds: 4, token: cancellation() });
      assert.deepEqual(result, { kind: 'timeout' });
      assert.ok(Date.now() - started < 15_000);
      const childPid = Number(existsSync(marker) ? readFileSync(marker, 'utf8') : NaN);
      assert.ok(Number.isInteger(childPid), 'the child started');
      assert.ok(await gone(childPid), 'the grandchild was killed too');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('stops on Cancel, and does not start at all when cancelled before', async () => {
    const token = cancellation();
    const running = runTestProcess({ executable: node, args: () => ['-e', 'setInterval(() => {}, 1000)'], cwd: tmpdir(), timeoutSeconds: 60, token, onStart: () => setTimeout(() => token.cancel(), 100) });
    assert.deepEqual(await running, { kind: 'cancelled' });
    let spawned = false;
    const already = cancellation();
    already.cancel();
    const result = await runTestProcess({ executable: node, args: () => ['-e', ''], cwd: tmpdir(), timeoutSeconds: 60, token: already, onStart: () => (spawned = true) });
    assert.deepEqual(result, { kind: 'cancelled' });
    assert.equal(spawned, false);
  });

  it('says when the executable cannot be started', async () => {
    const result = await runTestProcess({ executable: join(tmpdir(), 'no-such-runner-here'), args: () => [], cwd: tmpdir(), timeoutSeconds: 5, token: cancellation() });
    assert.equal(result.kind, 'spawnError');
  });
});

describe('Testing view: the run recorder', () => {
  it('keeps each test\'s last result and the output, for the latest ten runs only', () => {
    const recorder = new RunRecorder();
    const first = recorder.begin('first');
    first.set('a', { state: 'started' });
    first.set('a', { state: 'failed', durationMs: 5, messages: [{ text: 'no', markdown: false, stack: [] }] });
    first.output('x\r\n');
    first.end();
    assert.deepEqual(recorder.records[0], { name: 'first', results: new Map([['a', { state: 'failed', durationMs: 5, messages: [{ text: 'no', markdown: false, stack: [] }] }]]), output: 'x\r\n', ended: true });
    for (let index = 0; index < 12; index += 1) recorder.begin(`run ${index}`);
    assert.equal(recorder.records.length, 10);
    assert.equal(recorder.records[9].name, 'run 11');
  });
});
