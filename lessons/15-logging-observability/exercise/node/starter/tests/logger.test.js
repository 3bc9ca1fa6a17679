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

test('the redact option replaces the default list, and every listed key is hidden wherever it is', () => {
  const stream = memoryStream();
  const key = `k-${Math.random().toString(36).slice(2, 10)}`;
  const log = createLogger({ stream, now: fixedClock, redact: ['apiKey', 'session_id'] });
  log.info('partner call', {
    ApiKey: key,
    partner: { name: 'acme', credentials: { apikey: key, region: 'eu' } },
    calls: [{ SESSION_ID: 's-1' }, { session_id: 's-2', ok: true }],
    password_hint: 'kept',
  });
  assert.ok(!stream.text.includes(key) && !stream.text.includes('s-1') && !stream.text.includes('s-2'), 'hide every key in the redact option, at any depth and in any letter case; do not hard-code password/authorization/cookie');
  const [record] = stream.records();
  assert.equal(record.partner.credentials.region, 'eu', 'keep the fields next to a redacted one');
  assert.equal(record.calls[1].ok, true, 'keep the other fields of objects inside arrays');
  assert.equal(record.password_hint, 'kept', 'match whole key names only: password_hint is not password');
});

test('redaction hides any value, not only plain strings', () => {
  const stream = memoryStream();
  const log = createLogger({ stream, now: fixedClock, redact: ['password', 'pin', 'authorization'] });
  log.info('tricky values', {
    password: 'he said "hi" then q-secret-1',
    pin: 482913,
    authorization: { scheme: 'Bearer', token: 'q-secret-2' },
    note: 'kept',
  });
  for (const secret of ['q-secret-1', '482913', 'q-secret-2']) {
    assert.ok(!stream.text.includes(secret), `"${secret}" leaked: redact by key on the object before JSON.stringify (or with a replacer), whatever the value is (a string with quotes, a number, an object); a regex over the JSON text misses these`);
  }
  const [record] = stream.records();
  assert.deepEqual([record.password, record.pin, record.authorization, record.note], ['[REDACTED]', '[REDACTED]', '[REDACTED]', 'kept'], 'the whole value of a redacted key becomes "[REDACTED]"');
});

test('values with toJSON() are logged as JSON writes them, and redacted too', () => {
  const stream = memoryStream();
  const log = createLogger({ stream, now: fixedClock });
  class Account {
    #password = 'q-secret-3';
    constructor(id) { this.id = id; }
    toJSON() { return { id: this.id, password: this.#password, Cookie: 'q-secret-4' }; }
  }
  const placedAt = new Date(Date.UTC(2026, 10, 2, 9, 30, 15, 250));
  log.info('order placed', { placedAt, link: new URL('https://shop.example/orders/7?x=1'), account: new Account(7), nested: { owner: new Account(8) } });
  for (const secret of ['q-secret-3', 'q-secret-4']) {
    assert.ok(!stream.text.includes(secret), `"${secret}" leaked through a toJSON() method: when a value has toJSON(), redact what it returns (JSON.stringify calls it after your copy was made)`);
  }
  const [record] = stream.records();
  assert.equal(record.placedAt, '2026-11-02T09:30:15.250Z', 'a Date field must be logged as JSON.stringify writes it (its ISO string), not as {}: when a value has toJSON(), log what it returns');
  assert.equal(record.link, 'https://shop.example/orders/7?x=1', 'a URL field must be logged as its text (URL#toJSON), not as {}');
  assert.deepEqual(record.account, { id: 7, password: '[REDACTED]', Cookie: '[REDACTED]' }, "an object's toJSON() result is what gets written: redact its keys like any other object");
  assert.deepEqual(record.nested, { owner: { id: 8, password: '[REDACTED]', Cookie: '[REDACTED]' } }, 'toJSON() results are redacted at any depth');
});

test('bindings are redacted too, and a child of a child keeps everything', () => {
  const stream = memoryStream();
  const root = createLogger({ stream, now: fixedClock, bindings: { service: 'api', authorization: 'Bearer b-secret' } });
  const child = root.child({ component: 'auth' });
  assert.equal(typeof child.child, 'function', 'a child logger needs its own child(): return a full logger from child(), e.g. createLogger() with the merged bindings and the same options');
  const grandchild = child.child({ cookie: 'sid=c-secret', step: 'verify' });
  grandchild.info('checked');
  assert.ok(!stream.text.includes('b-secret') && !stream.text.includes('c-secret'), 'redact the bindings as well as the fields: a secret bound once would appear on every line');
  const [record] = stream.records();
  assert.deepEqual(
    [record.service, record.component, record.step],
    ['api', 'auth', 'verify'],
    'child().child() must keep the bindings of every ancestor: a child is a full logger, with its own child()',
  );
});

test('logging does not change the caller\'s objects', () => {
  const stream = memoryStream();
  const fields = { user: { id: 7, password: 'hunter2' } };
  createLogger({ stream, now: fixedClock }).info('signup', fields);
  assert.equal(fields.user.password, 'hunter2', 'redact a copy: the caller still needs its own object unchanged after logging');
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

  const quiet = memoryStream();
  const child = createLogger({ stream: quiet, level: 'warn', now: fixedClock, redact: ['pin'] }).child({ component: 'atm' });
  child.info('balance shown');
  child.warn('card retained', { pin: '1234' });
  assert.equal(quiet.lines().length, 1, 'a child keeps the parent\'s level (warn drops info): pass all the options on, not just the bindings');
  assert.ok(!quiet.text.includes('1234'), 'a child keeps the parent\'s redact list');
});
