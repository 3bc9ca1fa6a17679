/** Creates the two tables the auth service works with (given: already complete). */
export function createSchema(db) {
  db.exec(`
    CREATE TABLE users (
      id INTEGER PRIMARY KEY,
      email TEXT NOT NULL UNIQUE,
      password_hash TEXT NOT NULL
    );
    CREATE TABLE login_failures (
      id INTEGER PRIMARY KEY,
      email TEXT NOT NULL,
      failed_at INTEGER NOT NULL
    );
    CREATE INDEX login_failures_email_time ON login_failures (email, failed_at);
  `);
}
