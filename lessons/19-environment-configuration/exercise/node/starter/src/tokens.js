import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Token format: "<kid>.<payload>.<signature>", where
 *   payload   = base64url(JSON.stringify(data))
 *   signature = base64url(HMAC-SHA256(secret, `${kid}.${payload}`))
 *
 * sign(config, data): sign with the FIRST (newest) key in config.signingKeys.
 * verify(config, token): accept a token signed with ANY listed key; return the
 *   decoded data, or null if the token is malformed, the kid is unknown or
 *   the signature does not match, or the payload is not a JSON object (a
 *   list, number, string, true or null is not token data). Compare signatures with timingSafeEqual
 *   (check the lengths first: it throws on different lengths).
 *
 * Hints: Buffer.from(text).toString('base64url'),
 *        createHmac('sha256', key).update(text).digest('base64url')
 */
export function sign(config, data) {
  throw new Error('Not implemented yet: sign() in src/tokens.js');
}

export function verify(config, token) {
  throw new Error('Not implemented yet: verify() in src/tokens.js');
}
