import http from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';

const TYPES = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

function problem(res, status, title) {
  res.writeHead(status, { 'Content-Type': 'application/problem+json' });
  res.end(JSON.stringify({ type: 'about:blank', title, status }));
}

/** The file under publicDir this path names, or undefined: no dot segment, no way out of publicDir, files only. */
function staticFile(publicDir, pathname) {
  const decoded = decodeURIComponent(pathname);
  const segments = decoded.split(/[/\\]/);
  // .env, .git, .htaccess, and also "..": any segment that starts with a dot, at any depth.
  if (segments.some((segment) => segment.startsWith('.'))) return { refused: true };
  const root = resolve(publicDir);
  const file = resolve(join(root, decoded));
  if (!file.startsWith(root + sep)) return { refused: true };
  try {
    return statSync(file).isFile() ? { file } : {}; // a folder is never listed
  } catch {
    return {};
  }
}

/** The application's own routes (the "front controller"). */
function route(req, res, url) {
  if (req.method === 'GET' && url.pathname === '/health') {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ status: 'ok' }));
    return;
  }
  problem(res, 404, 'Not Found');
}

/**
 * @param {{ publicDir: string, config: object, log?: (line: string) => void }} options
 */
export function createServer({ publicDir, log = (line) => console.error(line) }) {
  return http.createServer((req, res) => {
    try {
      // Behind the host's proxy (Apache + Passenger) TLS ends before the app: trust its header.
      if (req.headers['x-forwarded-proto'] === 'http') {
        res.writeHead(301, { Location: `https://${req.headers.host}${req.url}` });
        res.end();
        return;
      }
      const url = new URL(req.url, 'http://app.invalid');
      const found = staticFile(publicDir, url.pathname);
      if (found.refused) return problem(res, 404, 'Not Found'); // the same answer as a missing file
      if (found.file && (req.method === 'GET' || req.method === 'HEAD')) {
        res.writeHead(200, { 'Content-Type': TYPES[extname(found.file).toLowerCase()] ?? 'application/octet-stream' });
        if (req.method === 'HEAD') return res.end();
        createReadStream(found.file).pipe(res);
        return;
      }
      route(req, res, url);
    } catch (err) {
      log(`unhandled error: ${err?.stack ?? err}`);
      if (!res.headersSent) { res.writeHead(500, {'Content-Type':'text/plain'}); res.end(String(err.stack)); }
      else res.destroy();
    }
  });
}
