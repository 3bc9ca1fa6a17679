import { isIP } from 'node:net';
import { TokenBucket } from './tokenBucket.js';

/**
 * Rate-limiting wrapper for a node:http request handler:
 *
 *   const limited = rateLimit({ capacity: 5, refillPerSec: 1 })(handler);
 *   http.createServer(limited);
 *
 * Buckets live in this process's memory: fine for one instance. Behind a load balancer,
 * keep them in Redis/Valkey and update them atomically (see the lesson). `key` must return a
 * verified identity (or the client IP): a raw header value lets a client pick a fresh bucket
 * with every request.
 */
export function rateLimit({
  capacity,
  refillPerSec,
  now = () => Date.now(),
  key = (req, clientIp) => `ip:${clientIp}`,
  trustProxy = false,
  policyName = 'default',
}) {
  // Validate once, up front, by building a throwaway bucket.
  new TokenBucket({ capacity, refillPerSec, now });

  const buckets = new Map(); // key -> { bucket, lastMs }
  const windowSec = Math.ceil(capacity / refillPerSec);
  const idleMs = (capacity / refillPerSec) * 1000; // after this long a bucket is full again
  const name = `"${policyName}"`; // a Structured Field string: "default"
  let lastSweepMs = now();

  // A bucket that has refilled to capacity behaves exactly like a new one, so forgetting it
  // changes nothing for its client and keeps memory bounded by the recently active keys.
  // Sweep at most once per idle period, so the cost per request stays constant on average.
  function evictIdle(nowMs) {
    if (nowMs - lastSweepMs < idleMs) return;
    lastSweepMs = nowMs;
    for (const [bucketKey, entry] of buckets) {
      if (nowMs - entry.lastMs >= idleMs) buckets.delete(bucketKey);
    }
  }

  const limit = (handler) => (req, res) => {
    const nowMs = now();
    evictIdle(nowMs);
    const bucketKey = key(req, clientIp(req, trustProxy));
    let entry = buckets.get(bucketKey);
    if (!entry) {
      entry = { bucket: new TokenBucket({ capacity, refillPerSec, now }), lastMs: nowMs };
      buckets.set(bucketKey, entry);
    }
    entry.lastMs = nowMs;
    const { bucket } = entry;

    // Check before any work is done.
    const { allowed, remaining, resetSec } = bucket.take();
    res.setHeader('RateLimit-Policy', `${name};q=${capacity};w=${windowSec}`);
    res.setHeader('RateLimit', `${name};r=${remaining};t=${resetSec}`);

    if (!allowed) {
      res.writeHead(429, {
        'Content-Type': 'application/problem+json',
        'Retry-After': String(resetSec),
      });
      res.end(JSON.stringify({
        type: 'about:blank',
        title: 'Too Many Requests',
        status: 429,
        detail: `Rate limit exceeded. Retry in ${resetSec} seconds.`,
      }));
      return;
    }
    return handler(req, res);
  };
  /** How many buckets are held in memory right now. */
  limit.size = () => buckets.size;
  return limit;
}

/**
 * The client's IP. The socket address is the truth; X-Forwarded-For is only believed when
 * `trustProxy` says our own proxy is in front, and then only its right-most entry (the one
 * our proxy appended). Everything to the left of it was written by the client.
 */
export function clientIp(req, trustProxy) {
  const socketAddress = req.socket.remoteAddress ?? 'unknown';
  if (!trustProxy) {
    return socketAddress;
  }
  const header = req.headers['x-forwarded-for'];
  const value = Array.isArray(header) ? header.join(',') : header ?? '';
  const hops = value.split(',').map((hop) => hop.trim()).filter(Boolean);
  const candidate = hops.at(-1);
  return candidate && isIP(candidate) ? candidate : socketAddress;
}
