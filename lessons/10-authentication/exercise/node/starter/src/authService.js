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
  return {
    /**
     * Creates an account and returns its id (a number). Rules: see README.md.
     * @throws {PasswordRejected}
     */
    async register(email, password) {
      throw new Error('not implemented yet: register() in src/authService.js');
    },

    /**
     * Checks the credentials, starts the authenticated session and returns the user id.
     * @throws {AuthenticationFailed | TooManyAttempts}
     */
    async login(email, password) {
      throw new Error('not implemented yet: login() in src/authService.js');
    },

    /** Ends the session. */
    async logout() {
      throw new Error('not implemented yet: logout() in src/authService.js');
    },
  };
}
