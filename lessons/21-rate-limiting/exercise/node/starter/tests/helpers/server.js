import http from 'node:http';
import { once } from 'node:events';

/** Starts a server on a free port of 127.0.0.1 and returns its URL plus a close() function. */
export async function startServer(listener) {
  const server = http.createServer(listener);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

/** A clock the test controls: now() returns milliseconds, advance(ms) moves it. */
export function fakeClock(start = 1_800_000_000_000) {
  let current = start;
  return {
    now: () => current,
    advance(ms) {
      current += ms;
    },
  };
}

/** A request handler that counts its calls and answers 200 "ok". */
export function handlerSpy() {
  const spy = (req, res) => {
    spy.calls += 1;
    res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('ok');
  };
  spy.calls = 0;
  return spy;
}
