// Opens SQLite connections the way production code should: foreign-key enforcement switched ON
// explicitly. node:sqlite enables it by default, but SQLite itself leaves it OFF per connection,
// so say what you rely on instead of trusting a default.
import { readFileSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';

/** @returns {DatabaseSync} */
export function connect(path = ':memory:') {
  const db = new DatabaseSync(path, { enableForeignKeyConstraints: true });
  db.exec('PRAGMA foreign_keys = ON');
  return db;
}

/** Runs every statement of an .sql file. */
export function runFile(db, path) {
  db.exec(readFileSync(path, 'utf8'));
}
