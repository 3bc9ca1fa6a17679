// Queue worker: node bin/worker.js --max-time=50 --lock=FILE --queue=DIR
import { readdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';

const { values: options } = parseArgs({ options: { 'max-time': { type: 'string', default: '50' }, lock: { type: 'string' }, queue: { type: 'string' } } });
const maxTime = Number.parseInt(options['max-time'], 10) || 50;
const queueDir = options.queue ?? new URL('../var/queue', import.meta.url).pathname;

const deadline = Date.now() + maxTime * 1000;
while (Date.now() < deadline) {
  const jobs = readdirSync(queueDir).filter((name) => name.endsWith('.job')).sort();
  if (jobs.length > 0) renameSync(join(queueDir, jobs[0]), join(queueDir, `${jobs[0]}.done`));
  await sleep(200);
}
