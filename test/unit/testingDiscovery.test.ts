import * as assert from 'node:assert/strict';
import { discoverNodeTests, isNodeTestFile } from '../../src/testing/discoverNodeTests';
import { discoverPhpTests, isPhpTestFile } from '../../src/testing/discoverPhpTests';
import type { DiscoveredTest } from '../../src/testing/discoveredTest';
import { readRepoFile } from './helpers';

/** "kind name @line" per test, indented by nesting: the shape the Testing view shows. */
function outline(tests: readonly DiscoveredTest[], depth = 0): string[] {
  return tests.flatMap((test) => [`${'  '.repeat(depth)}${test.kind} ${test.name} @${test.range.start.line + 1}${test.skipped ? ' (skip)' : ''}`, ...outline(test.children, depth + 1)]);
}

describe('Testing view: finding tests in node:test files', () => {
  it('nests describe/it as written, with skip and todo, and leaves computed titles to the run', () => {
    const tests = discoverNodeTests(readRepoFile('test/fixtures/junit/sources/cart.test.js'));
    assert.deepEqual(outline(tests), [
      'suite cart @4',
      '  suite totals @5',
      '    test adds line prices @6',
      '    test rounds to cents (a.b*) @9',
      '  test is empty at first @13',
      '  test applies coupons @16 (skip)',
      '  test merges carts @17 (skip)',
      'test top level passes @20',
      'test top level fails @21',
    ]);
    const cart = tests[0];
    assert.deepEqual(cart.range, { start: { line: 3, character: 0 }, end: { line: 17, character: 2 } }, 'the range runs to the call\'s closing parenthesis');
  });

  it('finds every test of a real exercise, with titles decoded as the runner reports them', () => {
    const source = readRepoFile('test/fixtures/junit/sources/app.test.js');
    const tests = discoverNodeTests(source);
    const declared = [...source.matchAll(/^test\(/gm)].length;
    assert.equal(tests.length, declared);
    assert.equal(tests[0].name, 'GET /health answers 200 with JSON {"status":"ok"}');
    assert.ok(tests.some((test) => test.name === "a method a resource does not support answers 405 with that resource's Allow header"), 'an escaped quote is decoded');
  });

  it('ignores calls in comments and strings, on other objects, and titles it cannot know', () => {
    const tests = discoverNodeTests(`
      // test('in a line comment', () => {});
      /* it('in a block comment', () => {}); */
      const text = "test('in a string', () => {})";
      const re = /test\\('in a regex'/;
      const ratio = total / count / 2; test('after a division', () => {});
      t.test('a subtest on the context', () => {});
      test(\`computed \${name}\`, () => {});
      test(title, () => {});
      test(\`plain template\`, () => {});
      it.only("double \\"quoted\\" \\u00e9", () => {});
    `);
    assert.deepEqual(tests.map((test) => test.name), ['after a division', 'plain template', 'double "quoted" é']);
  });

  it('keeps nesting right when a callback holds strings and templates with braces', () => {
    const tests = discoverNodeTests(`
      describe('outer', () => {
        const brace = '}'; const tpl = \`\${'{'} }\`;
        it('first', () => {});
        describe('inner', { concurrency: 1 }, () => { it('deep', () => {}); });
      });
      test('after', () => {});
    `);
    assert.deepEqual(outline(tests).map((line) => line.replace(/ @\d+/, '')), ['suite outer', '  test first', '  suite inner', '    test deep', 'test after']);
  });

  it('still lists the tests of a file being edited (unbalanced brackets)', () => {
    const tests = discoverNodeTests(`test('one', () => {\n  assert.ok((;\n});\ntest('two', () => {});\n`);
    assert.deepEqual(tests.map((test) => test.name), ['one', 'two']);
  });

  it('picks the files node --test runs by default', () => {
    for (const path of ['tests/app.test.js', 'test/anything.js', 'a/b/c-test.mjs', 'x_test.cjs', 'test-x.js', 'test.js', 'tests/app.test.mjs']) assert.ok(isNodeTestFile(path), path);
    for (const path of ['tests/summary-reporter.js', 'src/app.js', 'node_modules/x/test/a.js', 'tests/app.test.ts', 'latest.js', 'tests/helpers/server.js']) assert.ok(!isNodeTestFile(path), path);
  });
});

describe('Testing view: finding tests in PHPUnit classes', () => {
  it('lists the public test methods of a real test class under its fully qualified name', () => {
    const source = readRepoFile('test/fixtures/junit/sources/RouterTest.php');
    const [suite, ...others] = discoverPhpTests(source);
    assert.equal(others.length, 0);
    assert.equal(suite.className, 'Exercise\\Tests\\RouterTest');
    const declared = [...source.matchAll(/public function (test\w+)/g)].map((match) => match[1]);
    assert.deepEqual(suite.children.map((test) => test.name), declared);
    assert.ok(declared.length > 10);
    const line = source.split('\n').findIndex((text) => text.includes(`function ${declared[0]}(`));
    assert.equal(suite.children[0].range.start.line, line);
  });

  it('skips what PHPUnit does not run: non-public, static and abstract, and code in comments or strings', () => {
    const tests = discoverPhpTests(`<?php
namespace App\\Tests;
// public function testInComment(): void {}
abstract class BaseTest extends TestCase { public function testInherited(): void {} }
final class CartTest extends BaseTest
{
    private string $sql = 'public function testInString() {}';
    /** public function testInDocBlock() */
    public function testAdds(): void { $x = "}"; }
    function testWithoutVisibility() { $h = <<<EOT
    public function testInHeredoc() {}
    EOT;
    }
    protected function testProtected(): void {}
    private function testPrivate(): void {}
    public static function testStatic(): void {}
    public function helper(): void {}
}
`);
    assert.equal(tests.length, 1);
    assert.equal(tests[0].className, 'App\\Tests\\CartTest');
    assert.deepEqual(tests[0].children.map((test) => test.name), ['testAdds', 'testWithoutVisibility']);
  });

  it('picks *Test.php files outside vendor/', () => {
    assert.ok(isPhpTestFile('tests/Unit/PriceCalculatorTest.php'));
    assert.ok(!isPhpTestFile('vendor/phpunit/phpunit/tests/FooTest.php'));
    assert.ok(!isPhpTestFile('tests/bootstrap.php'));
    assert.ok(!isPhpTestFile('tests/Check/SuiteRunner.php'));
  });
});
