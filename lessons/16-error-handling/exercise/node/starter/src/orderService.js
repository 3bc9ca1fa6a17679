import { OrderFailed, ValidationFailed } from './errors.js';

/**
 * Validates the lines, then writes the order and its lines in ONE transaction.
 * @param {import('node:sqlite').DatabaseSync} db
 * @param {number} customerId
 * @param {{ sku: string, quantity: number }[]} lines
 * @returns {number} the id of the new order
 */
export function placeOrder(db, customerId, lines) {
  throw new Error('not implemented: placeOrder() in src/orderService.js');
}
