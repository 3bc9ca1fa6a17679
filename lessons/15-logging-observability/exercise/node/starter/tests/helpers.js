import http from 'node:http';

/** A stream that keeps every written chunk, and the parsed JSON lines. */
export function memoryStream() {
  const chunks = [];
  return {
    write(chunk) {
      chunks.push(String(chunk));
      return true;
    },
    get text() {
      return chunks.join('');
    },
    lines() {
      return this.text.split('\n').filter((line) => line !== '');
    },
    records() {
      return this.lines().map((line) => JSON.parse(line));
    },
  };
}

export const fixedClock = () => new Date('2026-11-02T10:00:00.000Z');

export function listen(server) {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server.address().port)));
}

export function get(port, path, headers = {}) {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path, headers }, (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode, headers: res.headers }));
      })
      .on('error', reject);
  });
}
