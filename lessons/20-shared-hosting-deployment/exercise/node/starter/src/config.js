/** The keys the app cannot start without. */
export const REQUIRED = ['DB_DSN', 'DB_USER', 'DB_PASSWORD', 'PAYMENT_KEY'];

// It works on the laptop... and every secret is in git. See README.md, step 3.
const CONFIG = Object.freeze({
  databaseDsn: 'mysql:host=localhost;dbname=notes',
  databaseUser: 'notes',
  databasePassword: 'Sommer2026!notes',
  paymentKey: 'sk_live_51NotesAppPaymentKeyDoNotShare',
});

/**
 * Checks the values and returns the configuration.
 * @param {Record<string, string | undefined>} values
 */
export function configFromEnv(values) {
  return CONFIG;
}

/**
 * Reads the configuration.
 * @param {string} envFile
 * @param {Record<string, string | undefined>} [env]
 */
export function loadConfig(envFile, env = process.env) {
  return CONFIG;
}
