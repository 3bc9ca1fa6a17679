// Helper for RFC 9457 problem details. You do not need to edit this file.

const TYPE_BASE = 'https://api.example.com/problems/';

/**
 * Send an application/problem+json response.
 *
 * @param {import('node:http').ServerResponse} res
 * @param {number} status   HTTP status code
 * @param {string} slug     problem type, e.g. 'validation-failed'
 * @param {string} title    short, human-readable summary of the problem type
 * @param {string} detail   explanation of THIS occurrence (never echo raw input)
 * @param {object} [extra]  extension members, e.g. { errors: [...] }
 * @param {object} [headers] extra response headers
 */
export function sendProblem(res, status, slug, title, detail, extra = {}, headers = {}) {
  const body = JSON.stringify({ type: TYPE_BASE + slug, title, status, detail, ...extra });
  res.writeHead(status, {
    'Content-Type': 'application/problem+json',
    'Content-Length': Buffer.byteLength(body),
    ...headers,
  });
  res.end(body);
}
