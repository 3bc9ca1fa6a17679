import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const envFile = 'tests/fixtures/fixture.env';

function run(extraEnv) {
  // A clean environment: only PATH plus what the test sets.
  const env = { PATH: process.env.PATH, ...extraEnv };
  if (process.env.SystemRoot) env.SystemRoot = process.env.SystemRoot; // needed on Windows
  return spawnSync(process.execPath, [`--env-file=${envFile}`, 'src/print-config.js'], { cwd: root, env, encoding: 'utf8' });
}

test('node --env-file loads the file', () => {
  const result = run({});
  assert.equal(result.status, 0, `print-config.js failed with the fixture file: ${result.stderr}`);
  assert.deepEqual(JSON.parse(result.stdout), { port: 3000, appEnv: 'development' }, 'the values must come from the .env file');
});

test('a real environment variable wins over the file', () => {
  const result = run({ PORT: '4000' });
  assert.equal(result.status, 0, `print-config.js failed: ${result.stderr}`);
  assert.equal(JSON.parse(result.stdout).port, 4000, 'PORT=4000 from the environment must override PORT=3000 from the file');
});

test('a bad value stops start-up with a clear message and no secrets', () => {
  const result = run({ APP_ENV: 'prod' });
  assert.notEqual(result.status, 0, 'an invalid APP_ENV must stop the program with a non-zero exit code');
  assert.match(result.stderr, /APP_ENV/, 'the error must name APP_ENV');
  assert.ok(!/fixture-(db-password|signing-secret)/.test(result.stdout + result.stderr), 'the output must not contain any secret');
});
