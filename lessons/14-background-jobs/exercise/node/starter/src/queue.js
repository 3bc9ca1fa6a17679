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
    throw new Error('not implemented: enqueue() in src/queue.js');
  }

  /**
   * Atomically takes the oldest ready job for workerId: marks it running and counts the attempt.
   * @returns {{ id: number, type: string, payload: any, attempts: number, status: string } | null}
   */
  claim(workerId) {
    throw new Error('not implemented: claim() in src/queue.js');
  }

  complete(id) {
    throw new Error('not implemented: complete() in src/queue.js');
  }

  /** Puts a job back as pending, not to be claimed before availableAt. */
  retry(id, availableAt, error) {
    throw new Error('not implemented: retry() in src/queue.js');
  }

  /** Moves a job to dead_letters with the error that killed it, in one transaction. */
  deadLetter(id, error) {
    throw new Error('not implemented: deadLetter() in src/queue.js');
  }

  /** Jobs whose worker died mid-run go back to pending after timeoutSeconds. Returns how many. */
  requeueStale(timeoutSeconds) {
    throw new Error('not implemented: requeueStale() in src/queue.js');
  }

  /** @returns {{ pending: number, running: number, dead: number, oldest_pending_age: number }} */
  stats() {
    throw new Error('not implemented: stats() in src/queue.js');
  }
}
