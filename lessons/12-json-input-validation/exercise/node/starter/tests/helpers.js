import http from 'node:http';

export function listen(server) {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server.address().port));
  });
}

/**
 * Send a request. `body` is a string or Buffer; `chunked: true` streams it
 * without a Content-Length header. Resolves with { status, headers, text, json }.
 */
export function send(port, { method = 'POST', path = '/users', contentType = 'application/json', body = '', chunked = false } = {}) {
  return new Promise((resolve, reject) => {
    const headers = {};
    if (contentType !== null) headers['content-type'] = contentType;
    if (!chunked) headers['content-length'] = Buffer.byteLength(body);
    const req = http.request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c) => { text += c; });
      res.on('end', () => {
        let json;
        try { json = JSON.parse(text); } catch { json = undefined; }
        resolve({ status: res.statusCode, headers: res.headers, text, json });
      });
    });
    req.on('error', reject);
    if (chunked) {
      const buf = Buffer.from(body);
      for (let i = 0; i < buf.length; i += 1024) req.write(buf.subarray(i, i + 1024));
      req.end();
    } else {
      req.end(body);
    }
  });
}

/**
 * Stream a body that never ends: 1 KiB every few milliseconds, for at most
 * `maxMs`. Resolves with { status, sentBytes, timedOut }: a server that stops
 * reading at its limit answers long before the time is up.
 */
export function sendEndless(port, { maxMs = 3000, contentLength } = {}) {
  return new Promise((resolve, reject) => {
    const headers = { 'content-type': 'application/json' };
    if (contentLength !== undefined) headers['content-length'] = contentLength;
    let sentBytes = 0;
    let timer;
    let done = false;
    const finish = (result) => {
      if (done) return;
      done = true;
      clearInterval(timer);
      clearTimeout(deadline);
      req.destroy();
      resolve({ ...result, sentBytes });
    };
    const req = http.request({ host: '127.0.0.1', port, path: '/users', method: 'POST', headers }, (res) => {
      res.resume();
      finish({ status: res.statusCode, timedOut: false });
    });
    req.on('error', (err) => (done ? undefined : err.code === 'ECONNRESET' || err.code === 'EPIPE' ? undefined : reject(err)));
    const deadline = setTimeout(() => finish({ status: undefined, timedOut: true }), maxMs);
    req.write('{"name":"');
    if (contentLength !== undefined) return; // declared size only: send nothing more and wait
    const chunk = 'x'.repeat(1024);
    timer = setInterval(() => {
      if (!done && req.writable) {
        req.write(chunk);
        sentBytes += chunk.length;
      }
    }, 2);
  });
}
