// Test helpers: a seeded blog database, and a wrapper around it that counts what the code under
// test sends: every prepare(), and every statement it runs (all, get, run, iterate, exec).
import { DatabaseSync } from 'node:sqlite';

const SCHEMA = `
  CREATE TABLE users (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, email TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL, is_admin INTEGER NOT NULL DEFAULT 0
  );
  CREATE TABLE posts (
    id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users(id),
    title TEXT NOT NULL, body TEXT NOT NULL, is_pinned INTEGER NOT NULL DEFAULT 0
  );
  CREATE INDEX idx_posts_user ON posts (user_id);`;

/** 10 authors and 50 posts; posts 7 to 10 have titles made for the search tests. */
export function openBlog() {
  const db = new DatabaseSync(':memory:');
  db.exec('PRAGMA foreign_keys = ON');
  db.exec(SCHEMA);
  const user = db.prepare('INSERT INTO users (id, name, email, password_hash) VALUES (?, ?, ?, ?)');
  for (let i = 1; i <= 10; i += 1) user.run(i, `Author ${i}`, `author${i}@example.com`, `$2y$12$fixture.hash.not.a.real.one.${i}`);
  const special = { 7: '50% off all mugs', 8: '500 ways to brew', 9: 'snake_case names', 10: 'snakeXcase' };
  const post = db.prepare('INSERT INTO posts (id, user_id, title, body) VALUES (?, ?, ?, ?)');
  // Authors are spread out of order so results must be sorted explicitly.
  for (let i = 1; i <= 50; i += 1) post.run(i, ((i * 3) % 10) + 1, special[i] ?? `Post ${i}`, `Body of post ${i}`);
  // SQLite happens to return a plain table scan in id order; this makes it return unordered
  // results backwards, so a missing ORDER BY shows.
  db.exec('PRAGMA reverse_unordered_selects = ON');
  return db;
}

/**
 * The same database seen through a wrapper: `counts.prepared` counts prepare() calls and
 * `counts.statements` counts statements run (each all/get/run/iterate call, and each exec).
 */
export function counting(db) {
  const counts = { prepared: 0, statements: 0 };
  const RUNS = new Set(['all', 'get', 'run', 'iterate']);
  const statement = (stmt) => new Proxy(stmt, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target);
      if (typeof value !== 'function') return value;
      if (RUNS.has(prop)) return (...args) => { counts.statements += 1; return value.apply(target, args); };
      return value.bind(target);
    },
  });
  const wrapped = new Proxy(db, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target);
      if (typeof value !== 'function') return value;
      if (prop === 'prepare') return (...args) => { counts.prepared += 1; return statement(target.prepare(...args)); };
      if (prop === 'exec') return (...args) => { counts.statements += 1; return target.exec(...args); };
      return value.bind(target);
    },
  });
  return { db: wrapped, counts };
}

/** A small seeded generator (mulberry32): "random" values that are the same on every run. */
export function seededRandom(seed) {
  let a = seed >>> 0;
  return (min, max) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return min + Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * (max - min + 1));
  };
}
