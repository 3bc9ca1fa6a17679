import { test } from 'node:test';
import assert from 'node:assert/strict';
import { satisfies, reviewDependencies } from '../src/deps.js';

test('satisfies() implements exact, ~, ^ and >= ranges', () => {
  const cases = [
    ['5.1.0', '^5.1.0', true], ['5.9.12', '^5.1.0', true], ['6.0.0', '^5.1.0', false], ['5.0.9', '^5.1.0', false],
    ['5.1.7', '~5.1.0', true], ['5.2.0', '~5.1.0', false],
    ['0.4.9', '^0.4.2', true], ['0.5.0', '^0.4.2', false], ['0.4.1', '^0.4.2', false],
    ['0.0.3', '^0.0.3', true], ['0.0.4', '^0.0.3', false],
    ['1.2.3', '1.2.3', true], ['1.2.4', '1.2.3', false],
    ['3.0.0', '>=2.5.0', true], ['2.4.99', '>=2.5.0', false],
    ['1.10.0', '^1.9.0', true], ['1.10.0', '~1.9.0', false], ['10.0.0', '>=9.0.0', true], ['2.0.0', '^10.0.0', false],
    // Each range includes its own base version.
    ['2.5.0', '>=2.5.0', true], ['5.1.0', '~5.1.0', true], ['0.4.2', '^0.4.2', true], ['0.0.0', '>=0.0.0', true], ['12.0.7', '^12.0.7', true],
  ];
  for (const [version, range, expected] of cases) {
    assert.equal(satisfies(version, range), expected,
      `satisfies("${version}", "${range}") must be ${expected}: compare major.minor.patch as numbers, and below 1.0 the caret only allows changes right of the first non-zero part`);
  }
  for (const range of ['*', 'latest', 'x', '', 'github:user/repo', '1.x']) {
    assert.equal(satisfies('1.0.0', range), false, `satisfies("1.0.0", "${range}") must be false: only exact, ~, ^ and >= ranges count`);
  }
});

function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Old packages may have capitals (JSONStream): plain string order puts them before lower case.
const NAMES = ['alpha', 'beta', 'chalk-lite', 'debug-x', 'express-ish', 'left-pad', 'pino-lite', 'zod-mini', '@acme/log', '@acme/util', 'JSONStream', 'Base64-utils'];
const UNPINNED = ['*', 'latest', 'x', '', 'github:acme/tool', 'https://example.com/tool.tgz'];
const integrity = (name) => `sha512-${Buffer.from(name).toString('base64')}`;

/** Builds a manifest and lockfile with known problems, and the findings they must produce. */
function scenario(rnd) {
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const pkg = { name: 'shop', engines: { node: pick(['>=22', '>=24', '^22.12.0 || >=24', '>=20', '^18 || ^20 || ^22', '>=24 || ^20.19.0', '^22 || ^20', '22.x || 24.x', '>= 22.0.0']) }, dependencies: {}, devDependencies: {} };
  const lock = { lockfileVersion: 3, packages: { '': { name: 'shop' } } };
  const expected = [];
  for (const name of NAMES) {
    const section = rnd() < 0.3 ? 'devDependencies' : 'dependencies';
    const [major, minor, patch] = [Math.floor(rnd() * 3), 1 + Math.floor(rnd() * 12), Math.floor(rnd() * 10)];
    const op = pick(['^', '~', '', '>=']);
    const range = `${op}${major}.${minor}.${patch}`;
    const inRange = op === '' ? `${major}.${minor}.${patch}` : op === '>=' ? `${major + 1}.0.0` : `${major}.${minor}.${patch + 3}`;
    const outOfRange = {
      '^': major > 0 ? `${major + 1}.0.0` : `0.${minor + 1}.0`, // below 1.0 the caret stops at the next minor
      '~': `${major}.${minor + 1}.0`,
      '': `${major}.${minor}.${patch + 1}`,
      '>=': `${major}.${minor - 1}.${patch}`,
    }[op];
    const kind = pick(['ok', 'ok', 'unpinned', 'not-locked', 'lock-mismatch', 'install-script', 'no-integrity']);
    pkg[section][name] = kind === 'unpinned' ? pick(UNPINNED) : range;
    const entry = { version: kind === 'lock-mismatch' ? outOfRange : inRange, resolved: `https://registry.npmjs.org/${name}`, integrity: integrity(name) };
    if (section === 'devDependencies') entry.dev = true;
    if (kind === 'install-script') entry.hasInstallScript = true;
    if (kind === 'no-integrity') delete entry.integrity;
    if (kind !== 'not-locked') lock.packages[`node_modules/${name}`] = entry;
    if (kind !== 'ok') expected.push({ name, problem: kind });
  }
  // A nested (transitive) package with an install script, and a local link without integrity.
  lock.packages['node_modules/alpha/node_modules/postinstall-miner'] = { version: '1.0.1', integrity: integrity('m'), hasInstallScript: true };
  expected.push({ name: 'postinstall-miner', problem: 'install-script' });
  lock.packages['node_modules/local-tool'] = { resolved: 'tools/local-tool', link: true };
  if (['>=22', '>=24', '^22.12.0 || >=24', '22.x || 24.x', '>= 22.0.0'].includes(pkg.engines.node) === false) expected.push({ name: 'engines.node', problem: 'eol-node' });
  const byText = (x, y) => (x < y ? -1 : x > y ? 1 : 0);
  expected.sort((a, b) => byText(a.name, b.name) || byText(a.problem, b.problem));
  return { pkg, lock, expected };
}

test('reviewDependencies() finds every problem in generated manifests, and nothing else', () => {
  const rnd = random(424242);
  for (let run = 1; run <= 12; run += 1) {
    const { pkg, lock, expected } = scenario(rnd);
    const found = reviewDependencies(structuredClone(pkg), structuredClone(lock));
    assert.ok(Array.isArray(found), 'reviewDependencies() must return an array of { name, problem }');
    const missing = expected.filter((e) => !found.some((f) => f.name === e.name && f.problem === e.problem));
    const extra = found.filter((f) => !expected.some((e) => e.name === f.name && e.problem === f.problem));
    const explain = {
      unpinned: 'a range that is not exact, ~, ^ or >= ("*", "latest", git or URL) is unpinned',
      'not-locked': 'a direct dependency with no node_modules/<name> entry in the lockfile is not locked',
      'lock-mismatch': 'a locked version outside the range is a mismatch (npm ci would fail)',
      'install-script': 'every lock entry with hasInstallScript counts, nested ones too (name after the last node_modules/)',
      'no-integrity': 'a lock entry without integrity (and not a link) cannot be verified',
      'eol-node': 'engines.node must not allow Node below 22 (20 reached end of life on 2026-04-30)',
    };
    assert.deepEqual({ missing, extra }, { missing: [], extra: [] },
      `run ${run}: ${[...missing, ...extra].map((f) => explain[f.problem] ?? `unexpected problem "${f.problem}"`).join('; ')}. ` +
        'Check dependencies AND devDependencies against lock.packages.');
    assert.deepEqual(found, expected, `run ${run}: sort the findings by name, then by problem, in plain string order`);
  }
});

test('reviewDependencies() accepts a clean project', () => {
  const pkg = { engines: { node: '>=24' }, dependencies: { pino: '^10.1.0' }, devDependencies: { typescript: '~5.9.2' } };
  const lock = {
    lockfileVersion: 3,
    packages: {
      '': { name: 'clean' },
      'node_modules/pino': { version: '10.3.1', integrity: 'sha512-a' },
      'node_modules/typescript': { version: '5.9.3', integrity: 'sha512-b', dev: true },
    },
  };
  assert.deepEqual(reviewDependencies(pkg, lock), [], 'a project with locked, verified, in-range dependencies has no findings');
});
