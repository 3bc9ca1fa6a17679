import { spawn } from 'node:child_process';
import { DatabaseSync } from 'node:sqlite';

/** A logger that records every call, so a test can check what was logged and at which level. */
export function spyLogger() {
  const calls = [];
  const record = (level) => (msg, context) => calls.push({ level, msg, context });
  return { calls, error: record('error'), warn: record('warn'), info: record('info'), at: (level) => calls.filter((c) => c.level === level) };
}

/** An in-memory database whose insert of a line with SKU BROKEN fails, like a disk error halfway through an order. */
export function orderDb() {
  const db = new DatabaseSync(':memory:');
  db.exec(`
    CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL);
    CREATE TABLE order_lines (order_id INTEGER NOT NULL REFERENCES orders(id), sku TEXT NOT NULL, quantity INTEGER NOT NULL);
    CREATE TRIGGER broken_disk BEFORE INSERT ON order_lines WHEN NEW.sku = 'BROKEN'
      BEGIN SELECT RAISE(ABORT, 'disk I/O error (simulated)'); END;
  `);
  return db;
}

export const rowCount = (db, table) => db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get().n;

/** True while a transaction is open: a nested BEGIN is refused then. */
export function inTransaction(db) {
  try {
    db.exec('BEGIN');
  } catch {
    return true;
  }
  db.exec('ROLLBACK');
  return false;
}

/** Calls fn and returns what it threw (or undefined). */
export function thrownBy(fn) {
  try {
    fn();
  } catch (err) {
    return { value: err };
  }
  return undefined;
}

/** Runs tests/fixtures/crashingApp.js in a real child process; kills it after `timeoutMs`. */
export function runCrashingApp(mode, message, timeoutMs = 8000) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [new URL('./fixtures/crashingApp.js', import.meta.url).pathname, mode, message], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let killed = false;
    child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => {
      killed = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const fatal = stdout
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line));
      resolve({ code, signal, killed, fatal, stdout, stderr });
    });
  });
}
