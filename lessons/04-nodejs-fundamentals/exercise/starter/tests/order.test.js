import { test } from 'node:test';
import assert from 'node:assert/strict';
import { recordOrder } from '../src/order.js';

test('recordOrder() resolves with the five labels in event-loop order', async () => {
  const order = await recordOrder();
  assert.ok(Array.isArray(order), 'recordOrder() must resolve with an array of labels');
  assert.deepEqual(
    [...order].sort(),
    ['immediate', 'nextTick', 'promise', 'sync', 'timeout'],
    'push exactly the five labels sync, nextTick, promise, immediate and timeout, once each',
  );
  assert.deepEqual(
    order,
    ['sync', 'nextTick', 'promise', 'immediate', 'timeout'],
    'schedule the work INSIDE the readFile callback: there, sync code runs first, then the nextTick queue, ' +
      'then promise microtasks, then the check phase (setImmediate), and timers only on the next loop turn',
  );
});

test('recordOrder() gives the same order every time', async () => {
  for (let i = 0; i < 20; i += 1) {
    const order = await recordOrder();
    assert.deepEqual(
      order,
      ['sync', 'nextTick', 'promise', 'immediate', 'timeout'],
      `run ${i + 1} gave ${JSON.stringify(order)}: schedule from inside the readFile callback, not from top-level code`,
    );
  }
});
