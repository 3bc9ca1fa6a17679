import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

test('package.json declares ES modules, the test script and a supported engines range', () => {
  assert.equal(pkg.type, 'module', 'package.json needs "type": "module" so .js files are ES modules');
  assert.match(pkg.scripts?.test ?? '', /^node --test(\s|$)/, 'the test script must run "node --test" (the built-in runner), not a third-party runner');
  const range = pkg.engines?.node ?? '';
  const majors = [...range.matchAll(/(\d+)(?:\.\d+)*/g)].map((m) => Number(m[1]));
  assert.ok(majors.length > 0 && !/[*x]/.test(range), 'set engines.node to a concrete range such as ">=22"');
  assert.ok(
    Math.min(...majors) >= 22,
    `engines.node "${range}" still allows end-of-life Node lines: require 22 or newer (Node 20 reached EOL on 2026-04-30)`,
  );
});
