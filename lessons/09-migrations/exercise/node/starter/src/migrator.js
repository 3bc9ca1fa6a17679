// Applies versioned SQL migrations from a directory, Flyway style.
//
// - Files are named NNNN_description.sql (e.g. 0002_create_posts.sql); the version is the digits
//   before the first underscore, e.g. "0002".
// - Pending files run in ascending NUMERIC version order, each in ITS OWN transaction, and each is
//   recorded in
//   schema_migrations(version TEXT PRIMARY KEY, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)
//   inside that same transaction.
// - checksum = SHA-256 of the file's contents, in hex (node:crypto's createHash('sha256')).
// - applied_at = this.now(), an injected clock returning an ISO-8601 UTC string.
import { ChecksumMismatch, MigrationFailed } from './errors.js';

export { ChecksumMismatch, MigrationFailed };

export class Migrator {
  /**
   * @param {import('node:sqlite').DatabaseSync} db
   * @param {string} directory folder with the NNNN_description.sql files
   * @param {() => string} [now] clock, e.g. () => '2026-03-01T12:00:00Z'
   */
  constructor(db, directory, now = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z')) {
    this.db = db;
    this.directory = directory;
    this.now = now;
  }

  /**
   * Applies every pending migration in order and returns the versions it applied, e.g.
   * ['0001', '0002', '0010'] (an empty array if none).
   *
   * Before applying anything, it checks the checksum of every already applied file and throws
   * ChecksumMismatch if one was edited. If a migration fails, its transaction is rolled back, it
   * is NOT recorded, later migrations are NOT attempted, and MigrationFailed is thrown with the
   * original error as its `cause` (new MigrationFailed(message, { cause: error })).
   * @returns {string[]}
   */
  migrate() {
    throw new Error('Not implemented yet: migrate()');
  }

  /**
   * @returns {{ applied: string[], pending: string[] }} versions in ascending numeric order
   */
  status() {
    throw new Error('Not implemented yet: status()');
  }
}
