import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Thrown for invalid settings; main.js prints the message and exits with code 1. */
export class ConfigError extends Error {
  name = 'ConfigError';
}

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'];

const DEFAULTS = {
  HOST: '127.0.0.1',
  PORT: '3000',
  DB_PATH: 'data/app.sqlite',
  BODY_LIMIT_BYTES: String(1024 * 1024),
  LOG_LEVEL: 'info',
  SHUTDOWN_TIMEOUT_MS: '10000',
};

const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * Read settings from environment variables (process.env by default) and
 * validate them all at start-up. Fail fast: a typo in PORT should stop the
 * app with a clear message, not surface later as a confusing error.
 *
 * Every problem is reported at once, so you don't fix them one run at a time.
 *
 * @param {Record<string, string | undefined>} env
 */
export function loadConfig(env = process.env) {
  const problems = [];
  const read = (key) => (env[key] ?? DEFAULTS[key]).trim();

  const integer = (key, min, max) => {
    const raw = read(key);
    // Number('') is 0 and Number('1e3') is 1000: check the text first.
    const value = /^\d+$/.test(raw) ? Number(raw) : NaN;
    if (!(value >= min && value <= max)) {
      problems.push(`${key} must be an integer from ${min} to ${max}, got "${raw}"`);
    }
    return value;
  };

  const host = read('HOST');
  if (host === '') problems.push('HOST must not be empty');

  const port = integer('PORT', 0, 65535);
  const bodyLimitBytes = integer('BODY_LIMIT_BYTES', 1, 100 * 1024 * 1024);
  const shutdownTimeoutMs = integer('SHUTDOWN_TIMEOUT_MS', 0, 5 * 60 * 1000);

  const logLevel = read('LOG_LEVEL');
  if (!LOG_LEVELS.includes(logLevel)) {
    problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`);
  }

  let dbPath = read('DB_PATH');
  if (dbPath === '') {
    problems.push('DB_PATH must not be empty (use :memory: for a temporary database)');
  } else if (dbPath !== ':memory:' && !isAbsolute(dbPath)) {
    // Relative to the project, not to wherever `node` was started from.
    dbPath = resolve(PROJECT_ROOT, dbPath);
  }

  if (problems.length > 0) {
    throw new ConfigError(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }

  // Frozen: configuration is read once and never changed at run time.
  return Object.freeze({ host, port, dbPath, bodyLimitBytes, logLevel, shutdownTimeoutMs });
}
