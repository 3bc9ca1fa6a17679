import http from 'node:http';

const ALLOWED = 'GET, HEAD';

function sendJson(res, status, body, headers = {}) {
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(payload),
    ...headers,
  });
  res.end(payload);
}

const routes = {
  '/': (req, res) => sendJson(res, 200, { message: 'hello' }),
  // Waiting with a timer keeps the event loop free for other requests.
  '/slow': (req, res) => {
    setTimeout(() => sendJson(res, 200, { message: 'slow' }), 100);
  },
};

/** @returns {http.Server} */
export function createServer() {
  return http.createServer((req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    const handler = routes[pathname];
    if (handler === undefined) {
      sendJson(res, 404, { error: 'not found' });
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendJson(res, 405, { error: 'method not allowed' }, { Allow: ALLOWED });
      return;
    }
    handler(req, res);
  });
}
