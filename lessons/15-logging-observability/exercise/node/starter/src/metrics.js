/**
 * matchRoute(pathname, templates) returns the route TEMPLATE that matches,
 * e.g. matchRoute('/users/42', ['/health', '/users/:id']) === '/users/:id'.
 * A ":name" segment matches exactly one non-empty path segment. When nothing
 * matches return the constant 'unmatched', never the raw path: metric labels
 * must have a small, bounded set of values.
 */
export function matchRoute(pathname, templates) {
  throw new Error('Not implemented yet: matchRoute() in src/metrics.js');
}

/**
 * createMetrics() returns an in-memory counter registry:
 *   increment(name, labels = {}, by = 1)
 *   value(name, labels = {})   current value, 0 for an unknown series
 *   series(name)               [{ labels, value }, ...] for that metric
 * A series is identified by the name plus its labels; the ORDER in which the
 * labels are given must not matter ({a, b} and {b, a} are the same series).
 */
export function createMetrics() {
  throw new Error('Not implemented yet: createMetrics() in src/metrics.js');
}
