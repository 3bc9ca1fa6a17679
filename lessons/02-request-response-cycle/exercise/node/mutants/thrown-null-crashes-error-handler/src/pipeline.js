// Request/Response Cycle exercise: reference solution.

export function httpError(status, title) {
  const err = new Error(title);
  err.status = status;
  err.title = title;
  return err;
}

export function compose(middlewares) {
  return function run(req, res, next) {
    let lastIndex = -1;
    function dispatch(i) {
      if (i <= lastIndex) return Promise.reject(new Error('next() called multiple times'));
      lastIndex = i;
      const fn = i === middlewares.length ? next : middlewares[i];
      if (!fn) return Promise.resolve();
      try {
        // Promise.resolve() turns sync return values into promises;
        // the try/catch turns sync throws into rejections.
        return Promise.resolve(fn(req, res, () => dispatch(i + 1)));
      } catch (err) {
        return Promise.reject(err);
      }
    }
    return dispatch(0);
  };
}

function mediaType(header = '') {
  return header.split(';')[0].trim().toLowerCase();
}

export function jsonBody({ limit = 100 * 1024 } = {}) {
  return async (req, res, next) => {
    if (mediaType(req.headers['content-type']) !== 'application/json') {
      throw httpError(415, 'Unsupported Media Type');
    }
    // Cheap early check: reject before reading a single byte when we can.
    if (Number(req.headers['content-length'] ?? 0) > limit) {
      throw httpError(413, 'Content Too Large');
    }
    const chunks = [];
    let size = 0;
    for await (const chunk of req) {
      size += chunk.length;
      if (size > limit) throw httpError(413, 'Content Too Large'); // chunked bodies have no length
      chunks.push(chunk);
    }
    try {
      req.body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      throw httpError(400, 'Bad Request');
    }
    return next();
  };
}

export function errorHandler({ log = (err) => console.error(err) } = {}) {
  return async (req, res, next) => {
    try {
      await next();
    } catch (err) {
      const clientError = Number.isInteger(err.status) && err.status >= 400 && err.status < 500;
      const status = clientError ? err.status : 500;
      if (!clientError) log(err); // details go to the log, never to the client
      if (res.headersSent) return res.destroy();
      const body = JSON.stringify({
        type: 'about:blank',
        title: clientError ? err.title ?? 'Bad Request' : 'Internal Server Error',
        status,
      });
      res.writeHead(status, {
        'Content-Type': 'application/problem+json',
        'Content-Length': Buffer.byteLength(body),
        ...(status === 413 ? { Connection: 'close' } : {}),
      });
      res.end(body);
    }
  };
}

/**
 * Sets req.clientIp. The TCP peer is the client unless it is one of our own proxies;
 * only then is X-Forwarded-For read, from the right, skipping the hops our proxies added.
 */
export function clientIp({ trustedProxies = [] } = {}) {
  const trusted = new Set(trustedProxies);
  return (req, res, next) => {
    const peer = req.socket?.remoteAddress ?? '';
    let ip = peer;
    if (trusted.has(peer)) {
      // Node joins repeated X-Forwarded-For lines with ", ", so one split covers both forms.
      const hops = String(req.headers['x-forwarded-for'] ?? '').split(',').map((s) => s.trim()).filter(Boolean);
      while (hops.length > 0 && trusted.has(hops.at(-1))) hops.pop();
      ip = hops.at(-1) ?? peer; // anything further left was written by the client: ignore it
    }
    req.clientIp = ip;
    return next();
  };
}
