import { existsSync, readFileSync, statSync } from 'node:fs';
import { parseEnv } from 'node:util';

/** The keys the app cannot start without. */
export const REQUIRED = ['DB_DSN', 'DB_USER', 'DB_PASSWORD', 'PAYMENT_KEY'];

/**
 * Checks the values and returns the configuration. Throws naming every missing or empty key,
 * never printing a value (the message ends up in logs).
 * @param {Record<string, string | undefined>} values
 */
export function configFromEnv(values) {
  const missing = REQUIRED.filter((key) => (values[key] ?? '') === '');
  if (missing.length > 0) throw new Error(`Missing configuration: ${missing.join(', ')}`);
  return Object.freeze({
    databaseDsn: values.DB_DSN,
    databaseUser: values.DB_USER,
    databasePassword: values.DB_PASSWORD,
    paymentKey: values.PAYMENT_KEY,
  });
}

/**
 * Reads the .env file that lives OUTSIDE the web root (if it exists), then the real environment,
 * which wins: the file only fills gaps.
 * @param {string} envFile e.g. /home/USER/notes-app/.env (chmod 600)
 * @param {Record<string, string | undefined>} [env]
 */
export function loadConfig(envFile, env = process.env) {
  let fromFile = {};
  if (existsSync(envFile)) {
    // Secrets readable by other accounts on a shared machine are not secret: 600, or 640 at most.
    if ((statSync(envFile).mode & 0o024) !== 0) {
      throw new Error(`${envFile} is readable or writable by other users: run chmod 600 on it`);
    }
    fromFile = parseEnv(readFileSync(envFile, 'utf8'));
  }
  return configFromEnv({ ...fromFile, ...env });
}
