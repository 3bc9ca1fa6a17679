/**
 * Entry point: read the configuration, open the database, start listening,
 * and shut down gracefully. Everything else lives in modules that tests can
 * import without starting anything.
 */
import { ConfigError, loadConfig } from './config.js';
import { migrate, openDatabase } from './db.js';
import { createLogger } from './logger.js';
import { createServer } from './server.js';

let config;
try {
  config = loadConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}

const logger = createLogger({ level: config.logLevel });
const db = openDatabase(config.dbPath);
const applied = migrate(db);
if (applied > 0) logger.info('database migrated', { applied });

const server = createServer({ db, config, logger });

server.on('error', (error) => {
  // Typically EADDRINUSE (port taken) or EACCES (port < 1024 without privileges).
  logger.error('server error', { error });
  db.close();
  process.exit(1);
});

server.listen(config.port, config.host, () => {
  const { port } = server.address(); // the real port, also when PORT=0
  logger.info('listening', { url: `http://${config.host}:${port}` });
});

/**
 * Graceful shutdown. Process managers (Docker, systemd, Kubernetes) send
 * SIGTERM before they kill; Ctrl+C sends SIGINT. We stop accepting new
 * connections, let in-flight requests finish, close the database, and exit.
 */
let shuttingDown = false;

function shutdown(signal) {
  if (shuttingDown) {
    // A second Ctrl+C means "now": don't make people wait.
    logger.warn('forced exit', { signal });
    process.exit(1);
  }
  shuttingDown = true;
  logger.info('shutting down', { signal });

  // If some request hangs, don't hang forever. unref(): this timer alone
  // must not keep the process alive once everything else is done.
  const timer = setTimeout(() => {
    logger.error('shutdown timed out; closing remaining connections');
    server.closeAllConnections();
    process.exit(1);
  }, config.shutdownTimeoutMs);
  timer.unref();

  // close() stops accepting connections and calls back once the open ones
  // have finished; closeIdleConnections() drops idle keep-alive sockets now.
  server.close((error) => {
    clearTimeout(timer);
    db.close();
    if (error) logger.error('error while closing the server', { error });
    logger.info('stopped');
    process.exit(error ? 1 : 0);
  });
  server.closeIdleConnections();
}

process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
