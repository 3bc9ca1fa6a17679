import { Secret } from './secret.js';

/**
 * Read, validate and freeze the configuration. Call it ONCE at start-up and
 * pass the result around. Business code never reads process.env itself.
 *
 * Variables:
 *   PORT          integer 1–65535, default 3000
 *   DATABASE_URL  required; must parse with new URL(); may contain a password
 *   APP_ENV       required; one of development | staging | production
 *   SIGNING_KEYS  required; "kid2:secret2,kid1:secret1" — newest key FIRST;
 *                 at least one key; kids are unique and non-empty
 *
 * Return a deep-frozen object shaped like:
 *   {
 *     port: 3000,
 *     appEnv: 'development',
 *     databaseUrl: Secret,                          // new Secret(url)
 *     signingKeys: [{ kid: 'k2', secret: Secret }, ...],  // same order
 *   }
 *
 * On problems, throw ONE Error whose message lists every bad variable by
 * NAME (e.g. "Invalid configuration: DATABASE_URL is required; PORT must be
 * an integer from 1 to 65535"). Never include a value in the message.
 *
 * @param {Record<string, string | undefined>} [env]
 */
export function loadConfig(env = process.env) {
  throw new Error('Not implemented yet: loadConfig() in src/config.js');
}
