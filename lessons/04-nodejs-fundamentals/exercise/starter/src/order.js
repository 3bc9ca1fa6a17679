import { readFile } from 'node:fs';

/**
 * Part A — predict the event loop.
 *
 * Call readFile() on this very file (use import.meta.filename). Inside its
 * callback, and only there, schedule five pieces of work that each push a label
 * into one array:
 *
 *   'sync'      pushed directly in the callback body
 *   'nextTick'  pushed from process.nextTick(...)
 *   'promise'   pushed from Promise.resolve().then(...)
 *   'immediate' pushed from setImmediate(...)
 *   'timeout'   pushed from setTimeout(..., 0)
 *
 * Schedule them in the order you like: the event loop decides the order in
 * which they run. Resolve the returned promise with the array once all five
 * labels are in it. Reject it if readFile fails.
 *
 * @returns {Promise<string[]>}
 */
export function recordOrder() {
  throw new Error('Not implemented yet: recordOrder() in src/order.js');
}
