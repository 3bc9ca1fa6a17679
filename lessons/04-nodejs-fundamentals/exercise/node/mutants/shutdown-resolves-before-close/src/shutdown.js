/**
 * Stops accepting connections, lets in-flight requests finish, closes
 * keep-alive sockets as soon as they go idle, and force-closes whatever is
 * left after timeoutMs.
 *
 * @param {import('node:http').Server} server
 * @param {{ timeoutMs?: number }} [options]
 * @returns {Promise<void>}
 */
export function gracefulShutdown(server, { timeoutMs = 10_000 } = {}) {
  return new Promise((resolve, reject) => {
    // A socket that is busy now becomes idle after its response: sweep again.
    const sweep = setInterval(() => server.closeIdleConnections(), 25);
    const force = setTimeout(() => server.closeAllConnections(), timeoutMs);

    server.close((err) => {
      clearInterval(sweep);
      clearTimeout(force);
      if (err) reject(err);
      else resolve();
    });
    server.closeIdleConnections();
    sweep.unref(); force.unref();
    resolve(); // the server no longer listens: done
  });
}
