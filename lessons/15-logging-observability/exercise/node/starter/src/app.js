// A tiny service that uses your logger, context and metrics.
// You do not need to edit this file, but read it: the tests drive it.
import http from 'node:http';
import { withRequestContext } from './context.js';
import { matchRoute } from './metrics.js';

const ROUTES = ['/health', '/users/:id'];

export function createApp({ logger, metrics }) {
  const handler = async (req, res) => {
    const started = performance.now();
    const url = new URL(req.url ?? '/', 'http://localhost');
    const route = matchRoute(url.pathname, ROUTES);

    res.on('finish', () => {
      const status = String(res.statusCode);
      metrics.increment('http_requests_total', { method: req.method, route, status });
      logger.info('request completed', {
        method: req.method,
        route,
        status: res.statusCode,
        duration_ms: Math.round(performance.now() - started),
        // Chosen fields only, never the whole req.headers (Authorization, Cookie...).
        user_agent: req.headers['user-agent'],
      });
    });

    if (route === '/health') {
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"status":"ok"}');
    } else if (route === '/users/:id') {
      // ?delay=ms (max 100) lets the tests overlap two requests.
      const delay = Math.min(Number(url.searchParams.get('delay')) || 0, 100);
      await new Promise((resolve) => setTimeout(resolve, delay));
      logger.info('user fetched', { user_ref: 'redacted-in-real-life' });
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ok":true}');
    } else {
      res.writeHead(404, { 'Content-Type': 'application/json' }).end('{"error":"not found"}');
    }
  };
  return http.createServer(withRequestContext(handler));
}
