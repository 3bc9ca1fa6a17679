import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { createInterface } from 'node:readline';
import { setup } from './helpers.js';

// Real concurrency: separate Node processes claim from the same SQLite file at the same time.
// Alternating calls in one process cannot show a race; operating-system processes can.

const WORKERS = 3;
const TIMEOUT_MS = 20_000;

/** Starts `count` worker processes, waits until all are ready, releases them together, collects what each claimed. */
async function race(file, now, count) {
  const script = new URL('./fixtures/claimRaceWorker.js', import.meta.url).pathname;
  const workers = Array.from({ length: count }, (_, i) => {
    const child = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', script, file, String(now), `worker-${i}`], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
    const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
    const next = () =>
      Promise.race([
        lines.next().then(({ value, done }) => (done ? `exited without output ${stderr}` : value)),
        new Promise((resolve) => setTimeout(() => resolve(`timed out after ${TIMEOUT_MS / 1000} s (is claim() waiting for a lock it never gets?)`), TIMEOUT_MS).unref()),
      ]);
    return { child, next, stderr: () => stderr };
  });
  try {
    const ready = await Promise.all(workers.map((w) => w.next())); // the barrier: everyone connected and ready
    const notReady = ready.findIndex((line) => line !== 'ready');
    if (notReady >= 0) return [{ claimed: [], error: `${ready[notReady]} ${workers[notReady].stderr()}` }];
    for (const w of workers) w.child.stdin.write('go\n'); // ...then go, all at once
    const lines = await Promise.all(workers.map((w) => w.next()));
    return lines.map((line, i) => {
      try {
        return JSON.parse(line);
      } catch {
        return { claimed: [], error: `${line} ${workers[i].stderr()}` };
      }
    });
  } finally {
    for (const w of workers) w.child.kill('SIGKILL');
  }
}

test('worker processes racing on one file never claim the same job', async (t) => {
  const s = setup(t);
  const producer = s.queue();
  const jobs = 30 + randomInt(0, 31); // a different count every run: no answer to memorise
  const ids = [];
  for (let i = 1; i <= jobs; i += 1) ids.push(producer.enqueue('count', { n: i }));

  const results = await race(s.file, s.clock.now(), WORKERS);
  const claimed = [];
  for (const [i, result] of results.entries()) {
    assert.equal(result.error, undefined, `worker process ${i} failed while claiming: ${result.error}. claim() must not fail when other workers claim at the same time: claim with one UPDATE ... RETURNING, or take the write lock before reading with BEGIN IMMEDIATE (busy_timeout then makes the others wait)`);
    claimed.push(...result.claimed);
  }
  const counts = new Map();
  for (const id of claimed) counts.set(id, (counts.get(id) ?? 0) + 1);
  const twice = [...counts].filter(([, n]) => n > 1).map(([id]) => id);
  assert.deepEqual(twice, [], `jobs ${twice.slice(0, 10).join(', ')} were claimed by more than one worker process. A SELECT followed by a separate UPDATE lets two workers read the same pending row: claim with a single UPDATE ... RETURNING, or take the write lock first (BEGIN IMMEDIATE)`);
  assert.deepEqual([...claimed].sort((a, b) => a - b), ids, `together the worker processes must claim each of the ${jobs} ready jobs (status pending, available_at <= now) exactly once`);
  const attempts = s.connect().prepare('SELECT attempts, COUNT(*) AS n FROM jobs GROUP BY attempts').all().map((r) => [r.attempts, r.n]);
  assert.deepEqual(attempts, [[1, jobs]], 'every job was claimed once, so every row must have attempts = 1; a higher count means two workers updated the same row');
});
