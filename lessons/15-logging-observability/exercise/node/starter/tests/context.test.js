import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { parseTraceparent } from '../src/context.js';
import { createLogger } from '../src/logger.js';
import { createMetrics } from '../src/metrics.js';
import { createApp } from '../src/app.js';
import { memoryStream, fixedClock, listen, get } from './helpers.js';

const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const VALID = `00-${TRACE}-00f067aa0ba902b7-01`;

test('parseTraceparent() accepts valid headers and rejects invalid ones', () => {
  assert.deepEqual(parseTraceparent(VALID), { traceId: TRACE, parentId: '00f067aa0ba902b7', flags: '01' }, 'split a valid header into traceId, parentId and flags');
  const invalid = [
    undefined,
    '',
    'garbage',
    `00-${TRACE.toUpperCase()}-00f067aa0ba902b7-01`,
    `00-${'0'.repeat(32)}-00f067aa0ba902b7-01`,
    `00-${TRACE}-${'0'.repeat(16)}-01`,
    `00-${TRACE.slice(1)}-00f067aa0ba902b7-01`,
    `ff-${TRACE}-00f067aa0ba902b7-01`,
  ];
  for (const header of invalid) assert.equal(parseTraceparent(header), null, `parseTraceparent(${JSON.stringify(header)}) must return null: accept only version 00, lowercase hex of the exact lengths, and non-zero ids`);
  const trace = randomBytes(16).toString('hex');
  const parent = randomBytes(8).toString('hex');
  assert.deepEqual(parseTraceparent(`00-${trace}-${parent}-00`), { traceId: trace, parentId: parent, flags: '00' }, 'parse the fields out of the header you were given, whatever their values');
  assert.equal(parseTraceparent(`00-${trace}-${parent}-01-extra`), null, 'a version-00 header has exactly four fields');
});

let server;
let port;
let stream;

before(async () => {
  stream = memoryStream();
  server = createApp({ logger: createLogger({ stream, now: fixedClock }), metrics: createMetrics() });
  port = await listen(server);
});
after(() => {
  server.closeAllConnections();
  server.close();
});

const traceOf = (res) => res.headers.traceparent?.split('-')[1];

test('a valid incoming trace-id is kept and echoed in traceparent', async () => {
  const res = await get(port, '/health', { traceparent: VALID });
  assert.match(res.headers.traceparent ?? '', /^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/, 'send a traceparent response header');
  assert.equal(traceOf(res), TRACE, 'keep the trace-id of a valid incoming traceparent');
  assert.notEqual(res.headers.traceparent.split('-')[2], '00f067aa0ba902b7', 'use a NEW span-id for this server, not the caller\'s parent-id');
});

test('the caller\'s sampling flags are passed on', async () => {
  const trace = randomBytes(16).toString('hex');
  const res = await get(port, '/health', { traceparent: `00-${trace}-00f067aa0ba902b7-00` });
  assert.equal(res.headers.traceparent?.split('-')[3], '00', 'echo the incoming flags (here 00, "not sampled"); use 01 only for a trace you start');
  assert.equal(traceOf(res), trace, 'keep the trace-id of a valid incoming traceparent');
});

test('a missing or invalid traceparent starts a new trace', async () => {
  const fresh = await get(port, '/health');
  const replaced = await get(port, '/health', { traceparent: `00-${'0'.repeat(32)}-00f067aa0ba902b7-01` });
  for (const res of [fresh, replaced]) {
    assert.match(traceOf(res) ?? '', /^[0-9a-f]{32}$/, 'generate a new 32-hex-digit trace-id');
    assert.notEqual(traceOf(res), '0'.repeat(32), 'never reuse an invalid trace-id');
  }
  assert.notEqual(traceOf(fresh), traceOf(replaced), 'each new trace needs its own random id');
  const broken = await get(port, '/health', { traceparent: `00-${'0'.repeat(32)}-00f067aa0ba902b7-zz` });
  assert.match(broken.headers.traceparent ?? '', /^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/, 'an invalid traceparent is ignored as a whole: start a new trace with your own flags (01), do not copy any of its fields');
});

test('every request gets its own span-id, even within one trace', async () => {
  const trace = randomBytes(16).toString('hex');
  const header = { traceparent: `00-${trace}-00f067aa0ba902b7-01` };
  const spans = [];
  for (const headers of [header, header, {}]) {
    const res = await get(port, '/health', headers);
    const span = res.headers.traceparent?.split('-')[2] ?? '';
    assert.match(span, /^[0-9a-f]{16}$/, 'the span-id is 16 lowercase hex digits');
    assert.notEqual(span, '0'.repeat(16), 'an all-zero span-id is invalid');
    spans.push(span);
  }
  assert.equal(new Set(spans).size, spans.length, 'each request is a new span: generate a random span-id (randomBytes(8)) per request, not a constant or one derived from the trace-id');
});

test('concurrent requests log their own trace ids', async () => {
  const slowTrace = 'a'.repeat(31) + '1';
  const fastTrace = 'b'.repeat(31) + '2';
  // Start the fast request only once the slow one is inside its handler, so they always overlap.
  const slowArrived = new Promise((resolve) => server.once('request', resolve));
  const slow = get(port, '/users/1?delay=100', { traceparent: `00-${slowTrace}-00f067aa0ba902b7-01` });
  await slowArrived;
  await Promise.all([slow, get(port, '/users/2', { traceparent: `00-${fastTrace}-00f067aa0ba902b7-01` })]);
  const fetched = stream.records().filter((r) => r.msg === 'user fetched');
  const traces = fetched.map((r) => r.trace_id).sort();
  assert.deepEqual(
    traces,
    [slowTrace, fastTrace].sort(),
    'each "user fetched" line must carry its own request\'s trace_id: keep the store in AsyncLocalStorage, not in a module variable',
  );
  const completed = stream.records().filter((r) => r.msg === 'request completed');
  assert.ok(completed.length > 0 && completed.every((r) => /^[0-9a-f]{32}$/.test(r.trace_id)), 'every request log line must carry trace_id');
});
