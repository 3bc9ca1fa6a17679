// Queue worker for hosts without daemons. cron starts it every minute:
//   * * * * * /usr/bin/node /home/USER/notes-app/bin/worker.js --max-time=50 >> /home/USER/logs/worker.log 2>&1
// It works for at most --max-time seconds, then exits, and a lock file stops two runs overlapping.
// Options: --max-time=SECONDS (1-3600, default 50), --lock=FILE, --queue=DIR
import { closeSync, openSync, readFileSync, readdirSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';

const here = new URL('..', import.meta.url).pathname;
let options;
try {
  ({ values: options } = parseArgs({ options: { 'max-time': { type: 'string', default: '50' }, lock: { type: 'string' }, queue: { type: 'string' } } }));
} catch (err) {
  console.error(err.message);
  process.exit(2);
}
const raw = options['max-time'];
const maxTime = /^\d+$/.test(raw) ? Number(raw) : NaN;
if (!(maxTime >= 1 && maxTime <= 3600)) {
  console.error('--max-time must be a whole number of seconds between 1 and 3600');
  process.exit(2);
}
const lockFile = options.lock ?? join(here, 'var/worker.lock');
const queueDir = options.queue ?? join(here, 'var/queue');

/** True while the process that wrote this PID still runs. */
function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

/**
 * Node has no flock(): create the lock file exclusively ('wx') and write our PID into it.
 * A lock whose PID is dead was left by a crashed run and is taken over once.
 */
function acquireLock() {
  for (let tries = 0; tries < 2; tries += 1) {
    try {
      const fd = openSync(lockFile, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return true;
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
    }
    let pid = NaN;
    try {
      pid = Number.parseInt(readFileSync(lockFile, 'utf8'), 10);
    } catch {
      continue; // removed in the meantime: try again
    }
    if (!Number.isInteger(pid) || alive(pid)) return false; // held (or still being written) by another run
    try {
      unlinkSync(lockFile); // stale: its owner crashed
    } catch {
      // someone else removed it first; the next 'wx' decides
    }
  }
  return false;
}

if (!acquireLock()) {
  console.log(`${new Date().toISOString()} another worker is still running; skipping this run`);
  process.exit(0);
}

let done = 0;
{
  const deadline = Date.now() + maxTime * 1000;
  while (Date.now() < deadline) {
    const jobs = readdirSync(queueDir).filter((name) => name.endsWith('.job')).sort();
    if (jobs.length === 0) {
      await sleep(Math.min(200, Math.max(0, deadline - Date.now()))); // idle briefly, never past the deadline
      continue;
    }
    // A real job would be decoded and run here; this one is just marked as done.
    renameSync(join(queueDir, jobs[0]), join(queueDir, `${jobs[0]}.done`));
    done += 1;
  }
}
unlinkSync(lockFile);
console.log(`${new Date().toISOString()} worker finished: ${done} job(s)`);
