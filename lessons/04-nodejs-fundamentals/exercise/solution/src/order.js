import { readFile } from 'node:fs';

/**
 * Schedules five labelled callbacks from inside an I/O callback and resolves
 * with the order in which the event loop ran them.
 *
 * @returns {Promise<string[]>}
 */
export function recordOrder() {
  return new Promise((resolve, reject) => {
    readFile(import.meta.filename, (err) => {
      if (err) {
        reject(err);
        return;
      }
      const order = [];
      // Scheduled in "wrong" order on purpose: the loop decides, not the source.
      setTimeout(() => {
        order.push('timeout'); // timers phase of the NEXT loop iteration
        resolve(order);
      }, 0);
      setImmediate(() => order.push('immediate')); // check phase, right after poll
      Promise.resolve().then(() => order.push('promise')); // microtask queue
      process.nextTick(() => order.push('nextTick')); // drained before microtasks
      order.push('sync'); // runs now, before anything queued
    });
  });
}
