import { readFile } from 'node:fs';

const SCHEDULERS = {
  sync: (fn) => fn(), // runs now, before anything queued
  nextTick: (fn) => process.nextTick(fn), // drained before promise microtasks
  promise: (fn) => Promise.resolve().then(fn), // microtask queue
  immediate: (fn) => setImmediate(fn), // check phase, right after poll
  timeout: (fn) => setTimeout(fn, 0), // timers phase of the NEXT loop iteration
};

/**
 * From inside an I/O callback, schedules every task with the mechanism it names and
 * resolves with the labels in the order the event loop ran them.
 *
 * @param {Array<[keyof SCHEDULERS, string]>} tasks
 * @returns {Promise<string[]>}
 */
export function recordOrder(tasks) {
  return new Promise((resolve, reject) => {
    const unknown = tasks.find(([kind]) => !(kind in SCHEDULERS));
    if (unknown) {
      reject(new TypeError(`Unknown kind: ${unknown[0]}`));
      return;
    }
    readFile(import.meta.filename, (err) => {
      if (err) {
        reject(err);
        return;
      }
      const order = [];
      let pending = tasks.length;
      if (pending === 0) resolve(order);
      for (const [kind, label] of tasks) {
        SCHEDULERS[kind](() => {
          order.push(label);
          pending -= 1;
          if (pending === 0) resolve(order);
        });
      }
    });
  });
}
