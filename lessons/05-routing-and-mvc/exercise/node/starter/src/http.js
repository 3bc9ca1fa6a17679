// Request and Response as the router sees them: small immutable values, so routing, controllers
// and views can be tested without a socket. src/server.js adapts them to node:http.

export class Request {
  /**
   * @param {string} method e.g. 'GET'
   * @param {string} target the request target exactly as it arrived, e.g. '/files/a%2Fb?x=1'
   * @param {Record<string, string>} [headers]
   */
  constructor(method, target, headers = {}) {
    this.method = method;
    const cut = target.indexOf('?');
    /** The path, still percent-encoded: the router decides when to decode it. */
    this.path = cut === -1 ? target : target.slice(0, cut);
    /** The query string without '?', '' when there is none. */
    this.query = cut === -1 ? '' : target.slice(cut + 1);
    this.headers = Object.freeze({ ...headers });
    Object.freeze(this);
  }

  /** Case-insensitive lookup, because field names are case-insensitive. */
  header(name) {
    const key = Object.keys(this.headers).find((k) => k.toLowerCase() === name.toLowerCase());
    return key === undefined ? null : this.headers[key];
  }
}

export class Response {
  /**
   * @param {number} [status]
   * @param {Record<string, string>} [headers]
   * @param {string} [body]
   */
  constructor(status = 200, headers = {}, body = '') {
    this.status = status;
    this.headers = Object.freeze({ ...headers });
    this.body = body;
    Object.freeze(this);
  }

  static text(status, text) {
    return new Response(status, { 'Content-Type': 'text/plain; charset=utf-8' }, text);
  }

  static json(data, status = 200) {
    return new Response(status, { 'Content-Type': 'application/json' }, JSON.stringify(data));
  }

  /** Case-insensitive lookup; null when the field is absent. */
  header(name) {
    const key = Object.keys(this.headers).find((k) => k.toLowerCase() === name.toLowerCase());
    return key === undefined ? null : this.headers[key];
  }

  withHeader(name, value) {
    const headers = Object.fromEntries(Object.entries(this.headers).filter(([k]) => k.toLowerCase() !== name.toLowerCase()));
    return new Response(this.status, { ...headers, [name]: value }, this.body);
  }

  withBody(body) {
    return new Response(this.status, this.headers, body);
  }
}
