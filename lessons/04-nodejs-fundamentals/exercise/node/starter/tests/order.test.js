import { test } from 'node:test';
import assert from 'node:assert/strict';
import { recordOrder } from '../src/order.js';

const KINDS = ['sync', 'nextTick', 'promise', 'immediate', 'timeout'];

/** Small seeded PRNG (mulberry32), so a failing run can be repeated. */
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Random tasks: each kind at least once, some twice, in a shuffled order, with fresh labels. */
function randomTasks(rnd) {
  const tasks = [];
  for (const kind of KINDS) {
    const copies = 1 + Math.floor(rnd() * 2);
    for (let i = 0; i < copies; i += 1) tasks.push([kind, `${kind}-${Math.floor(rnd() * 1e6).toString(36)}-${i}`]);
  }
  for (let i = tasks.length - 1; i > 0; i -= 1) {
    const j = Math.floor(rnd() * (i + 1));
    [tasks[i], tasks[j]] = [tasks[j], tasks[i]];
  }
  return tasks;
}

/** From inside an I/O callback: sync, then nextTicks, promises, immediates, timeouts; each kind in call order. */
const expectedOrder = (tasks) => KINDS.flatMap((kind) => tasks.filter(([k]) => k === kind).map(([, label]) => label));

/** Counts how often the real scheduling functions are called while `fn` runs. */
async function countingSchedulers(fn) {
  const calls = { nextTick: 0, immediate: 0, timeout: 0 };
  const originals = { nextTick: process.nextTick, setImmediate: globalThis.setImmediate, setTimeout: globalThis.setTimeout };
  process.nextTick = function (...args) { calls.nextTick += 1; return originals.nextTick.apply(this, args); };
  globalThis.setImmediate = function (...args) { calls.immediate += 1; return originals.setImmediate.apply(this, args); };
  globalThis.setTimeout = function (...args) { calls.timeout += 1; return originals.setTimeout.apply(this, args); };
  try {
    return { result: await fn(), calls };
  } finally {
    process.nextTick = originals.nextTick;
    globalThis.setImmediate = originals.setImmediate;
    globalThis.setTimeout = originals.setTimeout;
  }
}

test('recordOrder() runs the five kinds in event-loop order', async () => {
  const tasks = [['timeout', 'timeout'], ['immediate', 'immediate'], ['promise', 'promise'], ['nextTick', 'nextTick'], ['sync', 'sync']];
  const order = await recordOrder(tasks);
  assert.ok(Array.isArray(order), 'recordOrder() must resolve with an array of labels');
  assert.deepEqual([...order].sort(), tasks.map(([, l]) => l).sort(), 'push every label exactly once');
  assert.deepEqual(order, ['sync', 'nextTick', 'promise', 'immediate', 'timeout'],
    'schedule the work INSIDE the readFile callback: there, sync code runs first, then the nextTick queue, ' +
      'then promise microtasks, then the check phase (setImmediate), and timers only on the next loop turn');
});

test('recordOrder() follows the event loop for any mix of tasks, on every run', async () => {
  const rnd = random(20261201);
  for (let run = 1; run <= 15; run += 1) {
    const tasks = randomTasks(rnd);
    const order = await recordOrder(tasks);
    assert.deepEqual(order, expectedOrder(tasks),
      `run ${run}: for ${JSON.stringify(tasks)} the labels came out as ${JSON.stringify(order)}. Schedule each task with ` +
        'the mechanism its kind names, from inside the readFile callback, and push its label when it runs');
  }
  assert.deepEqual(await recordOrder([]), [], 'with no tasks, resolve with an empty array');
});

test('recordOrder() really uses the event loop, not a sorted copy of the tasks', async () => {
  const tasks = [['timeout', 'a'], ['nextTick', 'b'], ['immediate', 'c'], ['timeout', 'd'], ['nextTick', 'e']];
  const { result, calls } = await countingSchedulers(() => recordOrder(tasks));
  assert.deepEqual(result, ['b', 'e', 'c', 'a', 'd'], 'nextTicks first, then immediates, then timeouts, each in call order');
  assert.ok(calls.nextTick >= 2 && calls.immediate >= 1 && calls.timeout >= 2,
    `schedule with the global process.nextTick, setImmediate and setTimeout (calls seen: ${JSON.stringify(calls)}): ` +
      'the point is to watch the event loop order the work, not to sort the labels yourself');
});

test('recordOrder() rejects an unknown kind', async () => {
  await assert.rejects(recordOrder([['sync', 'a'], ['later', 'b']]), 'an unknown kind such as "later" must reject the promise, not hang');
});

test('recordOrder() rejects a kind that is only an inherited property name', async () => {
  // A lookup table is a plain object: "toString" or "constructor" is found on its prototype, and
  // calling it schedules nothing, so the promise would never settle.
  for (const kind of ['toString', 'constructor', 'hasOwnProperty', '__proto__', 'valueOf']) {
    let timer;
    const outcome = await Promise.race([
      recordOrder([['sync', 'a'], [kind, 'b']]).then(() => 'resolved', () => 'rejected'),
      new Promise((resolve) => { timer = setTimeout(resolve, 1000, 'hung'); }),
    ]);
    clearTimeout(timer);
    assert.equal(outcome, 'rejected', `the kind "${kind}" is not one of the five kinds, so recordOrder() must reject (it ${outcome}): look kinds up by own keys only (Object.hasOwn(table, kind), or a Map), not with "in" or table[kind], which also find what every object inherits`);
  }
});
