import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { randomBytes } from 'node:crypto';
import { installProcessHandlers } from '../src/processHandlers.js';
import { runCrashingApp } from './helpers.js';

/** A stand-in for `process`: records exit() calls instead of ending the test run. */
function fakeProcess() {
  const proc = new EventEmitter();
  proc.exits = [];
  proc.exit = (code) => proc.exits.push(code);
  return proc;
}

test('uncaughtException is logged once, then the process exits with a failure code', () => {
  const proc = fakeProcess();
  const logged = [];
  installProcessHandlers({ proc, logFatal: (err) => logged.push(err) });
  assert.equal(proc.listenerCount('uncaughtException'), 1, 'register one listener with proc.on("uncaughtException", ...) on the process you were given');
  const err = new Error(`boom ${randomBytes(3).toString('hex')}`);
  proc.emit('uncaughtException', err, 'uncaughtException');
  assert.deepEqual(logged, [err], 'call logFatal(err) once with the error, so the crash is in the log');
  assert.equal(proc.exits.length, 1, 'after logging, call proc.exit(): the process is in an undefined state and must not carry on');
  assert.notEqual(proc.exits[0] ?? 0, 0, 'exit with a non-zero code (1), so the supervisor sees a failure and restarts the process');
});

test('a crashing process logs the error and exits by itself with a failure code', async () => {
  const message = `bug ${randomBytes(4).toString('hex')}`;
  const run = await runCrashingApp('throw', message);
  assert.equal(run.killed, false, 'after an uncaught exception the process must exit by itself (proc.exit(1) after logging), not keep serving in an undefined state');
  assert.deepEqual(run.fatal.map((entry) => entry.msg), [message], `log the uncaught error once with logFatal(err) before exiting (stdout was: ${run.stdout.slice(0, 200)})`);
  assert.equal(run.code, 1, 'exit with code 1 so the supervisor (systemd, PM2, a container runtime) sees a failure and restarts it');
});

test('an unhandled promise rejection still crashes the process, logged', async () => {
  const message = `rejected ${randomBytes(4).toString('hex')}`;
  const run = await runCrashingApp('reject', message);
  assert.equal(run.killed, false, 'an unhandled rejection must end the process: do not add an "unhandledRejection" listener that only logs (since Node 15 the default raises it as an uncaught exception)');
  assert.deepEqual(run.fatal.map((entry) => entry.msg), [message], 'the rejection reaches your uncaughtException listener: log it once there with logFatal(err)');
  assert.equal(run.code, 1, 'exit with code 1 after an unhandled rejection too');
});
