// DatabaseSync is the name in both Node 22 and 24: keep using it.
import { DatabaseSync } from 'node:sqlite';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * The schema, one entry per version. Append only: never edit an entry that
 * has run anywhere, add a new one instead. Entry i becomes version i + 1.
 */
export const migrations = [
  // 1: notes. INTEGER PRIMARY KEY makes id SQLite's auto-assigned rowid.
  `CREATE TABLE notes (
     id         INTEGER PRIMARY KEY,
     title      TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
     body       TEXT NOT NULL DEFAULT '',
     created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
   )`,
  // 2: the list endpoint sorts newest first; an index avoids sorting the whole table.
  'CREATE INDEX notes_created_at_idx ON notes (created_at)',
];

/** @param {string} path a file path or ":memory:" */
export function openDatabase(path) {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new DatabaseSync(path);
  // SQLite ignores FOREIGN KEY constraints unless switched on, per connection.
  db.exec('PRAGMA foreign_keys = ON');
  // Wait up to 5 s for another connection's write lock instead of failing at once.
  db.exec('PRAGMA busy_timeout = 5000');
  return db;
}

/**
 * Bring the schema up to date. SQLite keeps a free integer in the file
 * header, PRAGMA user_version, which we use as the schema version.
 * Each migration runs in its own transaction together with the version bump,
 * so it is applied completely or not at all, and running this again is a no-op.
 *
 * @param {DatabaseSync} db
 * @returns {number} how many migrations were applied
 */
export function migrate(db, steps = migrations) {
  let applied = 0;
  for (;;) {
    // IMMEDIATE takes the write lock first, so two processes can't both apply a step.
    db.exec('BEGIN IMMEDIATE');
    try {
      const { user_version: version } = db.prepare('PRAGMA user_version').get();
      if (version >= steps.length) {
        db.exec('COMMIT');
        return applied;
      }
      db.exec(steps[version]);
      // PRAGMA can't take a bound parameter; version is our own integer, not user input.
      db.exec(`PRAGMA user_version = ${version + 1}`);
      db.exec('COMMIT');
      applied += 1;
    } catch (error) {
      try {
        db.exec('ROLLBACK');
      } catch {
        // SQLite may have rolled back already; the original error matters more.
      }
      throw new Error(`Migration failed: ${error.message}`, { cause: error });
    }
  }
}
