import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { manualClock } from '../src/clock.js';
import { SqliteQueue } from '../src/queue.js';
import { Worker } from '../src/worker.js';

/**
 * A fresh SQLite file in a temp folder (removed after the test) and a clock that only moves when told.
 * queue() opens a NEW connection each time, as a second worker process would have.
 */
export function setup(t) {
  const dir = mkdtempSync(join(tmpdir(), 'queue-test-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'queue.db');
  const clock = manualClock(1_800_000_000);
  // SQLite returns rows in whatever order its plan gives (here: the index on status, available_at);
  // this makes it return rows backwards whenever the SQL has no ORDER BY, so a claim must say it.
  const connect = () => {
    const db = new DatabaseSync(file);
    db.exec('PRAGMA reverse_unordered_selects = ON');
    return db;
  };
  const s = {
    file,
    clock,
    connect,
    queue: (db = connect()) => new SqliteQueue(db, clock),
    /** A worker whose jitter returns the delay unchanged: no randomness in tests. */
    worker: (handlers, options = {}) => new Worker({ queue: s.queue(), handlers, clock, workerId: 'worker-1', jitter: (delay) => delay, ...options }),
    jobRow: (id) => connect().prepare('SELECT * FROM jobs WHERE id = ?').get(id),
    deadLetters: () => connect().prepare('SELECT * FROM dead_letters ORDER BY id').all(),
    count: (table = 'jobs') => Number(connect().prepare(`SELECT COUNT(*) AS n FROM ${table}`).get().n),
  };
  return s;
}

/** Calls fn and returns what it threw (or undefined). */
export function thrownBy(fn) {
  try {
    fn();
  } catch (err) {
    return err ?? new Error('threw nothing');
  }
  return undefined;
}
