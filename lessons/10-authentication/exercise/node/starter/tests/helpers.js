import { scrypt } from 'node:crypto';
import { DatabaseSync } from 'node:sqlite';
import { createSchema } from '../src/schema.js';

export function newDb() {
  const db = new DatabaseSync(':memory:');
  createSchema(db);
  return db;
}

/** A clock that only moves when a test says so. */
export function fakeClock(start = '2026-11-02T09:00:00Z') {
  let now = new Date(start).getTime();
  return {
    now: () => new Date(now),
    advance(seconds) {
      now += seconds * 1000;
    },
    seconds: () => Math.floor(now / 1000),
  };
}

/**
 * Records every call in order. regenerate() is asynchronous like express-session's:
 * it records "regenerate" only when the new ID really exists, a moment later, and like
 * express-session's the new session starts empty (what was set before is gone).
 */
export function fakeSession() {
  const calls = [];
  const data = new Map();
  return {
    calls,
    data,
    regenerate: () =>
      new Promise((resolve) =>
        setImmediate(() => {
          calls.push('regenerate');
          data.clear();
          resolve();
        }),
      ),
    set(key, value) {
      calls.push(`set ${key}`);
      data.set(key, value);
    },
    get: (key) => data.get(key),
    clear() {
      calls.push('clear');
      data.clear();
    },
  };
}

/** crypto.scrypt that counts its calls and records the settings of each. */
export function scryptSpy() {
  const spy = (password, salt, keylen, options, callback) => {
    spy.calls.push({ N: options?.N ?? 16384, r: options?.r ?? 8, p: options?.p ?? 1, keylen });
    return scrypt(password, salt, keylen, options, callback);
  };
  spy.calls = [];
  spy.reset = () => (spy.calls = []);
  return spy;
}

/** Reads `scrypt$N$r$p$salt$key` from the users table. */
export function storedHash(db, id) {
  return String(db.prepare('SELECT password_hash FROM users WHERE id = ?').get(id)?.password_hash ?? '');
}

export function parseStored(value) {
  const [algo, N, r, p, salt, key] = value.split('$');
  return { algo, N: Number(N), r: Number(r), p: Number(p), salt: Buffer.from(salt ?? '', 'base64'), key: Buffer.from(key ?? '', 'base64') };
}

/** A hash in the stored format with the given settings, made the way an older version of the app did. */
export function makeHash(password, { N, r, p, keyLength }, salt) {
  return new Promise((resolve, reject) =>
    scrypt(password, salt, keyLength, { N, r, p, maxmem: 256 * 1024 * 1024 }, (err, key) =>
      err ? reject(err) : resolve(['scrypt', N, r, p, salt.toString('base64'), key.toString('base64')].join('$')),
    ),
  );
}

/** Awaits the promise; returns what it rejected with, or undefined. */
export async function rejection(promise) {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  return undefined;
}
