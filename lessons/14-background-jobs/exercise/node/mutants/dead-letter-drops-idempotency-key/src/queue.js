/**
 * A job queue in one SQLite table (node:sqlite). Times are Unix seconds from the injected clock.
 */
export class SqliteQueue {
  /** Jobs carry IDs and small parameters, not documents. */
  static MAX_PAYLOAD_BYTES = 8192;

  /**
   * @param {import('node:sqlite').DatabaseSync} db one connection (each worker process has its own)
   * @param {{ now(): number }} clock
   */
  constructor(db, clock) {
    this.db = db;
    this.clock = clock;
    // Wait up to 5 s for another connection's write lock instead of failing at once.
    db.exec('PRAGMA busy_timeout = 5000');
    // WAL lets readers work while one connection writes; NORMAL sync is safe with WAL.
    db.exec('PRAGMA journal_mode = WAL');
    db.exec('PRAGMA synchronous = NORMAL');
    db.exec(`
      CREATE TABLE IF NOT EXISTS jobs (
        id INTEGER PRIMARY KEY,
        type TEXT NOT NULL,
        payload TEXT NOT NULL,
        idempotency_key TEXT UNIQUE,
        status TEXT NOT NULL CHECK (status IN ('pending', 'running', 'done')),
        attempts INTEGER NOT NULL DEFAULT 0,
        available_at INTEGER NOT NULL,
        locked_by TEXT,
        locked_at INTEGER,
        last_error TEXT,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX IF NOT EXISTS jobs_ready ON jobs (status, available_at);
      CREATE TABLE IF NOT EXISTS dead_letters (
        id INTEGER PRIMARY KEY,
        job_id INTEGER NOT NULL,
        type TEXT NOT NULL,
        payload TEXT NOT NULL,
        idempotency_key TEXT,
        attempts INTEGER NOT NULL,
        error TEXT NOT NULL,
        failed_at INTEGER NOT NULL
      );
    `);
  }

  /** @returns {{ id: number, type: string, payload: any, attempts: number, status: string } | null} (given) */
  find(id) {
    const row = this.db.prepare('SELECT id, type, payload, attempts, status FROM jobs WHERE id = ?').get(id);
    if (!row) return null;
    return { id: Number(row.id), type: String(row.type), payload: JSON.parse(String(row.payload)), attempts: Number(row.attempts), status: String(row.status) };
  }

  /** Adds a job. With an idempotency key, enqueueing the same key again returns the existing job's id. */
  enqueue(type, payload, idempotencyKey = null) {
    const json = JSON.stringify(payload);
    // The limit is on bytes (what is stored and sent), not on UTF-16 code units.
    if (Buffer.byteLength(json, 'utf8') > SqliteQueue.MAX_PAYLOAD_BYTES) {
      throw new RangeError(`Job payload exceeds ${SqliteQueue.MAX_PAYLOAD_BYTES} bytes: store the data and enqueue its id`);
    }
    const now = this.clock.now();
    const { changes, lastInsertRowid } = this.db
      .prepare(
        `INSERT INTO jobs (type, payload, idempotency_key, status, attempts, available_at, created_at)
         VALUES (?, ?, ?, 'pending', 0, ?, ?)
         ON CONFLICT (idempotency_key) DO NOTHING`,
      )
      .run(type, json, idempotencyKey, now, now);
    if (Number(changes) === 1) return Number(lastInsertRowid);
    // A duplicate: lastInsertRowid belongs to some other row, so look the job up by its key.
    return Number(this.db.prepare('SELECT id FROM jobs WHERE idempotency_key = ?').get(idempotencyKey).id);
  }

  /**
   * Atomically takes the oldest ready job for workerId: marks it running and counts the attempt.
   * @returns {{ id: number, type: string, payload: any, attempts: number, status: string } | null}
   */
  claim(workerId) {
    const now = this.clock.now();
    // One statement picks, marks and returns the job (SQLite 3.35+): no gap between read and write.
    const row = this.db
      .prepare(
        `UPDATE jobs
            SET status = 'running', attempts = attempts + 1, locked_by = ?, locked_at = ?
          WHERE id = (SELECT id FROM jobs
                       WHERE status = 'pending' AND available_at <= ?
                       ORDER BY available_at, id LIMIT 1)
         RETURNING id, type, payload, attempts, status`,
      )
      .get(workerId, now, now);
    if (!row) return null;
    return { id: Number(row.id), type: String(row.type), payload: JSON.parse(String(row.payload)), attempts: Number(row.attempts), status: String(row.status) };
  }

  complete(id) {
    this.db.prepare("UPDATE jobs SET status = 'done', locked_by = NULL, last_error = NULL WHERE id = ?").run(id);
  }

  /** Puts a job back as pending, not to be claimed before availableAt. */
  retry(id, availableAt, error) {
    this.db
      .prepare("UPDATE jobs SET status = 'pending', available_at = ?, last_error = ?, locked_by = NULL, locked_at = NULL WHERE id = ?")
      .run(availableAt, error, id);
  }

  /** Moves a job to dead_letters with the error that killed it, in one transaction. */
  deadLetter(id, error) {
    this.db.exec('BEGIN IMMEDIATE');
    try {
      this.db
        .prepare(
          `INSERT INTO dead_letters (job_id, type, payload, idempotency_key, attempts, error, failed_at)
           SELECT id, type, payload, NULL, attempts, ?, ? FROM jobs WHERE id = ?`,
        )
        .run(error, this.clock.now(), id);
      this.db.prepare('DELETE FROM jobs WHERE id = ?').run(id);
      this.db.exec('COMMIT');
    } catch (err) {
      this.db.exec('ROLLBACK');
      throw err;
    }
  }

  /** Jobs whose worker died mid-run go back to pending after timeoutSeconds. Returns how many. */
  requeueStale(timeoutSeconds) {
    const { changes } = this.db
      .prepare("UPDATE jobs SET status = 'pending', locked_by = NULL, locked_at = NULL WHERE status = 'running' AND locked_at <= ?")
      .run(this.clock.now() - timeoutSeconds);
    return Number(changes);
  }

  /** @returns {{ pending: number, running: number, dead: number, oldest_pending_age: number }} */
  stats() {
    const row = this.db
      .prepare(
        `SELECT SUM(status = 'pending') AS pending,
                SUM(status = 'running') AS running,
                MIN(CASE WHEN status = 'pending' THEN created_at END) AS oldest
           FROM jobs`,
      )
      .get();
    const dead = this.db.prepare('SELECT COUNT(*) AS n FROM dead_letters').get().n;
    return {
      pending: Number(row.pending ?? 0),
      running: Number(row.running ?? 0),
      dead: Number(dead),
      // From created_at, not available_at: a job waiting for its retry is late for the user all the same.
      oldest_pending_age: row.oldest === null ? 0 : this.clock.now() - Number(row.oldest),
    };
  }
}
