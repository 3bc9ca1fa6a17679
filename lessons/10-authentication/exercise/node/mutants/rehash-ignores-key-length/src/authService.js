import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { AuthenticationFailed, PasswordRejected, TooManyAttempts } from './errors.js';

/** The one message for every failed login: unknown email and wrong password alike. */
export const GENERIC_ERROR = 'Invalid email or password.';
export const MAX_FAILURES = 5;
export const WINDOW_SECONDS = 15 * 60;
export const MIN_CHARACTERS = 15;

/**
 * The application's scrypt settings for every hash it creates, stored as
 * `scrypt$N$r$p$<salt base64>$<key base64>`. N = 2^13 keeps this exercise's tests fast;
 * production code uses OWASP's N = 2^17 (and raises maxmem, see the lesson).
 */
export const HASH_PARAMS = { N: 2 ** 13, r: 8, p: 1, keyLength: 32 };

/** Room for stored hashes made with a larger N than ours (scrypt needs 128 * N * r bytes). */
const MAX_MEMORY = 256 * 1024 * 1024;

/**
 * Verified instead of a real hash when the email is unknown, so both paths cost one scrypt
 * at the application's settings. Made once, offline, with HASH_PARAMS and a random password
 * nobody knows; regenerate it whenever HASH_PARAMS change.
 */
const DUMMY_HASH = 'scrypt$8192$8$1$0yz/E7nKwEmELiIyRoGRXQ==$YduxMDruxxlvpFbzDyUDeKBQCe1Ff8//j5AnTH9UlAQ=';

const normaliseEmail = (email) => email.trim().toLowerCase();
const seconds = (date) => Math.floor(date.getTime() / 1000);
const isLegacyMd5 = (stored) => /^[0-9a-f]{32}$/.test(stored);

/** Parses `scrypt$N$r$p$salt$key`; undefined when the value is not in that format. */
function parseHash(stored) {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return undefined;
  const [N, r, p] = parts.slice(1, 4).map(Number);
  const salt = Buffer.from(parts[4], 'base64');
  const key = Buffer.from(parts[5], 'base64');
  if (![N, r, p].every(Number.isSafeInteger) || salt.length === 0 || key.length === 0) return undefined;
  return { N, r, p, salt, key };
}

/** NIST counts Unicode code points; string.length counts UTF-16 units (an emoji is 2). */
function checkPolicy(password) {
  if ([...password].length < MIN_CHARACTERS) {
    throw new PasswordRejected(`Use at least ${MIN_CHARACTERS} characters.`);
  }
}

/**
 * Email + password login backed by the `users` and `login_failures` tables (see schema.js).
 *
 * @param {object} deps
 * @param {import('node:sqlite').DatabaseSync} deps.db
 * @param {{ regenerate(): Promise<void>, set(key: string, value: unknown): void, get(key: string): unknown, clear(): void }} deps.session
 * @param {{ now(): Date }} deps.clock
 * @param {typeof import('node:crypto').scrypt} deps.scrypt do ALL key derivation through this
 *   (same signature as crypto.scrypt; promisify it), never scryptSync
 */
export function createAuthService({ db, session, clock, scrypt }) {
  const derive = promisify(scrypt);

  async function hashPassword(password) {
    const { N, r, p, keyLength } = HASH_PARAMS;
    const salt = randomBytes(16);
    const key = await derive(password, salt, keyLength, { N, r, p, maxmem: MAX_MEMORY });
    return ['scrypt', N, r, p, salt.toString('base64'), key.toString('base64')].join('$');
  }

  /** One scrypt with the stored settings and key length; false (never an exception) for a value we cannot read. */
  async function verifyPassword(password, stored) {
    const parsed = parseHash(stored);
    if (!parsed) return false;
    const { N, r, p, salt, key } = parsed;
    let actual;
    try {
      actual = await derive(password, salt, key.length, { N, r, p, maxmem: MAX_MEMORY });
    } catch {
      return false; // impossible settings in the stored value: fail closed
    }
    return timingSafeEqual(actual, key);
  }

  function needsRehash(stored) {
    const parsed = parseHash(stored);
    if (!parsed) return true;
    const { N, r, p, keyLength } = HASH_PARAMS;
    return parsed.N !== N || parsed.r !== r || parsed.p !== p;
  }

  const countFailures = db.prepare('SELECT COUNT(*) AS n FROM login_failures WHERE email = ? AND failed_at > ?');
  const insertFailure = db.prepare('INSERT INTO login_failures (email, failed_at) VALUES (?, ?)');
  const deleteFailures = db.prepare('DELETE FROM login_failures WHERE email = ?');
  const findUser = db.prepare('SELECT id, password_hash FROM users WHERE email = ?');
  const updateHash = db.prepare('UPDATE users SET password_hash = ? WHERE id = ?');

  return {
    async register(email, password) {
      const address = normaliseEmail(email);
      if (!/^[^@\s]+@[^@\s]+$/.test(address)) throw new Error('Please enter a valid email address.');
      checkPolicy(password);
      const hash = await hashPassword(password);
      try {
        const { lastInsertRowid } = db.prepare('INSERT INTO users (email, password_hash) VALUES (?, ?)').run(address, hash);
        return Number(lastInsertRowid);
      } catch (err) {
        // Usually the UNIQUE constraint. Stay vague: don't confirm that the email is taken.
        throw new Error('This account could not be created.', { cause: err });
      }
    },

    async login(email, password) {
      const address = normaliseEmail(email);
      const now = seconds(clock.now());

      // Throttle before any password work, per email, whether or not the account exists.
      if (countFailures.get(address, now - WINDOW_SECONDS).n >= MAX_FAILURES) {
        throw new TooManyAttempts('Too many failed attempts. Please try again later.');
      }
      // Count this attempt now, before the first await: parallel guesses see it at once.
      // A success deletes it again.
      insertFailure.run(address, now);

      const row = findUser.get(address);
      // Unknown email: verify against the dummy hash so the timing matches a wrong password.
      const stored = row ? String(row.password_hash) : DUMMY_HASH;
      const legacy = isLegacyMd5(stored);
      const valid = legacy
        ? timingSafeEqual(Buffer.from(createHash('md5').update(password).digest('hex')), Buffer.from(stored))
        : await verifyPassword(password, stored);
      if (!row || !valid) throw new AuthenticationFailed(GENERIC_ERROR);

      const userId = Number(row.id);
      if (legacy || needsRehash(stored)) updateHash.run(await hashPassword(password), userId);
      deleteFailures.run(address);

      // A new session ID first (defeats session fixation), then the authenticated state.
      await session.regenerate();
      session.set('user_id', userId);
      session.set('auth_time', now);
      return userId;
    },

    async logout() {
      await session.clear();
    },
  };
}
