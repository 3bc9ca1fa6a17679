// A time-boxed worker batch for cron (for example every minute, under flock):
//   * * * * * /usr/bin/flock -n /tmp/queue-worker.lock /usr/bin/node /path/to/bin/worker.js --max-seconds=50
// It stops after --max-seconds, after 500 jobs, above 128 MB, or on SIGTERM/SIGINT (finishing the current job).
import { mkdirSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { systemClock } from '../src/clock.js';
import { SqliteQueue } from '../src/queue.js';
import { Worker } from '../src/worker.js';

const { values } = parseArgs({ options: { 'max-seconds': { type: 'string', default: '50' }, db: { type: 'string' } } });
const maxSeconds = Number(values['max-seconds']);
const dbFile = values.db ?? new URL('../var/queue.sqlite', import.meta.url).pathname;
mkdirSync(dirname(dbFile), { recursive: true, mode: 0o750 });

const queue = new SqliteQueue(new DatabaseSync(dbFile), systemClock);
const handlers = {
  send_receipt: async (payload) => console.log(`sending receipt for order ${payload.order_id}`),
};
const worker = new Worker({ queue, handlers, clock: systemClock, workerId: `${hostname()}:${process.pid}` });

let stop = false;
process.once('SIGTERM', () => (stop = true));
process.once('SIGINT', () => (stop = true));

queue.requeueStale(300);
const deadline = Date.now() + maxSeconds * 1000;
let processed = 0;
while (!stop && Date.now() < deadline && processed < 500 && process.memoryUsage().rss < 128 * 1024 * 1024) {
  if (await worker.runOnce()) processed += 1;
  else await sleep(1000); // nothing ready: poll gently
}
console.log(JSON.stringify({ processed, ...queue.stats() }));
