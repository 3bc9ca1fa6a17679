// Applies versioned SQL migrations from a directory, Flyway style. Files: NNNN_description.sql.
// Each runs in its own transaction and is recorded in schema_migrations(version, checksum,
// applied_at) inside that same transaction.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ChecksumMismatch, MigrationFailed } from './errors.js';

export { ChecksumMismatch, MigrationFailed };

const FILE = /(\d+)_\w+\.sql/;
const byNumber = (a, b) => Number(a) - Number(b);

export class Migrator {
  constructor(db, directory, now = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z')) {
    this.db = db;
    this.directory = directory;
    this.now = now;
  }

  /** @returns {string[]} the versions applied by this run */
  migrate() {
    this.#ensureHistoryTable();
    const files = this.#files();
    const applied = this.#appliedChecksums();

    // Verify the whole history first: nothing runs on top of an edited file.
    for (const [version, checksum] of applied) {
      const path = files.get(version);
      if (path !== undefined && checksumOf(path) !== checksum) {
        throw new ChecksumMismatch(`Migration ${path} was edited after it was applied. Revert the edit and add a new migration instead.`);
      }
    }

    const done = [];
    for (const [version, path] of files) {
      if (applied.has(version)) continue; // pending = not recorded, whatever its number
      this.#applyOne(version, path);
      done.push(version);
    }
    return done;
  }

  /** @returns {{ applied: string[], pending: string[] }} */
  status() {
    this.#ensureHistoryTable();
    const files = this.#files();
    const applied = this.#appliedChecksums();
    return {
      applied: [...applied.keys()],
      pending: [...files.keys()].filter((version) => !applied.has(version)),
    };
  }

  #applyOne(version, path) {
    const sql = readFileSync(path, 'utf8');
    this.db.exec('BEGIN');
    try {
      this.db.exec(sql);
      this.db.prepare('INSERT INTO schema_migrations (version, checksum, applied_at) VALUES (?, ?, ?)')
        .run(version, checksumOf(path), this.now());
      this.db.exec('COMMIT');
    } catch (error) {
      this.db.exec('ROLLBACK');
      throw new MigrationFailed(`Migration ${path} failed and was rolled back.`, { cause: error });
    }
  }

  #ensureHistoryTable() {
    this.db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
                    version    TEXT PRIMARY KEY,
                    checksum   TEXT NOT NULL,
                    applied_at TEXT NOT NULL
                  )`);
  }

  /** @returns {Map<string, string>} version => path, in ascending numeric order */
  #files() {
    const found = readdirSync(this.directory).map((name) => [FILE.exec(name), name]).filter(([match]) => match !== null);
    found.sort(([a], [b]) => byNumber(a[1], b[1]));
    return new Map(found.map(([match, name]) => [match[1], join(this.directory, name)]));
  }

  /** @returns {Map<string, string>} version => checksum, in ascending numeric order */
  #appliedChecksums() {
    const rows = this.db.prepare('SELECT version, checksum FROM schema_migrations').all();
    rows.sort((a, b) => byNumber(a.version, b.version));
    return new Map(rows.map((row) => [row.version, row.checksum]));
  }
}

function checksumOf(path) {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}
