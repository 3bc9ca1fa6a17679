import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig } from '../src/config.js';
import { sign, verify } from '../src/tokens.js';
import { createHmac } from 'node:crypto';

/** verify() must answer null for a bad token, never throw: a failure here is an assertion, not a crash. */
function verifyNoThrow(config, token, why) {
  let result;
  assert.doesNotThrow(() => { result = verify(config, token); }, `verify() threw for ${JSON.stringify(token)}: ${why}`);
  return result;
}

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
    assert.equal(verifyNoThrow(config, bad, 'check the shape, and the lengths before timingSafeEqual'), null, `verify(${JSON.stringify(bad)}) must return null`);
  }
});

test('a correctly signed payload that is not JSON is rejected, not thrown', () => {
  const config = loadConfig(env('k7:secret-seven'));
  const payload = Buffer.from('not json {').toString('base64url');
  const signature = createHmac('sha256', 'secret-seven').update(`k7.${payload}`).digest('base64url');
  const result = verifyNoThrow(config, `k7.${payload}.${signature}`, 'wrap JSON.parse in try/catch and return null');
  assert.equal(result, null, 'verify() must return null when the payload is not JSON: wrap JSON.parse in try/catch');
});

/** A token for `json` (any text), signed with k7:secret-seven like sign() would. */
function signedText(json) {
  const payload = Buffer.from(json).toString('base64url');
  return `k7.${payload}.${createHmac('sha256', 'secret-seven').update(`k7.${payload}`).digest('base64url')}`;
}

test('a signed payload that is not a JSON object is rejected', () => {
  const config = loadConfig(env('k7:secret-seven'));
  for (const json of ['42', '"a string"', 'null', 'true', 'false', '1.5', '[]', '[1,2]', '["sub","admin"]', '[{"sub":"admin"}]', ' [ ] ', '"{}"']) {
    const result = verifyNoThrow(config, signedText(json), 'parse inside try/catch and return null');
    assert.equal(result, null, `verify() must return null when the signed payload is valid JSON but not an object (${json}): a list, a number, a string, true or null is not token data; check data !== null && typeof data === 'object' && !Array.isArray(data)`);
  }
});

test('every JSON object is token data', () => {
  const config = loadConfig(env('k7:secret-seven'));
  const objects = ['{}', '{"0":"a","1":"b","length":2}', ' {"sub":"x"} ', '\n{"roles":["admin","dev"]}', '{"list":[],"map":{}}', '{"constructor":"x","toString":1}'];
  for (const json of objects) {
    assert.deepEqual(verifyNoThrow(config, signedText(json), 'a signed JSON object is valid'), JSON.parse(json),
      `verify() must return the signed JSON object ${JSON.stringify(json)}: check the parsed value's type (an object that is not an array and not null), not whether it has keys, which ones, or whether the text starts with "{"`);
  }
  for (const data of [{}, { 0: 'a', 1: 'b' }, { x: [1, 2], sub: 'user-7' }]) {
    assert.deepEqual(verify(config, sign(config, data)), data, `verify(sign(${JSON.stringify(data)})) must give the data back`);
  }
});

test('every listed key verifies its own tokens, and only those', () => {
  const kids = ['blue', 'green', 'red', 'amber'];
  const config = loadConfig(env(kids.map((kid) => `${kid}:${kid}-secret`).join(',')));
  for (const kid of kids) {
    const alone = loadConfig(env(`${kid}:${kid}-secret`));
    const token = sign(alone, { sub: kid });
    assert.equal(token.split('.')[0], kid, 'sign() must put the kid of the first key in front of the token');
    assert.deepEqual(verify(config, token), { sub: kid }, `a token signed with ${kid} must verify while ${kid} is listed, wherever it is in the list`);
    const relabelled = token.replace(`${kid}.`, `${kids.find((k) => k !== kid)}.`);
    assert.equal(verify(config, relabelled), null, 'a token whose kid was changed must be rejected: use the key the kid names, and sign the kid too');
  }
});

test('a kid that names an Object property is just an unknown key', () => {
  const config = loadConfig(env('k2:secret-two,k1:secret-one'));
  const [, payload, sig] = sign(config, { sub: 'user-42' }).split('.');
  for (const kid of ['toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf']) {
    const result = verifyNoThrow(config, `${kid}.${payload}.${sig}`, `look the kid up with signingKeys.find(k => k.kid === kid) (or a Map), not a plain object, where "${kid}" is an inherited property`);
    assert.equal(result, null, `a token with kid "${kid}" must be rejected: only the listed kids are keys`);
  }
});

test('a secret may contain colons and base64 characters', () => {
  const secret = 'c2VjcmV0:with:colons+/==';
  const config = loadConfig(env(`k3:${secret},k1:secret-one`));
  assert.equal(config.signingKeys[0].secret.reveal(), secret, 'split each entry at its FIRST colon only: everything after it is the secret (split(":") cuts it short)');
  const token = sign(config, { sub: 'user-7' });
  const expected = createHmac('sha256', secret).update(token.split('.').slice(0, 2).join('.')).digest('base64url');
  assert.equal(token.split('.')[2], expected, 'sign() must use the whole secret, colons included');
});
