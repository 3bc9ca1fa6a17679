/**
 * Maps "METHOD /path" to a handler. Patterns may contain parameters such as
 * /notes/:id; a parameter matches exactly one non-empty path segment and its
 * value arrives URL-decoded in `params`.
 *
 * match() returns one of:
 *  - { handler, params }  a route fits,
 *  - { allowed: [...] }   the path exists but not for this method (-> 405 + Allow),
 *  - null                 nothing lives at this path (-> 404).
 * HEAD falls back to the GET handler; Node omits the body of HEAD responses.
 */
export class Router {
  #routes = [];

  add(method, pattern, handler) {
    this.#routes.push({ method: method.toUpperCase(), segments: pattern.split('/'), handler });
    return this; // allows router.get(...).post(...)
  }

  get(pattern, handler) {
    return this.add('GET', pattern, handler);
  }

  post(pattern, handler) {
    return this.add('POST', pattern, handler);
  }

  put(pattern, handler) {
    return this.add('PUT', pattern, handler);
  }

  delete(pattern, handler) {
    return this.add('DELETE', pattern, handler);
  }

  /** @param {string} method @param {string} pathname */
  match(method, pathname) {
    const segments = pathname.split('/');
    const candidates = new Map(); // method -> { handler, params }, first route wins

    for (const route of this.#routes) {
      if (candidates.has(route.method)) continue;
      const params = matchSegments(route.segments, segments);
      if (params) candidates.set(route.method, { handler: route.handler, params });
    }

    if (candidates.size === 0) return null;

    const found = candidates.get(method) ?? (method === 'HEAD' ? candidates.get('GET') : undefined);
    if (found) return found;

    const allowed = [...candidates.keys()];
    if (allowed.includes('GET') && !allowed.includes('HEAD')) allowed.push('HEAD');
    return { allowed: allowed.sort() };
  }
}

function matchSegments(pattern, actual) {
  if (pattern.length !== actual.length) return null;
  const params = {};
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i].startsWith(':')) {
      if (actual[i] === '') return null;
      try {
        params[pattern[i].slice(1)] = decodeURIComponent(actual[i]);
      } catch {
        return null; // malformed %-escape such as "%E0%A4%A": cannot be a valid value
      }
    } else if (pattern[i] !== actual[i]) {
      return null;
    }
  }
  return params;
}
