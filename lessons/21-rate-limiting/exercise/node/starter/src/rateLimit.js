import { TokenBucket } from './tokenBucket.js';

/**
 * Rate-limiting wrapper for a node:http request handler:
 *
 *   const limited = rateLimit({ capacity: 5, refillPerSec: 1 })(handler);
 *   http.createServer(limited);
 *
 * @param {object} options
 * @param {number} options.capacity       bucket size (burst)
 * @param {number} options.refillPerSec   tokens added per second (sustained rate)
 * @param {() => number} [options.now]    clock in milliseconds (tests inject a fake one)
 * @param {(req: import('node:http').IncomingMessage, clientIp: string) => string} [options.key]
 *        picks the bucket for a request; default: the client IP
 * @param {boolean} [options.trustProxy]  true when exactly one trusted reverse proxy sits in front:
 *        then the client IP is the right-most X-Forwarded-For entry; otherwise the socket address
 * @param {string} [options.policyName]   the policy name in the RateLimit fields (default "default")
 *
 * For every request, before calling the handler:
 *  - find or create the TokenBucket for key(req, clientIp) and take() a token;
 *  - set RateLimit-Policy: "<policyName>";q=<capacity>;w=<ceil(capacity / refillPerSec)>
 *    and RateLimit: "<policyName>";r=<remaining>;t=<resetSec>   (draft -11 syntax);
 *  - if refused: 429, Retry-After: <resetSec>, Content-Type: application/problem+json,
 *    a problem-details body with status 429, and do NOT call the handler.
 *
 * Memory: forget buckets that have been idle for capacity / refillPerSec seconds (by then they
 * are full again, so forgetting them changes nothing). Sweep at most once per such period.
 * The returned function has a size() method: limit.size() is the number of buckets held.
 */
export function rateLimit(options) {
  throw new Error('Not implemented yet: rateLimit()');
}
