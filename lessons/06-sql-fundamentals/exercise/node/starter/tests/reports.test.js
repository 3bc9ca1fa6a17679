import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Reports } from '../src/reports.js';
import { findInterpolatedSql, openShop, plain, replaceWithSeededRandomShop } from './helpers.js';

function setUp() {
  const shop = openShop();
  return { ...shop, reports: new Reports(shop.watched) };
}

// --- The fixture from tests/fixtures/shop.sql ------------------------------

test('revenueByCustomer keeps only big spenders, sorted by revenue', () => {
  const { reports } = setUp();
  assert.deepEqual(plain(reports.revenueByCustomer(10000)), [
    { email: 'ann@example.com', revenueCents: 17500 },
    { email: 'ben@example.com', revenueCents: 16000 },
  ], 'revenueByCustomer(10000) must JOIN orders and order_items, GROUP BY customer, keep totals >= 10000 with HAVING ... >= ? and sort by revenue DESC');
});

test('revenueByCustomer with a zero minimum lists every buyer once', () => {
  const { reports } = setUp();
  assert.deepEqual(plain(reports.revenueByCustomer(0)), [
    { email: 'ann@example.com', revenueCents: 17500 },
    { email: 'ben@example.com', revenueCents: 16000 },
    { email: 'dev@example.com', revenueCents: 800 },
  ], 'revenueByCustomer(0) must return one { email, revenueCents } per customer who bought something, revenueCents = SUM(quantity * unit_price_cents) as a number');
});

test('customersWithoutOrders lists the customers with no order', () => {
  const { reports } = setUp();
  assert.deepEqual(plain(reports.customersWithoutOrders()), ['cleo@example.com', 'eve@example.com'],
    'customersWithoutOrders() must LEFT JOIN orders and keep rows WHERE the order id IS NULL, returning a flat array of emails sorted ascending');
});

test('orderCounts includes customers with zero orders', () => {
  const { reports } = setUp();
  assert.deepEqual(plain(reports.orderCounts()), [
    { email: 'ann@example.com', orders: 2 },
    { email: 'ben@example.com', orders: 2 },
    { email: 'cleo@example.com', orders: 0 },
    { email: 'dev@example.com', orders: 1 },
    { email: 'eve@example.com', orders: 0 },
  ], 'orderCounts() must list every customer (LEFT JOIN orders only, not order_items) and count with COUNT(o.id), not COUNT(*), so customers without orders get 0');
});

test("ordersForEmail returns that customer's orders", () => {
  const { reports } = setUp();
  assert.deepEqual(plain(reports.ordersForEmail('ben@example.com')), [
    { id: 3, createdAt: '2026-01-20' },
    { id: 5, createdAt: '2026-03-15' },
  ], "ordersForEmail() must return { id, createdAt } for that customer's orders, oldest first");
  assert.deepEqual(plain(reports.ordersForEmail('nobody@example.com')), [], 'ordersForEmail() must return [] for an unknown email');
});

// --- The same reports on data the fixture does not contain -----------------

test('reports follow new rows instead of the fixture', () => {
  const { db, reports } = setUp();
  // Fay spends exactly as much as Ben (a tie, broken by email), Dev buys more (an order that is
  // shipped, not 'paid': revenue counts every order's items, whatever its status), and Gus has an
  // order that is still empty.
  db.exec(`INSERT INTO customers (id, email, name) VALUES (6, 'fay@example.com', 'Fay'), (7, 'gus@example.com', 'Gus');
           INSERT INTO orders (id, customer_id, created_at, status) VALUES
             (6, 6, '2026-04-01', 'paid'), (7, 4, '2026-04-02', 'shipped'), (8, 7, '2026-04-03', 'open');
           INSERT INTO order_items (order_id, product, quantity, unit_price_cents) VALUES
             (6, 'Desk', 1, 16000), (7, 'Chair', 4, 2300)`);

  assert.deepEqual(plain(reports.revenueByCustomer(10000)), [
    { email: 'ann@example.com', revenueCents: 17500 },
    { email: 'ben@example.com', revenueCents: 16000 },
    { email: 'fay@example.com', revenueCents: 16000 },
    { email: 'dev@example.com', revenueCents: 10000 },
  ], 'revenueByCustomer() must compute totals from the rows in the database (here with new customers and orders), keep totals >= the minimum (10000 itself included) and break revenue ties by email. Revenue sums the items of every order, whatever its status (no WHERE o.status filter)');
  assert.deepEqual(plain(reports.revenueByCustomer(17501)), [],
    'revenueByCustomer(17501) must return [] when nobody reaches the minimum: filter with HAVING ... >= ?');
  assert.deepEqual(plain(reports.customersWithoutOrders()), ['cleo@example.com', 'eve@example.com'],
    'customersWithoutOrders() must not list gus@example.com: he has an order, even if it has no items yet (join orders only)');
  assert.deepEqual(plain(reports.orderCounts()), [
    { email: 'ann@example.com', orders: 2 },
    { email: 'ben@example.com', orders: 2 },
    { email: 'cleo@example.com', orders: 0 },
    { email: 'dev@example.com', orders: 2 },
    { email: 'eve@example.com', orders: 0 },
    { email: 'fay@example.com', orders: 1 },
    { email: 'gus@example.com', orders: 1 },
  ], 'orderCounts() must count orders per customer from the database, including an order without items');
});

test('a seeded random shop matches reports computed independently', () => {
  const { db, reports } = setUp();
  const expected = replaceWithSeededRandomShop(db, 20261201);

  for (const min of [0, 1, 5000, 20000, 45000]) {
    assert.deepEqual(plain(reports.revenueByCustomer(min)), expected.revenue(min),
      `revenueByCustomer(${min}) is wrong on a generated shop: SUM(quantity * unit_price_cents) per customer over JOIN orders + order_items, totals >= the minimum, revenue DESC then email ASC`);
  }
  assert.deepEqual(plain(reports.customersWithoutOrders()), expected.without,
    'customersWithoutOrders() is wrong on a generated shop: LEFT JOIN orders ... WHERE o.id IS NULL, sorted by email');
  assert.deepEqual(plain(reports.orderCounts()), expected.counts,
    'orderCounts() is wrong on a generated shop: LEFT JOIN orders, COUNT(o.id), GROUP BY customer, sorted by email');
  for (const [email, orders] of expected.orders) {
    assert.deepEqual(plain(reports.ordersForEmail(email)), orders,
      `ordersForEmail('${email}') is wrong on a generated shop: that customer's orders by created_at, then id`);
  }
});

test('aggregation and filtering happen in SQL', () => {
  const { db, stats, reports } = setUp();
  const expected = replaceWithSeededRandomShop(db, 7);

  stats.rowsFetched = 0;
  const rich = plain(reports.revenueByCustomer(20000));
  assert.deepEqual(rich, expected.revenue(20000), 'revenueByCustomer(20000) is wrong on a generated shop');
  assert.ok(stats.rowsFetched <= rich.length,
    `revenueByCustomer() fetched ${stats.rowsFetched} rows into JavaScript to return ${rich.length}: aggregate with SUM ... GROUP BY and filter with HAVING in SQL, so the database returns one row per reported customer`);

  stats.rowsFetched = 0;
  const counts = plain(reports.orderCounts());
  assert.deepEqual(counts, expected.counts, 'orderCounts() is wrong on a generated shop');
  assert.ok(stats.rowsFetched <= counts.length,
    `orderCounts() fetched ${stats.rowsFetched} rows into JavaScript to return ${counts.length}: count with COUNT(o.id) ... GROUP BY in SQL instead of counting order rows in JavaScript`);
});

// --- Injection, exact matching, indexes, source ----------------------------

test('ordersForEmail is not injectable', () => {
  const { db, reports } = setUp();
  assert.deepEqual(plain(reports.ordersForEmail("x' OR '1'='1")), [],
    'ordersForEmail() returned rows for an injection string: pass the email as a parameter (prepare(... = ?).all(email)), never put it into the SQL text');
  assert.equal(db.prepare('SELECT COUNT(*) AS n FROM order_items WHERE order_id IN (1, 2)').get().n, 3,
    'the fixture changed while ordersForEmail() ran: never build SQL from the email');
});

test('ordersForEmail matches the email exactly and breaks same-day ties by id', () => {
  const { db, reports } = setUp();
  // Two more of Ben's orders, one on the same day as order 3: the id breaks the tie. The index
  // makes SQLite read Ben's orders by status, not by id, so a missing tie-breaker shows.
  db.exec("INSERT INTO orders (id, customer_id, created_at, status) VALUES (9, 2, '2026-01-20', 'refunded'), (10, 2, '2026-01-19', 'paid')");
  db.exec('CREATE INDEX test_orders_customer_status ON orders (customer_id, status DESC)');

  assert.deepEqual(plain(reports.ordersForEmail('ben@example.com')), [
    { id: 10, createdAt: '2026-01-19' },
    { id: 3, createdAt: '2026-01-20' },
    { id: 9, createdAt: '2026-01-20' },
    { id: 5, createdAt: '2026-03-15' },
  ], 'ordersForEmail() must sort by created_at and then by id, so orders of the same day come out in a fixed order');
  for (const pattern of ['%', 'ben%', 'BEN@example.com', 'ben@example.co_']) {
    assert.deepEqual(plain(reports.ordersForEmail(pattern)), [],
      `ordersForEmail('${pattern}') must return []: compare with = ?, not LIKE, so % and _ are not wildcards and case matters`);
  }
});

test('createIndexes lets the customer lookup seek', () => {
  const { db, reports } = setUp();
  const sql = 'SELECT id FROM orders WHERE customer_id = ?';
  reports.createIndexes();
  assert.doesNotThrow(() => reports.createIndexes(), 'createIndexes() failed when called a second time: use CREATE INDEX IF NOT EXISTS');

  const details = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(1).map((row) => row.detail).join(' | ');
  assert.match(details, /SEARCH .*USING (COVERING )?INDEX/,
    `After createIndexes(), "${sql}" must SEARCH an index (plan was: ${details}). Create an index whose first column is orders.customer_id, with IF NOT EXISTS`);
});

test('values reach the database as bound parameters, not as SQL text', () => {
  // Escaping by hand (replaceAll("'", "''"), JSON.stringify) stops this one injection string but
  // is still SQL built from input: the value must travel apart from the SQL text.
  const { db, stats, reports } = setUp();
  db.exec("INSERT INTO customers (id, email, name) VALUES (90, 'o''hara-7731@example.org', 'O''Hara')");
  db.exec("INSERT INTO orders (id, customer_id, created_at, status) VALUES (90, 90, '2026-05-05', 'paid')");
  db.exec("INSERT INTO order_items (order_id, product, quantity, unit_price_cents) VALUES (90, 'Kettle', 1, 43219)");

  stats.sqlTexts = [];
  assert.deepEqual(plain(reports.ordersForEmail("o'hara-7731@example.org")), [{ id: 90, createdAt: '2026-05-05' }],
    `ordersForEmail("o'hara-7731@example.org") must find that customer's order: an apostrophe is a normal character in a bound value`);
  for (const sql of stats.sqlTexts) {
    assert.ok(!sql.toLowerCase().includes('hara-7731'),
      `ordersForEmail() put the email into the SQL text (${sql.replace(/\s+/g, ' ').trim()}). Quoting or escaping it yourself is still SQL built from input: write a placeholder (= ? or = :email) and pass the email to all()`);
  }

  stats.sqlTexts = [];
  const rows = plain(reports.revenueByCustomer(43219));
  assert.ok(rows.some((row) => row.email === "o'hara-7731@example.org" && row.revenueCents === 43219),
    'revenueByCustomer(43219) must include a customer whose total is exactly 43219');
  for (const sql of stats.sqlTexts) {
    assert.ok(!sql.includes('43219'),
      `revenueByCustomer() put the minimum into the SQL text (${sql.replace(/\s+/g, ' ').trim()}). Even a number is input: write HAVING ... >= ? and pass the number to all()`);
  }
});

test('the source never interpolates variables into SQL', () => {
  const source = readFileSync(new URL('../src/reports.js', import.meta.url), 'utf8');
  assert.deepEqual(findInterpolatedSql(source), [],
    'src/reports.js builds SQL from variables on these lines; use placeholders (?, :name) and pass the values to all()/get()/run() instead');
});
