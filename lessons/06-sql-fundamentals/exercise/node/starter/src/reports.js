// Read-only reports over the shop database (customers, orders, order_items).
//
// Rules for every method:
// - Write the SQL yourself; list the columns you need (no SELECT *).
// - Never put a variable inside an SQL string (no `${...}` in SQL, no '... ' + value):
//   use db.prepare() with placeholders (? or :name) and pass the values to all()/get()/run().
// - Return plain arrays exactly in the shape described above each method.

export class Reports {
  /** @param {import('node:sqlite').DatabaseSync} db */
  constructor(db) {
    this.db = db;
  }

  /**
   * Total revenue per customer (sum of quantity * unit_price_cents over all of their order
   * items), for customers who bought at least one item and whose total is at least minCents.
   * Sorted by revenue, highest first; ties by email ascending.
   * @param {number} minCents
   * @returns {{ email: string, revenueCents: number }[]}
   */
  revenueByCustomer(minCents) {
    throw new Error('Not implemented yet: revenueByCustomer()');
  }

  /**
   * Emails of customers who have never placed an order, sorted ascending.
   * @returns {string[]}
   */
  customersWithoutOrders() {
    throw new Error('Not implemented yet: customersWithoutOrders()');
  }

  /**
   * Every customer with their number of orders (0 when they have none), sorted by email.
   * @returns {{ email: string, orders: number }[]}
   */
  orderCounts() {
    throw new Error('Not implemented yet: orderCounts()');
  }

  /**
   * The orders of the customer with exactly this email (no wildcards, case as given), oldest
   * first (created_at, then id). Unknown email: an empty array.
   * @param {string} email
   * @returns {{ id: number, createdAt: string }[]}
   */
  ordersForEmail(email) {
    throw new Error('Not implemented yet: ordersForEmail()');
  }

  /**
   * Create the indexes these reports need: at least one that lets
   * "... FROM orders WHERE customer_id = ?" seek instead of scanning. Safe to call twice.
   */
  createIndexes() {
    throw new Error('Not implemented yet: createIndexes()');
  }
}
