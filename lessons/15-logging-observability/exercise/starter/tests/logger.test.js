import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createLogger } from '../src/logger.js';
import { memoryStream, fixedClock } from './helpers.js';

test('each call writes one JSON line with time, level and msg', () => {
  const stream = memoryStream();
  const log = createLogger({ stream, now: fixedClock });
  log.info('order created', { order_id: 'o-1' });
  log.error('payment failed', { attempt: 2 });
  const lines = stream.lines();
  assert.equal(lines.length, 2, 'write exactly one line per log call, ending with "\\n"');
  for (const line of lines) assert.doesNotThrow(() => JSON.parse(line), `every line must be valid JSON: ${line}`);
  const [first, second] = stream.records();
  assert.equal(first.time, '2026-11-02T10:00:00.000Z', 'time must be now().toISOString() from the injected clock');
  assert.equal(first.level, 'info', 'level must be the level name, e.g. "info"');
  assert.equal(first.msg, 'order created', 'msg must hold the message');
  assert.equal(first.order_id, 'o-1', 'context fields must be top-level JSON fields');
  assert.equal(second.level, 'error', 'logger.error() writes level "error"');
});

test('levels below the configured minimum are dropped', () => {
  const stream = memoryStream();
  const log = createLogger({ stream, level: 'info', now: fixedClock });
  log.debug('cache miss', { key: 'k' });
  assert.equal(stream.lines().length, 0, 'at level info, debug messages must be suppressed');
  log.warn('slow query');
  assert.equal(stream.lines().length, 1, 'warn is above info and must be written');
  const verbose = memoryStream();
  createLogger({ stream: verbose, level: 'debug', now: fixedClock }).debug('cache miss');
  assert.equal(verbose.lines().length, 1, 'at level debug, debug messages are written');
});

test('password, authorization and cookie are redacted at any depth', () => {
  const stream = memoryStream();
  const log = createLogger({ stream, now: fixedClock });
  log.info('login attempt', {
    password: 'hunter2',
    user: { email_hash: 'ab12', password: 'hunter3' },
    headers: { Authorization: 'Bearer tok-123', cookie: 'sid=s-456', 'user-agent': 'curl/8' },
    attempts: [{ password: 'hunter4' }],
  });
  const text = stream.text;
  for (const secret of ['hunter2', 'hunter3', 'hunter4', 'tok-123', 's-456']) {
    assert.ok(!text.includes(secret), `"${secret}" leaked into the log: redact matching keys at every depth, case-insensitively`);
  }
  const [record] = stream.records();
  assert.equal(record.password, '[REDACTED]', 'replace redacted values with the string "[REDACTED]"');
  assert.equal(record.headers.Authorization, '[REDACTED]', 'match key names case-insensitively (Authorization)');
  assert.equal(record.headers['user-agent'], 'curl/8', 'keep fields that are not redacted');
  assert.equal(record.user.email_hash, 'ab12', 'keep the rest of nested objects');
});

test('a message with a line break stays on one line', () => {
  const stream = memoryStream();
  const log = createLogger({ stream, now: fixedClock });
  log.warn('login failed for admin\n{"level":"info","msg":"forged entry"}', { username: 'x\ny' });
  assert.equal(stream.lines().length, 1, 'CR/LF in user input must not start a new log line (CWE-117): let JSON.stringify escape it');
  assert.equal(stream.records()[0].level, 'warn', 'the forged entry must stay inside msg');
});

test('child() adds bindings to every line', () => {
  const stream = memoryStream();
  const log = createLogger({ stream, now: fixedClock, bindings: { service: 'orders' } }).child({ component: 'billing' });
  log.info('invoice sent');
  const [record] = stream.records();
  assert.equal(record.service, 'orders', 'keep the parent bindings');
  assert.equal(record.component, 'billing', 'add the child bindings');
});
