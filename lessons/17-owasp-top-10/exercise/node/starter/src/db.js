import { DatabaseSync } from 'node:sqlite';

/** Creates the schema and the seed data the tests rely on (given: already complete). */
export function createSeededDb() {
  const db = new DatabaseSync(':memory:');
  db.exec(`
    CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
    CREATE TABLE notes (
      id INTEGER PRIMARY KEY,
      owner_id INTEGER NOT NULL REFERENCES users (id),
      title TEXT NOT NULL,
      body TEXT NOT NULL
    );
    INSERT INTO users (id, name) VALUES (1, 'Ana'), (2, 'Ben');
  `);
  const insert = db.prepare('INSERT INTO notes (id, owner_id, title, body) VALUES (?, ?, ?, ?)');
  for (const row of [
    [1, 1, 'Shopping list', 'Oat milk, coffee, lemons'],
    [2, 1, 'Birthday ideas', 'Book, concert tickets'],
    [3, 1, 'Work: quarterly plan', 'Ship the search feature'],
    [4, 2, "Ben's private diary", 'Nobody else may read this'],
  ]) {
    insert.run(...row);
  }
  return db;
}
