/**
 * Installs the process-wide last line of defence, once, at start-up.
 * @param {{ proc?: NodeJS.Process, logFatal: (err: unknown) => void }} options
 *   proc: the process to guard (the tests pass a stand-in); logFatal: writes one fatal log entry
 */
export function installProcessHandlers({ proc = process, logFatal }) {
  // No 'unhandledRejection' listener: since Node 15 an unhandled rejection is raised as an
  // uncaught exception, so it ends up here too instead of being logged and forgotten.
  proc.on('unhandledRejection', (reason) => logFatal(reason));
  proc.on('uncaughtException', (err) => {
    // The process is now in an undefined state (half-done work, held locks): log, then leave,
    // with a failure code, so the supervisor notices and starts a fresh process.
    try {
      logFatal(err);
    } finally {
      proc.exit(1);
    }
  });
}
