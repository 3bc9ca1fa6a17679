import { OrderFailed, ValidationFailed } from './errors.js';

/** Every invalid field at once, so the client can fix them in one go. */
function validate(lines) {
  if (lines.length === 0) {
    throw new ValidationFailed([{ pointer: '/lines', detail: 'must contain at least one line' }]);
  }
  const errors = [];
  lines.forEach((line, index) => {
    if (!(Number.isInteger(line.quantity) && line.quantity >= 1)) errors.push({ pointer: `/lines/${index}/quantity`, detail: 'must be a whole number of at least 1' });
  });
  if (errors.length > 0) throw new ValidationFailed(errors);
}

/**
 * Validates the lines, then writes the order and its lines in ONE transaction.
 * @param {import('node:sqlite').DatabaseSync} db
 * @param {number} customerId
 * @param {{ sku: string, quantity: number }[]} lines
 * @returns {number} the id of the new order
 */
export function placeOrder(db, customerId, lines) {
  validate(lines); // before BEGIN: a client mistake never opens a transaction

  db.exec('BEGIN');
  try {
    const { lastInsertRowid } = db.prepare('INSERT INTO orders (customer_id) VALUES (?)').run(customerId);
    const orderId = Number(lastInsertRowid);
    const insertLine = db.prepare('INSERT INTO order_lines (order_id, sku, quantity) VALUES (?, ?, ?)');
    for (const line of lines) insertLine.run(orderId, line.sku, line.quantity);
    db.exec('COMMIT');
    return orderId;
  } catch (err) {
    // Whatever was thrown (even a value that is not an Error), leave no half-written order behind.
    db.exec('ROLLBACK');
    if (err?.code === 'ERR_SQLITE_ERROR') {
      throw new OrderFailed(`Could not place order for customer ${customerId}: ${err.message}`);
    }
    throw err; // a bug: rolled back, passed on unchanged
  }
}
