import { OrderFailed, ValidationFailed } from './errors.js';

/**
 * Validates the lines (each quantity a whole number >= 1, whatever type the JSON sent), then writes
 * the order and its lines in ONE transaction.
 * @param {import('node:sqlite').DatabaseSync} db
 * @param {number} customerId
 * @param {{ sku: string, quantity: unknown }[]} lines (from a parsed JSON body)
 * @returns {number} the id of the new order
 */
export function placeOrder(db, customerId, lines) {
  throw new Error('not implemented: placeOrder() in src/orderService.js');
}
