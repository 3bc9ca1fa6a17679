/**
 * Part C — graceful shutdown.
 *
 * gracefulShutdown(server) must:
 *   1. stop accepting new connections at once (server.close()),
 *   2. let requests that are already running finish and get their response,
 *   3. close keep-alive connections as soon as they become idle, so the
 *      server does not wait seconds for clients to hang up,
 *   4. after options.timeoutMs (default 10 000 ms) force-close whatever is left
 *      (server.closeAllConnections()),
 *   5. return a promise that resolves once the server is fully closed.
 *
 * Clear every timer you start once the server has closed, or the process
 * will not exit.
 *
 * @param {import('node:http').Server} server
 * @param {{ timeoutMs?: number }} [options]
 * @returns {Promise<void>}
 */
export function gracefulShutdown(server, options = {}) {
  throw new Error('Not implemented yet: gracefulShutdown() in src/shutdown.js');
}
