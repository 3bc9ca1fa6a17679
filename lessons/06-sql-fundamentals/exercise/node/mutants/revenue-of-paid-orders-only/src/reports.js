// Read-only reports over the shop database (customers, orders, order_items).
// Every value travels as a bound parameter; the SQL strings are constants.

export class Reports {
  /** @param {import('node:sqlite').DatabaseSync} db */
  constructor(db) {
    this.db = db;
  }

  /** @returns {{ email: string, revenueCents: number }[]} */
  revenueByCustomer(minCents) {
    const rows = this.db.prepare(
      `SELECT c.email, SUM(i.quantity * i.unit_price_cents) AS revenue_cents
         FROM customers AS c
         JOIN orders AS o ON o.customer_id = c.id
         JOIN order_items AS i ON i.order_id = o.id
        WHERE o.status = 'paid'
        GROUP BY c.id, c.email
       HAVING SUM(i.quantity * i.unit_price_cents) >= :min
        ORDER BY revenue_cents DESC, c.email ASC`,
    ).all({ min: minCents });
    return rows.map((row) => ({ email: row.email, revenueCents: row.revenue_cents }));
  }

  /** @returns {string[]} */
  customersWithoutOrders() {
    const rows = this.db.prepare(
      `SELECT c.email
         FROM customers AS c
         LEFT JOIN orders AS o ON o.customer_id = c.id
        WHERE o.id IS NULL
        ORDER BY c.email`,
    ).all();
    return rows.map((row) => row.email);
  }

  /** @returns {{ email: string, orders: number }[]} */
  orderCounts() {
    const rows = this.db.prepare(
      `SELECT c.email, COUNT(o.id) AS orders
         FROM customers AS c
         LEFT JOIN orders AS o ON o.customer_id = c.id
        GROUP BY c.id, c.email
        ORDER BY c.email`,
    ).all();
    return rows.map((row) => ({ email: row.email, orders: row.orders }));
  }

  /** @returns {{ id: number, createdAt: string }[]} */
  ordersForEmail(email) {
    const rows = this.db.prepare(
      `SELECT o.id, o.created_at
         FROM orders AS o
         JOIN customers AS c ON c.id = o.customer_id
        WHERE c.email = ?
        ORDER BY o.created_at, o.id`,
    ).all(email);
    return rows.map((row) => ({ id: row.id, createdAt: row.created_at }));
  }

  createIndexes() {
    this.db.exec('CREATE INDEX IF NOT EXISTS idx_orders_customer_created ON orders (customer_id, created_at)');
    this.db.exec('CREATE INDEX IF NOT EXISTS idx_order_items_order ON order_items (order_id)');
  }
}
