import { Secret } from './secret.js';

const APP_ENVS = ['development', 'staging', 'production'];

function parsePort(raw, errors) {
  if (raw === undefined || raw === '') return 3000;
  const port = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    errors.push('PORT must be an integer from 1 to 65535');
    return undefined;
  }
  return port;
}

function parseSigningKeys(raw, errors) {
  if (!raw) {
    errors.push('SIGNING_KEYS is required (format kid2:secret2,kid1:secret1)');
    return [];
  }
  const keys = [];
  const seen = new Set();
  for (const entry of raw.split(',')) {
    const at = entry.indexOf(':');
    const kid = entry.slice(0, at).trim();
    const secret = entry.slice(at + 1).trim();
    if (at < 1 || kid === '' || secret === '' || seen.has(kid)) {
      errors.push('SIGNING_KEYS must be a list of unique kid:secret pairs');
      return [];
    }
    seen.add(kid);
    keys.push({ kid, secret: new Secret(secret) });
  }
  return keys;
}

/** @param {Record<string, string | undefined>} [env] */
export function loadConfig(env = process.env) {
  const errors = [];
  const port = parsePort(env.PORT, errors);

  const appEnv = env.APP_ENV;
  if (!APP_ENVS.includes(appEnv)) {
    errors.push(`APP_ENV must be one of ${APP_ENVS.join(', ')}`);
  }

  let databaseUrl;
  if (!env.DATABASE_URL) {
    errors.push('DATABASE_URL is required');
  } else if (!hasHost(env.DATABASE_URL)) {
    errors.push('DATABASE_URL must be a valid URL'); // never print the value
  } else {
    databaseUrl = new Secret(env.DATABASE_URL);
  }

  const signingKeys = parseSigningKeys(env.SIGNING_KEYS, errors);

  if (errors.length > 0) {
    throw new Error(`Invalid configuration: ${errors.join('; ')}`);
  }
  return Object.freeze({ port, appEnv, databaseUrl, signingKeys });
}

/** A URL with a scheme and a host: URL.canParse() alone accepts "postgres://" and "mysql:app". */
function hasHost(value) {
  return URL.canParse(value) && new URL(value).hostname !== '';
}
