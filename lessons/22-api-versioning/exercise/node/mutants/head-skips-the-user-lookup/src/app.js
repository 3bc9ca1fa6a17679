// API Versioning exercise: reference solution.
import http from 'node:http';
import { userService as defaultUsers } from './users.js';

export const MIGRATION_DOCS = 'https://example.test/docs/v2-migration';
export const V1_DEPRECATED_AT = Date.UTC(2026, 0, 1);              // 2026-01-01T00:00:00Z
export const V1_SUNSET_AT = Date.UTC(2027, 5, 30, 23, 59, 59);     // 2027-06-30T23:59:59Z

// One representer per version: the only place where the versions differ.
const VERSIONS = {
  v1: {
    represent: (u) => ({ id: u.id, name: `${u.firstName} ${u.lastName}` }),
    deprecatedAt: V1_DEPRECATED_AT,
    sunsetAt: V1_SUNSET_AT,
  },
  v2: {
    represent: (u) => ({ id: u.id, firstName: u.firstName, lastName: u.lastName }),
  },
};

function send(res, status, data, headers = {}, type = 'application/json') {
  const body = JSON.stringify(data);
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body), ...headers });
  res.end(body);
}

const problem = (res, status, fields, headers) =>
  send(res, status, { type: 'about:blank', status, ...fields }, headers, 'application/problem+json');

function lifecycleHeaders(version) {
  if (version.deprecatedAt === undefined) return {};
  return {
    Deprecation: `@${Math.floor(version.deprecatedAt / 1000)}`,  // RFC 9745: Structured Field Date
    Sunset: new Date(version.sunsetAt).toUTCString(),            // RFC 8594: IMF-fixdate
    Link: `<${MIGRATION_DOCS}>; rel="deprecation", <${MIGRATION_DOCS}>; rel="sunset"`,
  };
}

export function createApp({ users = defaultUsers, now = () => Date.now(), brownouts = [], onUsage = () => {} } = {}) {
  async function handle(req, res) {
    const match = /^\/(v\d+)\/users\/([^/]+)$/.exec(new URL(req.url ?? '/', 'http://localhost').pathname);
    if (!match) return problem(res, 404, { title: 'Not Found' });
    const [, name, id] = match;
    const version = Object.hasOwn(VERSIONS, name) ? VERSIONS[name] : null;
    if (!version) {
      return problem(res, 404, {
        title: 'Unknown API version',
        detail: `Supported versions: ${Object.keys(VERSIONS).join(', ')}.`,
        supportedVersions: Object.keys(VERSIONS),
      });
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return problem(res, 405, { title: 'Method Not Allowed' }, { Allow: 'GET, HEAD' });
    }
    const headers = lifecycleHeaders(version);
    // Telemetry: who still calls which version, also when the call fails. Retirement needs it.
    const record = (status) => onUsage({ version: name, client: String(req.headers['x-client-id'] ?? 'anonymous'), status });
    const at = now();
    if (version.sunsetAt !== undefined && at > version.sunsetAt) {
      record(410);
      return problem(res, 410, {
        type: MIGRATION_DOCS,
        title: `API ${name} has been retired`,
        detail: `Use ${Object.keys(VERSIONS).at(-1)} instead; see the migration guide.`,
      }, { Link: headers.Link });
    }
    // A brownout: an announced window in which the deprecated version fails on purpose.
    if (version.sunsetAt !== undefined && brownouts.some((w) => at >= w.start && at < w.end)) {
      record(410);
      return problem(res, 410, {
        type: MIGRATION_DOCS,
        title: `API ${name} is in a scheduled brownout`,
        detail: `${name} stops for good on ${headers.Sunset}; move to ${Object.keys(VERSIONS).at(-1)} now.`,
      }, headers);
    }
    if (req.method === 'HEAD') { // skip the lookup for HEAD: it has no body anyway
      record(200);
      res.writeHead(200, { 'Content-Type': 'application/json', ...headers });
      return res.end();
    }
    const user = await users.getUser(id); // the one domain core, shared by every version
    if (!user) {
      record(404);
      return problem(res, 404, { title: 'Not Found', detail: 'No user with this id.' }, headers);
    }
    record(200);
    return send(res, 200, version.represent(user), headers);
  }

  return http.createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) problem(res, 500, { title: 'Internal Server Error' });
      else res.destroy();
    });
  });
}
