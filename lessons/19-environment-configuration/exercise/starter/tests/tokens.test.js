import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig } from '../src/config.js';
import { sign, verify } from '../src/tokens.js';

const env = (keys) => ({ APP_ENV: 'staging', DATABASE_URL: 'postgres://localhost/app', SIGNING_KEYS: keys });

test('sign() uses the newest key and verify() returns the data', () => {
  const config = loadConfig(env('k2:secret-two,k1:secret-one'));
  const token = sign(config, { sub: 'user-42' });
  assert.equal(token.split('.')[0], 'k2', 'sign with the FIRST key in SIGNING_KEYS and put its kid in front');
  assert.deepEqual(verify(config, token), { sub: 'user-42' }, 'verify() must return the signed data');
});

test('rotation: an old token keeps working while its key is listed', () => {
  const before = loadConfig(env('k1:secret-one'));
  const oldToken = sign(before, { sub: 'user-42' });

  const during = loadConfig(env('k2:secret-two,k1:secret-one'));
  assert.deepEqual(verify(during, oldToken), { sub: 'user-42' }, 'during the overlap window a k1 token must still verify');
  assert.equal(sign(during, { sub: 'x' }).split('.')[0], 'k2', 'new tokens are signed with k2 as soon as it is first');

  const after = loadConfig(env('k2:secret-two'));
  assert.equal(verify(after, oldToken), null, 'once k1 is removed, its tokens must be rejected (return null)');
});

test('tampered, forged and malformed tokens are rejected', () => {
  const config = loadConfig(env('k2:secret-two,k1:secret-one'));
  const [kid, , sig] = sign(config, { sub: 'user-42' }).split('.');
  const forgedPayload = Buffer.from(JSON.stringify({ sub: 'admin' })).toString('base64url');
  assert.equal(verify(config, `${kid}.${forgedPayload}.${sig}`), null, 'a changed payload must fail the signature check');
  assert.equal(verify(config, `k9.${forgedPayload}.${sig}`), null, 'an unknown kid must be rejected');
  const other = loadConfig(env('k2:attacker-secret'));
  assert.equal(verify(config, sign(other, { sub: 'admin' })), null, 'a token signed with another secret must be rejected');
  for (const bad of ['', 'a.b', 'a.b.c.d', `${kid}.${forgedPayload}.short`, 42]) {
    assert.equal(verify(config, bad), null, `verify(${JSON.stringify(bad)}) must return null, not throw`);
  }
});
