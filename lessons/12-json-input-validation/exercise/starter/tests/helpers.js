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
