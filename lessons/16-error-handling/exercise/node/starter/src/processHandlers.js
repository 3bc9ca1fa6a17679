/**
 * Installs the process-wide last line of defence, once, at start-up.
 * @param {{ proc?: NodeJS.Process, logFatal: (err: unknown) => void }} options
 *   proc: the process to guard (the tests pass a stand-in); logFatal: writes one fatal log entry
 */
export function installProcessHandlers({ proc = process, logFatal }) {
  throw new Error('not implemented: installProcessHandlers() in src/processHandlers.js');
}
