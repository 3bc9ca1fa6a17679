import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { loadConfig } from '../src/config.js';

const SECRETS = ['db-pa55word', 'secret-two', 'secret-one'];
const validEnv = () => ({
  APP_ENV: 'production',
  DATABASE_URL: 'postgres://app:db-pa55word@db.internal:5432/app',
  SIGNING_KEYS: 'k2:secret-two,k1:secret-one',
});

function messageOf(fn) {
  try {
    fn();
  } catch (err) {
    return String(err.message);
  }
  assert.fail('loadConfig() must throw for an invalid configuration');
}

test('a valid environment gives typed values and a default port', () => {
  const config = loadConfig(validEnv());
  assert.equal(config.port, 3000, 'PORT defaults to 3000 when it is not set');
  assert.equal(config.appEnv, 'production', 'appEnv comes from APP_ENV');
  assert.equal(loadConfig({ ...validEnv(), PORT: '8080' }).port, 8080, 'PORT must become the number 8080, not the string "8080"');
  assert.equal(config.databaseUrl.reveal(), validEnv().DATABASE_URL, 'databaseUrl must be a Secret wrapping DATABASE_URL');
  assert.deepEqual(config.signingKeys.map((k) => k.kid), ['k2', 'k1'], 'keep SIGNING_KEYS in the given order, newest first');
  assert.equal(config.signingKeys[1].secret.reveal(), 'secret-one', 'each key has { kid, secret: Secret }');
});

test('the config is frozen, deeply', () => {
  const config = loadConfig(validEnv());
  assert.ok(Object.isFrozen(config), 'return Object.freeze(...) so nobody can change the config at run time');
  assert.ok(Object.isFrozen(config.signingKeys), 'freeze the signingKeys array too');
  assert.ok(config.signingKeys.every(Object.isFrozen), 'freeze every { kid, secret } entry');
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

test('PORT and APP_ENV are validated', () => {
  for (const port of ['abc', '0', '65536', '80.5', '-1']) {
    assert.match(messageOf(() => loadConfig({ ...validEnv(), PORT: port })), /PORT/, `PORT=${port} must be rejected`);
  }
  assert.match(messageOf(() => loadConfig({ ...validEnv(), APP_ENV: 'prod' })), /APP_ENV/, 'APP_ENV=prod is not allowed: only development, staging or production');
  const env = validEnv();
  delete env.APP_ENV;
  assert.match(messageOf(() => loadConfig(env)), /APP_ENV/, 'APP_ENV is required');
});

test('all problems are reported together', () => {
  const message = messageOf(() => loadConfig({ PORT: 'abc', APP_ENV: 'prod' }));
  for (const name of ['PORT', 'APP_ENV', 'DATABASE_URL', 'SIGNING_KEYS']) {
    assert.match(message, new RegExp(name), `collect every problem before throwing: ${name} is missing from the message`);
  }
});

test('SIGNING_KEYS must be kid:secret pairs', () => {
  for (const keys of ['', 'no-colon', 'k1:', ':secret', 'k1:a,k1:b']) {
    const message = messageOf(() => loadConfig({ ...validEnv(), SIGNING_KEYS: keys }));
    assert.match(message, /SIGNING_KEYS/, `SIGNING_KEYS=${JSON.stringify(keys)} must be rejected`);
  }
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
