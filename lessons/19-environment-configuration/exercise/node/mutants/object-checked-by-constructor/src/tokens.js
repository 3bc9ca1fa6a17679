import { createHmac, timingSafeEqual } from 'node:crypto';

const mac = (secret, text) => createHmac('sha256', secret.reveal()).update(text).digest('base64url');

/** Sign with the newest (first) key. */
export function sign(config, data) {
  const { kid, secret } = config.signingKeys[0];
  const payload = Buffer.from(JSON.stringify(data)).toString('base64url');
  return `${kid}.${payload}.${mac(secret, `${kid}.${payload}`)}`;
}

/** Accept any listed key; return the data, or null when the token is not valid. */
export function verify(config, token) {
  if (typeof token !== 'string') return null;
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const [kid, payload, signature] = parts;

  const key = config.signingKeys.find((k) => k.kid === kid);
  if (key === undefined) return null; // retired or unknown key

  const expected = Buffer.from(mac(key.secret, `${kid}.${payload}`));
  const actual = Buffer.from(signature);
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return null;

  let data;
  try {
    data = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return null; // signed, but not JSON
  }
  // Only a JSON object is token data: a list, a number, a string, true or null is not.
  return data?.constructor === Object ? data : null;
}
