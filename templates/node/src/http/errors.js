import { STATUS_CODES } from 'node:http';

/**
 * An error the client caused, carrying what is needed to answer it. The
 * message becomes the problem's "detail" and is shown to the client, so never
 * put internal details (SQL, file paths, stack traces) in it.
 */
export class HttpError extends Error {
  name = 'HttpError';

  /**
   * @param {number} status
   * @param {string} detail
   * @param {{ headers?: Record<string, string>, extensions?: Record<string, unknown> }} [options]
   */
  constructor(status, detail, { headers = {}, extensions = {} } = {}) {
    super(detail);
    this.status = status;
    this.headers = headers;
    this.extensions = extensions;
  }
}

/** Send a JSON response with an exact Content-Length. */
export function sendJson(res, status, data, headers = {}, contentType = 'application/json') {
  const body = JSON.stringify(data);
  res.writeHead(status, {
    'Content-Type': contentType,
    'Content-Length': Buffer.byteLength(body), // bytes, not characters: "é" is 2 bytes
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
  // For HEAD requests Node sends the headers and drops the body by itself.
  res.end(body);
}

/**
 * Send an RFC 9457 problem: application/problem+json with type, title,
 * status and optionally detail, instance and extension members.
 * With type "about:blank" the title is the standard HTTP reason phrase.
 */
export function sendProblem(res, status, { detail, instance, headers = {}, extensions = {} } = {}) {
  const problem = { type: 'about:blank', title: STATUS_CODES[status] ?? 'Error', status };
  if (detail) problem.detail = detail;
  if (instance) problem.instance = instance;
  sendJson(res, status, { ...problem, ...extensions }, headers, 'application/problem+json');
}
