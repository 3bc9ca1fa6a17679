import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { root, runNode, tempDir } from './helpers.js';

// bin/worker.js is started by cron every minute, so it must stop on time and must not run twice at once.

function setup(t) {
  const dir = tempDir(t);
  const queue = join(dir, 'queue');
  mkdirSync(queue);
  const lock = join(dir, 'worker.lock');
  const run = (maxTime, limitMs, stopWhen) => runNode([join(root, 'bin/worker.js'), `--max-time=${maxTime}`, `--lock=${lock}`, `--queue=${queue}`], { limitMs, cwd: dir, stopWhen });
  const addJobs = (count) => {
    for (let i = 1; i <= count; i += 1) writeFileSync(join(queue, `${String(i).padStart(3, '0')}.job`), '');
  };
  const files = (suffix) => readdirSync(queue).filter((name) => name.endsWith(suffix));
  return { dir, queue, lock, run, addJobs, files };
}

/** The PID of a process that has already exited. */
function deadPid() {
  return spawnSync(process.execPath, ['-e', '']).pid;
}

test('the worker stops on time and processes many jobs within one run', async (t) => {
  const s = setup(t);
  s.addJobs(40);
  const run = await s.run('1', 4500);
  assert.equal(run.killed, false, 'bin/worker.js --max-time=1 was still running after 4.5 s: stop the loop when the time budget is used up');
  assert.equal(run.code, 0, `bin/worker.js --max-time=1 must exit with code 0 after a normal run. Output: ${run.output}`);
  assert.equal(s.files('.job').length, 0, 'the worker must process the jobs in --queue (renaming each NNN.job to NNN.job.done)');
  assert.equal(s.files('.job.done').length, 40, 'all 40 queued jobs must be done within one 1-second run: only wait when the queue is empty, not after every job');
});

test('the worker skips when another run holds the lock', async (t) => {
  const s = setup(t);
  s.addJobs(3);
  writeFileSync(s.lock, String(process.pid)); // a live process (this test run) holds it
  // A run that touches the queue has already broken the rule: stop it then instead of waiting.
  const run = await s.run('5', 4000, () => s.files('.job.done').length > 0);
  assert.equal(s.files('.job.done').length, 0, 'a run that did not get the lock must not touch the queue: when the lock (--lock) is held by a running process, exit with code 0 at once');
  assert.equal(run.code, 0, 'when the lock (--lock) is held by a running process, exit with code 0 instead of waiting or failing');
  assert.ok(run.seconds < 2.5, `when the lock is held, exit at once (it took ${run.seconds} s) so cron runs never overlap`);
  assert.ok(existsSync(s.lock), 'never delete a lock that another, still running, process holds');
});

test('a lock left by a crashed run is taken over', async (t) => {
  const s = setup(t);
  s.addJobs(3);
  writeFileSync(s.lock, String(deadPid())); // its process has exited without cleaning up
  const run = await s.run('1', 4500);
  assert.equal(run.code, 0, 'bin/worker.js must finish with exit code 0');
  assert.equal(s.files('.job.done').length, 3, 'a lock file whose PID no longer runs was left by a crashed run: take it over (process.kill(pid, 0) throws ESRCH for a dead PID), or cron stays blocked for good');
});

test('the lock is released after a run', async (t) => {
  const s = setup(t);
  await s.run('1', 4500);
  assert.ok(!existsSync(s.lock), 'remove the lock file when the run ends (in a finally block), so the next cron run can start');
  s.addJobs(2);
  const again = await s.run('1', 4500);
  assert.equal(again.code, 0, 'the next run must start normally');
  assert.equal(s.files('.job.done').length, 2, 'the next run must get the lock and process the queue');
});

test('an invalid --max-time is rejected', async (t) => {
  const values = ['soon', '0', '1.5', '3601', '10s', '1e3'];
  // Each run gets its own queue with one job. A generous limit, as these runs must exit at once even
  // on a busy machine; but a run that processes its job has accepted the value, so it is stopped then.
  const runs = await Promise.all(values.map((value) => {
    const s = setup(t);
    s.addJobs(1);
    return s.run(value, 15000, () => s.files('.job.done').length > 0).then((run) => ({ ...run, worked: s.files('.job.done').length > 0 }));
  }));
  for (const [i, value] of values.entries()) {
    const run = runs[i];
    const why = `--max-time=${value} is not a whole number from 1 to 3600: print an error on stderr and exit with code 2 before any work (check /^\\d+$/ and the range; parseInt accepts "10s" and "1.5")`;
    assert.equal(run.worked, false, `${why}. The worker accepted it and processed a job. Output: ${run.output}`);
    assert.equal(run.code, 2, `${why}. Output: ${run.output}`);
    assert.notEqual(run.stderr.trim(), '', `--max-time=${value}: say what is wrong on stderr`);
  }
  const s = setup(t);
  const valid = await s.run('3600', 1200);
  assert.equal(valid.killed, true, '--max-time=3600 is valid (the range includes 3600): the worker must start and keep working, not exit at once');
});

test('the lock is released even when the run fails', async (t) => {
  const s = setup(t);
  const missing = join(s.dir, 'no-such-queue');
  const run = await runNode([join(root, 'bin/worker.js'), '--max-time=1', `--lock=${s.lock}`, `--queue=${missing}`], { limitMs: 4500, cwd: s.dir });
  assert.equal(run.killed, false, 'bin/worker.js with a missing --queue folder must end, not hang');
  assert.ok(!existsSync(s.lock), 'when a run fails (here: the --queue folder does not exist) the lock must still be removed, or every later cron run finds it: remove it in a finally block around the work');
});

test('two workers started together never both work', async (t) => {
  const s = setup(t);
  s.addJobs(5);
  const [a, b] = await Promise.all([s.run('1', 5000), s.run('1', 5000)]);
  assert.deepEqual([a.code, b.code], [0, 0], `both runs must exit with code 0. Output: ${a.output} | ${b.output}`);
  const worked = [a, b].filter((run) => /finished/.test(run.stdout)).length;
  assert.equal(worked, 1, `exactly one of two workers started together may work (the other finds the lock and exits): create the lock file with the 'wx' flag, which fails if it exists. Outputs: ${a.stdout.trim()} | ${b.stdout.trim()}`);
  assert.equal(s.files('.job.done').length, 5, 'the worker that got the lock must process all 5 jobs');
});
