import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync } from 'node:fs';
import { join } from 'node:path';
import { configFromEnv, loadConfig } from '../src/config.js';
import { randomValues, tempDir, writeEnvFile } from './helpers.js';

// src/config.js must read its values at run time: from the real environment, or from a .env file
// above the web root, with the environment winning. Every test uses fresh random values, so
// deleting the literals is not enough: the values must really be read.

const KEYS = { DB_DSN: 'databaseDsn', DB_USER: 'databaseUser', DB_PASSWORD: 'databasePassword', PAYMENT_KEY: 'paymentKey' };
const asValues = (config) => Object.fromEntries(Object.entries(KEYS).map(([key, property]) => [key, config?.[property]]));

test('configFromEnv() keeps the given values', () => {
  for (let round = 0; round < 5; round += 1) {
    const values = randomValues();
    const config = configFromEnv(values);
    for (const [key, property] of Object.entries(KEYS)) {
      assert.equal(config?.[property], values[key], `configFromEnv() must put ${key} into ${property}: read the value you were given, never a literal`);
    }
  }
});

test('missing or empty keys are named without printing values', () => {
  for (const absent of Object.keys(KEYS)) {
    const values = randomValues();
    const empty = absent === 'DB_USER' ? 'PAYMENT_KEY' : 'DB_USER';
    delete values[absent];
    values[empty] = '';
    let error;
    try {
      configFromEnv(values);
    } catch (err) {
      error = err;
    }
    assert.ok(error, `configFromEnv() accepted a configuration without ${absent} (and with an empty ${empty}): throw an error that names the missing keys`);
    assert.match(String(error.message), new RegExp(absent), `the error must name the missing key ${absent}`);
    assert.match(String(error.message), new RegExp(empty), `an empty ${empty} counts as missing: the error must name it too`);
    for (const value of Object.values(values)) {
      if (value !== '') assert.ok(!String(error.message).includes(value), 'the error must name keys only, never print a value: it ends up in logs');
    }
  }
});

test('loadConfig() reads the .env file', (t) => {
  const values = randomValues();
  const file = writeEnvFile(tempDir(t), values);
  assert.deepEqual(asValues(loadConfig(file, {})), values, 'loadConfig(envFile, env) must return the values written in that .env file when the environment has none (parse it with util.parseEnv)');
});

test('the real environment wins over the file', (t) => {
  const fromFile = randomValues();
  const fromEnv = { DB_PASSWORD: `env-${Math.random().toString(36).slice(2)}`, PAYMENT_KEY: `pk_env_${Math.random().toString(36).slice(2)}` };
  const file = writeEnvFile(tempDir(t), fromFile);
  assert.deepEqual(asValues(loadConfig(file, fromEnv)), { ...fromFile, ...fromEnv }, "a variable set in the real environment must win over the .env file (the file only fills gaps), as with Node's --env-file");
});

test('without a file the environment is enough', (t) => {
  const values = randomValues();
  const missing = join(tempDir(t), 'does-not-exist.env');
  let config;
  assert.doesNotThrow(() => (config = loadConfig(missing, values)), 'loadConfig() must work from the environment alone when the .env file does not exist (hosts may inject variables instead)');
  assert.deepEqual(asValues(config), values, 'loadConfig() must return the values of the environment');
});

test('loadConfig() fails clearly when something is missing', (t) => {
  const values = randomValues();
  delete values.PAYMENT_KEY;
  const file = writeEnvFile(tempDir(t), values);
  assert.throws(() => loadConfig(file, {}), (err) => /PAYMENT_KEY/.test(err.message) && !err.message.includes(values.DB_PASSWORD), 'loadConfig() must throw naming PAYMENT_KEY when it is in neither the environment nor the file, without printing any value');
});

test('a secrets file other users can read is refused', (t) => {
  const dir = tempDir(t);
  const values = randomValues();
  const file = writeEnvFile(dir, values);
  for (const mode of [0o644, 0o604, 0o602, 0o660, 0o620, 0o666]) {
    chmodSync(file, mode);
    assert.throws(() => loadConfig(file, {}), (err) => /chmod|permission/i.test(err.message) && !err.message.includes(values.DB_PASSWORD), `a .env file with mode ${mode.toString(8)} is readable or writable by other accounts on the shared machine: refuse it with an error that says to chmod 600 (check statSync(file).mode)`);
  }
  for (const mode of [0o600, 0o640, 0o400]) {
    chmodSync(file, mode);
    assert.deepEqual(asValues(loadConfig(file, {})), values, `a .env file with mode ${mode.toString(8)} is fine (owner only, or group read for the web server): read it`);
  }
});
