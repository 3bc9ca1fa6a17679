import { readFile } from 'node:fs';

/**
 * Part A — predict the event loop.
 *
 * `tasks` is a list of [kind, label] pairs, for example
 *   [['timeout', 't1'], ['sync', 's1'], ['promise', 'p1'], ['immediate', 'i1'], ['nextTick', 'n1']]
 *
 * Call readFile() on this very file (use import.meta.filename). Inside its
 * callback, and only there, schedule every task with the mechanism its kind names;
 * when the task runs, it pushes its label into one array:
 *
 *   'sync'      pushed directly in the callback body
 *   'nextTick'  pushed from process.nextTick(...)
 *   'promise'   pushed from Promise.resolve().then(...)
 *   'immediate' pushed from setImmediate(...)
 *   'timeout'   pushed from setTimeout(..., 0)
 *
 * Use the global functions (not imports from node:timers). Schedule the tasks in the
 * order given: the event loop decides the order in which they run. Resolve the
 * returned promise with the array once every label is in it. Reject it if readFile
 * fails or a kind is unknown.
 *
 * @param {Array<[string, string]>} tasks
 * @returns {Promise<string[]>}
 */
export function recordOrder(tasks) {
  throw new Error('Not implemented yet: recordOrder() in src/order.js');
}
