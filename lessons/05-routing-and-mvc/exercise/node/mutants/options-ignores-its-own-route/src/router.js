// Maps method + path to handlers. A handler is (request, params) => Response, where params maps
// each {name} in the pattern to its decoded value (a string).
import { Response } from './http.js';

const PARAMETER = /^\{([A-Za-z_][A-Za-z0-9_]*)(?::(.+))?\}$/;

/** '/a/b' -> ['a', 'b']; '/' -> []. */
const split = (path) => (path === '/' ? [] : path.slice(1).split('/'));

export class Router {
  #routes = [];

  add(method, pattern, handler) {
    if (!pattern.startsWith('/')) throw new TypeError(`Route pattern must start with '/': ${pattern}`);
    const segments = split(pattern).map((part) => {
      const match = PARAMETER.exec(part);
      if (match === null) return { literal: part };
      // Compiled now, so a broken regex fails at startup; the group keeps an alternation inside
      // the anchors. new RegExp throws a SyntaxError for an invalid pattern.
      const regex = match[2] === undefined ? null : new RegExp(`^(?:${match[2]})$`, 'u');
      return { name: match[1], regex };
    });
    this.#routes.push({ method: method.toUpperCase(), segments, handler });
  }

  dispatch(request) {
    const { path } = request;

    // Trailing-slash policy: one canonical URL, reached by a permanent redirect.
    if (path !== '/' && path.endsWith('/')) {
      const canonical = path.slice(0, -1);
      if ((this.#candidates(canonical) ?? []).length === 0) return Response.text(404, 'Not Found');
      const location = canonical + (request.query !== '' ? `?${request.query}` : '');
      return new Response(308).withHeader('Location', location);
    }

    const candidates = this.#candidates(path);
    if (candidates === null) return Response.text(400, 'Bad Request');

    const allowed = new Set();
    if (request.method === 'OPTIONS' && candidates.length > 0) {
      // OPTIONS is answered by the router itself, whatever routes exist.
      for (const { route } of candidates) allowed.add(route.method);
      if (allowed.has('GET')) allowed.add('HEAD');
      return new Response(204).withHeader('Allow', [...allowed].sort().join(', '));
    }
    for (const { route, params } of candidates) {
      if (route.method === request.method) return route.handler(request, params);
      allowed.add(route.method);
    }

    // HEAD is GET without content: reuse the GET handler, drop the body.
    if (request.method === 'HEAD' && allowed.has('GET')) {
      const get = candidates.find(({ route }) => route.method === 'GET');
      return get.route.handler(request, get.params).withBody('');
    }

    if (allowed.size === 0) return Response.text(404, 'Not Found');
    if (allowed.has('GET')) allowed.add('HEAD');
    const allow = [...allowed].sort().join(', ');

    // OPTIONS asks what the resource supports: the same list, as a success.
    if (request.method === 'OPTIONS') return new Response(204).withHeader('Allow', allow);
    return Response.text(405, 'Method Not Allowed').withHeader('Allow', allow);
  }

  /**
   * Every route whose pattern matches the path, in registration order, with its parameters; null
   * when a segment is a dot segment or is not valid percent-encoding.
   */
  #candidates(path) {
    // Split the raw path first, then decode each segment exactly once, so '%2F' inside a segment
    // becomes part of a value, never a separator.
    let values;
    try {
      values = split(path).map((segment) => decodeURIComponent(segment));
    } catch {
      return null; // URIError: malformed percent-encoding such as '%zz'
    }
    if (values.some((value) => value === '.' || value === '..')) return null;

    const found = [];
    for (const route of this.#routes) {
      const params = match(route.segments, values);
      if (params !== null) found.push({ route, params });
    }
    return found;
  }
}

function match(segments, values) {
  if (segments.length !== values.length) return null;
  const params = {};
  for (const [i, segment] of segments.entries()) {
    const value = values[i];
    if (segment.literal !== undefined) {
      if (segment.literal !== value) return null;
      continue;
    }
    if (value === '' || (segment.regex !== null && !segment.regex.test(value))) return null;
    params[segment.name] = value;
  }
  return params;
}
