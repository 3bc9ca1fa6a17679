import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { loadConfig } from '../src/config.js';
import { Secret } from '../src/secret.js';

const SECRETS = ['db-pa55word', 'secret-two', 'secret-one'];

// A small seeded generator: the same "random" environments on every run.
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const next = random(19);
const pick = (list) => list[Math.floor(next() * list.length)];
const word = (length) => Array.from({ length }, () => pick([...'abcdefghijkmnpqrstuvwxyz23456789'])).join('');
const validEnv = () => ({
  APP_ENV: 'production',
  DATABASE_URL: 'postgres://app:db-pa55word@db.internal:5432/app',
  SIGNING_KEYS: 'k2:secret-two,k1:secret-one',
});

function messageOf(fn, why = 'loadConfig() must throw one Error for an invalid configuration') {
  try {
    fn();
  } catch (err) {
    return String(err.message);
  }
  assert.fail(why);
}

test('a valid environment gives typed values and a default port', () => {
  const config = loadConfig(validEnv());
  assert.equal(config.port, 3000, 'PORT defaults to 3000 when it is not set');
  assert.equal(config.appEnv, 'production', 'appEnv comes from APP_ENV');
  assert.equal(loadConfig({ ...validEnv(), PORT: '8080' }).port, 8080, 'PORT must become the number 8080, not the string "8080"');
  assert.ok(config.databaseUrl instanceof Secret, 'databaseUrl must be new Secret(DATABASE_URL), so it never shows up in logs');
  assert.ok(config.signingKeys.every((k) => k.secret instanceof Secret), 'every signing key must be { kid, secret: new Secret(...) }, so the secrets never show up in logs');
  assert.equal(config.databaseUrl.reveal(), validEnv().DATABASE_URL, 'databaseUrl must be a Secret wrapping DATABASE_URL');
  assert.deepEqual(config.signingKeys.map((k) => k.kid), ['k2', 'k1'], 'keep SIGNING_KEYS in the given order, newest first');
  assert.equal(config.signingKeys[1].secret.reveal(), 'secret-one', 'each key has { kid, secret: Secret }');
});

test('values come from the environment it is given, whatever they are', () => {
  for (let round = 0; round < 20; round += 1) {
    const port = 1 + Math.floor(next() * 65535);
    const appEnv = pick(['development', 'staging', 'production']);
    const databaseUrl = `${pick(['postgres', 'mysql'])}://${word(5)}:${word(12)}@${word(6)}.internal:${port}/${word(4)}`;
    const keys = Array.from({ length: 1 + Math.floor(next() * 3) }, (_, i) => ({ kid: `${word(3)}${i}`, secret: word(16) }));
    const config = loadConfig({
      PORT: String(port),
      APP_ENV: appEnv,
      DATABASE_URL: databaseUrl,
      SIGNING_KEYS: keys.map((k) => `${k.kid}:${k.secret}`).join(','),
    });
    assert.equal(config.port, port, `PORT=${port} must give the number ${port}: parse the variable, do not hard-code values`);
    assert.equal(config.appEnv, appEnv, `APP_ENV=${appEnv} must give appEnv ${appEnv}`);
    assert.ok(config.databaseUrl instanceof Secret && config.signingKeys.every((k) => k.secret instanceof Secret), 'wrap DATABASE_URL and every signing secret in new Secret(...)');
    assert.equal(config.databaseUrl.reveal(), databaseUrl, 'databaseUrl.reveal() must return DATABASE_URL exactly as given');
    assert.deepEqual(config.signingKeys.map((k) => [k.kid, k.secret.reveal()]), keys.map((k) => [k.kid, k.secret]), 'signingKeys must list every kid:secret pair of SIGNING_KEYS, in the given order');
  }
});

test('loadConfig(env) reads only the env it is given, not process.env', () => {
  const saved = { ...process.env };
  Object.assign(process.env, { PORT: '9999', APP_ENV: 'production', DATABASE_URL: 'postgres://x:db-pa55word@h/db', SIGNING_KEYS: 'k1:secret-one' });
  try {
    assert.equal(loadConfig({ ...validEnv() }).port, 3000, 'PORT is missing from the env argument, so the default 3000 applies: read only the env parameter, never process.env directly');
    const message = messageOf(() => loadConfig({}));
    for (const name of ['APP_ENV', 'DATABASE_URL', 'SIGNING_KEYS']) {
      assert.match(message, new RegExp(name), `loadConfig({}) must report ${name} as missing even when process.env has it: read only the env parameter, so tests and callers control the input`);
    }
  } finally {
    for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
    Object.assign(process.env, saved);
  }
});

test('the config is frozen, deeply', () => {
  const config = loadConfig(validEnv());
  assert.ok(Object.isFrozen(config), 'return Object.freeze(...) so nobody can change the config at run time');
  assert.ok(Object.isFrozen(config.signingKeys), 'freeze the signingKeys array too: Object.freeze() is shallow');
  assert.ok(config.signingKeys.every(Object.isFrozen), 'freeze every { kid, secret } entry: Object.freeze() is shallow');
  assert.throws(() => { config.signingKeys.push({ kid: 'evil', secret: null }); }, TypeError, 'adding a key at run time must fail: freeze the array');
});

test('a missing DATABASE_URL is named, and no secret is printed', () => {
  const env = validEnv();
  delete env.DATABASE_URL;
  const message = messageOf(() => loadConfig(env));
  assert.match(message, /DATABASE_URL/, 'the error must name the missing variable DATABASE_URL');
  for (const secret of SECRETS) assert.ok(!message.includes(secret), 'the error message must not contain secret values');
});

test('an unparsable DATABASE_URL is rejected without echoing it', () => {
  const message = messageOf(() => loadConfig({ ...validEnv(), DATABASE_URL: 'db-pa55word at nowhere' }));
  assert.match(message, /DATABASE_URL/, 'say which variable is wrong');
  assert.ok(!message.includes('db-pa55word'), 'never put the bad value in the message: it may be a secret');
});

test('a DATABASE_URL without a host is rejected without echoing it', () => {
  for (const url of ['postgres://', 'postgres:///app', 'mysql:app', 'postgres://:5432/app', 'sqlite:db-pa55word']) {
    const why = `DATABASE_URL="${url}" must be rejected: URL.canParse() accepts it, so also require a host (new URL(value).hostname)`;
    const message = messageOf(() => loadConfig({ ...validEnv(), DATABASE_URL: url }), why);
    assert.match(message, /DATABASE_URL/, `${why}, and name the variable in the error`);
    assert.ok(!message.includes('db-pa55word'), 'never put the bad value in the message: it may be a secret');
  }
});

test('PORT and APP_ENV are validated', () => {
  for (const port of ['abc', '0', '65536', '80.5', '-1', '0x50', '1e3', '+80', '80abc', ' ']) {
    const why = `PORT=${JSON.stringify(port)} must be rejected: accept only digits (/^\\d+$/) in the range 1-65535; Number() and parseInt() accept hex, exponents and trailing junk`;
    assert.match(messageOf(() => loadConfig({ ...validEnv(), PORT: port }), why), /PORT/, `PORT=${JSON.stringify(port)} must be rejected: accept only digits (/^\\d+$/) in the range 1-65535; Number() and parseInt() accept hex, exponents and trailing junk`);
  }
  for (const port of ['1', '65535', '8080']) {
    assert.equal(loadConfig({ ...validEnv(), PORT: port }).port, Number(port), `PORT=${port} is valid and must be accepted (the range is 1-65535, both ends included)`);
  }
  assert.match(messageOf(() => loadConfig({ ...validEnv(), APP_ENV: 'prod' }), 'APP_ENV=prod must be rejected: only development, staging or production'), /APP_ENV/, 'APP_ENV=prod is not allowed: only development, staging or production');
  const env = validEnv();
  delete env.APP_ENV;
  assert.match(messageOf(() => loadConfig(env)), /APP_ENV/, 'APP_ENV is required');
});

test('all problems are reported together', () => {
  const message = messageOf(() => loadConfig({ PORT: 'abc', APP_ENV: 'prod' }));
  for (const name of ['PORT', 'APP_ENV', 'DATABASE_URL', 'SIGNING_KEYS']) {
    assert.match(message, new RegExp(name), `collect every problem in a list and throw once at the end: ${name} is missing from the message`);
  }
});

test('SIGNING_KEYS must be kid:secret pairs', () => {
  for (const keys of ['', 'no-colon', 'k1:', ':secret', 'k1:a,k1:b', 'k1:a,,k2:b', 'k1:secret-one,']) {
    const message = messageOf(() => loadConfig({ ...validEnv(), SIGNING_KEYS: keys }), `SIGNING_KEYS=${JSON.stringify(keys)} must be rejected: every comma-separated entry needs a non-empty, unique kid and a non-empty secret`);
    assert.match(message, /SIGNING_KEYS/, `SIGNING_KEYS=${JSON.stringify(keys)} must be rejected: every comma-separated entry needs a non-empty, unique kid and a non-empty secret`);
  }
  const duplicate = messageOf(() => loadConfig({ ...validEnv(), SIGNING_KEYS: 'k1:secret-one,k1:secret-two' }));
  for (const secret of SECRETS) assert.ok(!duplicate.includes(secret), 'an error about SIGNING_KEYS must not quote the keys: name the variable and the rule, never the value');
});

test('secrets never show up in JSON or console output', () => {
  const config = loadConfig(validEnv());
  const outputs = [JSON.stringify(config), inspect(config, { depth: 10 }), `${config.databaseUrl}`];
  for (const text of outputs) {
    for (const secret of SECRETS) {
      assert.ok(!text.includes(secret), `wrap DATABASE_URL and every signing secret in a Secret: found "${secret}" in ${text}`);
    }
  }
});
