import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { root } from './helpers.js';

// Would this project survive a deploy to a cheap shared host?

const STATIC = new Set(['.css', '.js', '.png', '.jpg', '.jpeg', '.gif', '.svg', '.webp', '.ico', '.txt', '.woff2', '.map']);

function filesUnder(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath ?? entry.path, entry.name)));
}

test('public/ holds only static assets', () => {
  for (const file of filesUnder(join(root, 'public'))) {
    assert.ok(STATIC.has(extname(file).toLowerCase()) && !file.split('/').some((part) => part.startsWith('.')), `public/${file} must not be in the web root: only static assets belong there. Keep the startup file, src/, package.json and .env in the app folder above public/`);
  }
  for (const name of ['.env', 'app.js', 'package.json', 'node_modules', 'src']) {
    assert.ok(!existsSync(join(root, 'public', name)), `public/${name} would be downloadable: keep it outside the web root`);
  }
});

test('the startup file lives in the app root, outside public/', () => {
  assert.ok(existsSync(join(root, 'app.js')), 'app.js (the startup file you enter in "Setup Node.js App") must be in the application root');
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  assert.match(String(pkg.scripts?.start ?? ''), /node\s+app\.js/, 'package.json must keep "start": "node app.js"');
});

test('no secrets in the source code', () => {
  const patterns = [/password\s*[:=]\s*['"`][^'"`]+/i, /['"`][^'"`]*sk_live_/, /-----BEGIN [A-Z ]*PRIVATE KEY/, /\bAKIA[0-9A-Z]{16}\b/];
  const sources = ['app.js', ...filesUnder(join(root, 'src')).map((f) => `src/${f}`), ...filesUnder(join(root, 'bin')).map((f) => `bin/${f}`)];
  for (const file of sources) {
    const text = readFileSync(join(root, file), 'utf8');
    for (const pattern of patterns) {
      assert.doesNotMatch(text, pattern, `${file} contains a secret-looking literal: read secrets from the environment or a .env file above the web root, never from the code`);
    }
  }
});
