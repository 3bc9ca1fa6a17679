import http from 'node:http';
import { createReadStream, readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';

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
export function createServer({ publicDir }) {
  return http.createServer((req, res) => {
    try {
      const url = new URL(req.url, 'http://app.invalid');
      const path = join(publicDir, decodeURIComponent(url.pathname));
      let stats;
      try {
        stats = statSync(path);
      } catch {
        return route(req, res, url);
      }
      if (stats.isDirectory()) {
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
        res.end(readdirSync(path).map((name) => `<a href="${name}">${name}</a>`).join('<br>'));
        return;
      }
      res.writeHead(200, { 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream' });
      createReadStream(path).pipe(res);
    } catch (err) {
      res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end(err.stack);
    }
  });
}
