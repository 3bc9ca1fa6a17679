// Test helpers: a fresh shop database per test, a database wrapper that counts the rows handed to
// JavaScript and records every SQL text, a seeded random shop with independently computed reports,
// and a small scan of the source for SQL strings built from variables.
import { readFileSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';

const FIXTURE = readFileSync(new URL('./fixtures/shop.sql', import.meta.url), 'utf8');

/** Plain copies, so rows with a null prototype compare equal to object literals. */
export const plain = (value) => (Array.isArray(value) ? value.map(plain) : value !== null && typeof value === 'object' ? { ...value } : value);

/**
 * Opens an in-memory copy of tests/fixtures/shop.sql. `db` is the real database (for the tests);
 * `watched` is the same database seen through a wrapper that counts every row a statement returns
 * (all, get, iterate) and records the SQL text of every prepare() and exec(): give it to Reports.
 */
export function openShop() {
  const db = new DatabaseSync(':memory:');
  db.exec('PRAGMA foreign_keys = ON');
  db.exec(FIXTURE);
  const stats = { rowsFetched: 0, sqlTexts: [] };
  const statement = (stmt) => new Proxy(stmt, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target);
      if (typeof value !== 'function') return value;
      if (prop === 'all') return (...args) => { const rows = target.all(...args); stats.rowsFetched += rows.length; return rows; };
      if (prop === 'get') return (...args) => { const row = target.get(...args); if (row !== undefined) stats.rowsFetched += 1; return row; };
      if (prop === 'iterate') return function* iterate(...args) { for (const row of target.iterate(...args)) { stats.rowsFetched += 1; yield row; } };
      return value.bind(target);
    },
  });
  const watched = new Proxy(db, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target);
      if (typeof value !== 'function') return value;
      if (prop === 'prepare') return (sql, ...rest) => { stats.sqlTexts.push(String(sql)); return statement(target.prepare(sql, ...rest)); };
      if (prop === 'exec') return (sql) => { stats.sqlTexts.push(String(sql)); return target.exec(sql); };
      return value.bind(target);
    },
  });
  return { db, watched, stats };
}

/** A small seeded generator (mulberry32), so a "random" shop is the same on every run. */
export function seededRandom(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return (min, max) => min + Math.floor(next() * (max - min + 1));
}

const STATUSES = ['paid', 'open', 'shipped', 'refunded'];
const byText = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Replaces the fixture with a shop generated from `seed` and returns the expected reports,
 * computed here in JavaScript from the generated rows (not by SQL).
 */
export function replaceWithSeededRandomShop(db, seed) {
  const rand = seededRandom(seed);
  db.exec('DELETE FROM order_items; DELETE FROM orders; DELETE FROM customers');
  const insertCustomer = db.prepare('INSERT INTO customers (id, email, name) VALUES (?, ?, ?)');
  const insertOrder = db.prepare('INSERT INTO orders (id, customer_id, created_at, status) VALUES (?, ?, ?, ?)');
  const insertItem = db.prepare('INSERT INTO order_items (order_id, product, quantity, unit_price_cents) VALUES (?, ?, ?, ?)');
  const names = ['zoe', 'ali', 'mia', 'bob', 'kim', 'lea', 'tom', 'ida', 'sam', 'eva', 'noa', 'jon', 'uma', 'raj'];

  const revenue = new Map();
  const counts = new Map();
  const orders = new Map();
  let orderId = 100;
  names.forEach((name, i) => {
    const customerId = 50 - 3 * i; // ids deliberately not in email order
    const email = `${name}@example.net`;
    insertCustomer.run(customerId, email, name[0].toUpperCase() + name.slice(1));
    counts.set(email, 0);
    orders.set(email, []);
    const orderCount = rand(0, 4);
    for (let o = 0; o < orderCount; o += 1) {
      orderId += rand(1, 3);
      const day = `2026-0${rand(1, 3)}-0${rand(1, 4)}`; // few days: same-day ties
      insertOrder.run(orderId, customerId, day, STATUSES[rand(0, STATUSES.length - 1)]); // revenue ignores the status
      counts.set(email, counts.get(email) + 1);
      orders.get(email).push({ id: orderId, createdAt: day });
      const items = rand(0, 4); // 0: an order without items yet
      for (let it = 0; it < items; it += 1) {
        const quantity = rand(1, 5);
        const price = 50 * rand(1, 90);
        insertItem.run(orderId, `P${rand(1, 99)}`, quantity, price);
        revenue.set(email, (revenue.get(email) ?? 0) + quantity * price);
      }
    }
    orders.get(email).sort((a, b) => byText(a.createdAt, b.createdAt) || a.id - b.id);
  });
  // Two extra customers with identical spending: a revenue tie.
  for (const [email, customerId] of [['yan@example.net', 70], ['abe@example.net', 71]]) {
    insertCustomer.run(customerId, email, 'Twin');
    orderId += 1;
    insertOrder.run(orderId, customerId, '2026-02-02', 'paid');
    insertItem.run(orderId, 'Twin lamp', 3, 7000);
    revenue.set(email, 21000);
    counts.set(email, 1);
    orders.set(email, [{ id: orderId, createdAt: '2026-02-02' }]);
  }

  const ranked = [...revenue].map(([email, revenueCents]) => ({ email, revenueCents }))
    .sort((a, b) => b.revenueCents - a.revenueCents || byText(a.email, b.email));
  const emails = [...counts.keys()].sort(byText);
  return {
    revenue: (min) => ranked.filter((row) => row.revenueCents >= min),
    without: emails.filter((email) => counts.get(email) === 0),
    counts: emails.map((email) => ({ email, orders: counts.get(email) })),
    orders,
  };
}

const SQL_WORDS = /\b(SELECT|INSERT|UPDATE|DELETE|WHERE|FROM|JOIN|HAVING|VALUES|INDEX|ORDER BY)\b/i;

/**
 * Finds SQL strings built from variables: `... WHERE email = '${email}'` (interpolation in an
 * untagged template literal) and 'WHERE email = ' + email (concatenation). A teaching aid that
 * understands comments, quotes and nested templates, not a full JavaScript parser.
 * @returns {string[]} "line N: ..." descriptions
 */
export function findInterpolatedSql(source) {
  const offences = [];
  const lineOf = (index) => source.slice(0, index).split('\n').length;
  const concatenated = (start, end) => /[\w$)\]]\s*\+\s*$/.test(source.slice(Math.max(0, start - 60), start))
    || /^\s*\+\s*[\w$(]/.test(source.slice(end, end + 60));

  function quoted(start) {
    const quote = source[start];
    let i = start + 1;
    while (i < source.length && source[i] !== quote && source[i] !== '\n') i += source[i] === '\\' ? 2 : 1;
    if (SQL_WORDS.test(source.slice(start + 1, i)) && concatenated(start, i + 1)) {
      offences.push(`line ${lineOf(start)}: variable concatenated to an SQL string`);
    }
    return i + 1;
  }

  function template(start) {
    let i = start + 1;
    let text = '';
    let interpolated = false;
    while (i < source.length && source[i] !== '`') {
      if (source[i] === '\\') { text += source.slice(i, i + 2); i += 2; continue; }
      if (source[i] === '$' && source[i + 1] === '{') { interpolated = true; text += ' '; i = code(i + 2, true); continue; }
      text += source[i];
      i += 1;
    }
    const tagged = start > 0 && /[\w$)\]]/.test(source[start - 1]);
    if (SQL_WORDS.test(text) && !tagged) {
      if (interpolated) offences.push(`line ${lineOf(start)}: variable interpolated into an SQL template literal`);
      else if (concatenated(start, i + 1)) offences.push(`line ${lineOf(start)}: variable concatenated to an SQL string`);
    }
    return i + 1;
  }

  function code(start, untilBrace) {
    let i = start;
    let depth = 0;
    while (i < source.length) {
      const ch = source[i];
      if (ch === '/' && source[i + 1] === '/') { const end = source.indexOf('\n', i); i = end < 0 ? source.length : end; continue; }
      if (ch === '/' && source[i + 1] === '*') { const end = source.indexOf('*/', i + 2); i = end < 0 ? source.length : end + 2; continue; }
      if (ch === "'" || ch === '"') { i = quoted(i); continue; }
      if (ch === '`') { i = template(i); continue; }
      if (ch === '{') depth += 1;
      if (ch === '}') {
        if (untilBrace && depth === 0) return i + 1;
        depth -= 1;
      }
      i += 1;
    }
    return i;
  }

  code(0, false);
  return offences;
}
