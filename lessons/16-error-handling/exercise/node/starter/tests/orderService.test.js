import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { placeOrder } from '../src/orderService.js';
import { OrderFailed, ValidationFailed } from '../src/errors.js';
import { inTransaction, orderDb, rowCount, thrownBy } from './helpers.js';

/** A line whose sku cannot be read: stands in for any bug inside the transaction that is not a database error. */
const lineThatThrows = (thrown) => ({
  get sku() {
    throw thrown;
  },
  quantity: 1,
});

/** placeOrder() on an order that is valid: a ValidationFailed here is a wrong rule, reported as such. */
function placeValid(db, customerId, lines) {
  try {
    return placeOrder(db, customerId, lines);
  } catch (err) {
    if (!(err instanceof ValidationFailed)) throw err;
    assert.fail(`placeOrder() rejected a valid order (${JSON.stringify(err.errors)}): every whole number of 1 or more is a valid quantity; reject only values that are not whole numbers or are below 1`);
  }
}

test('placeOrder() stores the order with its lines and returns its id', () => {
  const db = orderDb();
  const id = placeValid(db, 7, [{ sku: 'A-1', quantity: 2 }, { sku: 'B-2', quantity: 1 }]);
  assert.equal(rowCount(db, 'orders'), 1, 'placeOrder() must insert one row into orders');
  assert.equal(rowCount(db, 'order_lines'), 2, 'placeOrder() must insert one row per line into order_lines');
  assert.equal(id, 1, 'placeOrder() must return the new order id as a number (Number(lastInsertRowid) of the orders insert)');
  assert.equal(inTransaction(db), false, 'run COMMIT after the last line insert, so the transaction does not stay open');
});

test('each order gets its own id and its own lines', () => {
  const db = orderDb();
  const first = placeValid(db, 3, [{ sku: 'A-1', quantity: 1 }]);
  const customer = randomInt(10, 999);
  const lines = Array.from({ length: randomInt(2, 6) }, (_, i) => ({ sku: `SKU-${i}`, quantity: randomInt(1, 10) }));
  const second = placeValid(db, customer, lines);
  assert.notEqual(second, first, 'every order gets a new id: return the lastInsertRowid of the orders insert, not a fixed number');
  const stored = db.prepare('SELECT customer_id FROM orders WHERE id = ?').get(second);
  assert.equal(stored?.customer_id, customer, 'return the id of the order row you inserted (the orders insert, not a line insert, whose row ids differ)');
  const rows = db.prepare('SELECT sku, quantity FROM order_lines WHERE order_id = ? ORDER BY rowid').all(second);
  assert.deepEqual(rows.map((r) => ({ ...r })), lines, 'store each line with the new order id, its sku and its quantity');
});

test('a failed line insert rolls back the whole order and is wrapped in OrderFailed', () => {
  const db = orderDb();
  const thrown = thrownBy(() => placeOrder(db, 7, [{ sku: 'A-1', quantity: 2 }, { sku: 'BROKEN', quantity: 1 }]));
  assert.ok(thrown, 'a database failure inside placeOrder() must not be swallowed: roll back, then throw');
  assert.ok(thrown.value instanceof OrderFailed, 'wrap a node:sqlite error (err.code === "ERR_SQLITE_ERROR") in OrderFailed: throw new OrderFailed(message, { cause: err })');
  assert.equal(thrown.value.cause?.code, 'ERR_SQLITE_ERROR', 'chain the original database error as the cause: new OrderFailed(message, { cause: err })');
  assert.equal(inTransaction(db), false, 'run ROLLBACK before throwing; do not leave the transaction open');
  assert.equal(rowCount(db, 'orders'), 0, 'the order row must be rolled back when a line insert fails (no half-written orders)');
  assert.equal(rowCount(db, 'order_lines'), 0, 'the lines written before the failure must be rolled back too');
  placeValid(db, 8, [{ sku: 'C-3', quantity: 1 }]);
  assert.equal(rowCount(db, 'orders'), 1, 'after a failed order the connection must still work for the next one');
});

test('a bug inside the transaction rolls back and reaches the caller unchanged', () => {
  const db = orderDb();
  const bug = new TypeError("Cannot read properties of undefined (reading 'price')");
  const thrown = thrownBy(() => placeOrder(db, 7, [{ sku: 'A-1', quantity: 2 }, lineThatThrows(bug)]));
  assert.ok(thrown, 'a failure inside placeOrder() must not be swallowed: roll back, then rethrow it');
  assert.equal(inTransaction(db), false, 'roll back on anything thrown, not only on database errors: catch (err) { db.exec("ROLLBACK"); ... throw ...; }');
  assert.equal(rowCount(db, 'orders'), 0, 'a failure that is not a database error must roll back the order row too');
  assert.equal(thrown.value, bug, 'rethrow an error that is not a database error unchanged (throw err): only a node:sqlite error is an infrastructure failure to wrap in OrderFailed; wrapping a bug hides what it is');
});

test('only a node:sqlite error is wrapped, not any error that has a code', () => {
  const db = orderDb();
  // A JSON body sent the sku as an array: node:sqlite refuses to bind it (a TypeError with the code
  // ERR_INVALID_ARG_TYPE). And a pricing call that timed out (code ETIMEDOUT). Neither is the
  // database failing: both are rolled back and passed on unchanged.
  const badBinding = thrownBy(() => placeOrder(db, 7, [{ sku: 'A-1', quantity: 2 }, { sku: ['B-2'], quantity: 1 }]));
  assert.ok(badBinding, 'a failure inside placeOrder() must not be swallowed: roll back, then rethrow it');
  assert.equal(inTransaction(db), false, 'roll back on anything thrown inside the transaction');
  assert.ok(!(badBinding.value instanceof OrderFailed) && badBinding.value?.code === 'ERR_INVALID_ARG_TYPE',
    `a ${badBinding.value?.code} error was wrapped in OrderFailed: wrap only err.code === 'ERR_SQLITE_ERROR' (the database failed) and rethrow every other error unchanged, whatever code it carries`);
  const timeout = Object.assign(new Error(`pricing service timed out after ${randomInt(100, 999)} ms`), { code: 'ETIMEDOUT' });
  const thrown = thrownBy(() => placeOrder(db, 7, [{ sku: 'A-1', quantity: 2 }, lineThatThrows(timeout)]));
  assert.equal(thrown?.value, timeout, 'an error with the code ETIMEDOUT is not a node:sqlite error: rethrow it unchanged (compare err.code with ERR_SQLITE_ERROR exactly)');
  assert.equal(rowCount(db, 'orders'), 0, 'both failed orders must be rolled back');
});

test('a thrown value that is not an Error rolls back too', () => {
  const db = orderDb();
  const odd = { reason: `pricing service said no ${randomInt(1, 999)}` };
  const thrown = thrownBy(() => placeOrder(db, 7, [{ sku: 'A-1', quantity: 2 }, lineThatThrows(odd)]));
  assert.equal(thrown?.value, odd, 'a thrown value that is not an Error must reach the caller unchanged');
  assert.equal(inTransaction(db), false, 'JavaScript can throw anything: roll back whatever was caught, without checking instanceof Error first');
  assert.equal(rowCount(db, 'orders'), 0, 'a non-Error thrown inside the transaction must roll back the order row too');
});

test('an empty order is a validation error', () => {
  const db = orderDb();
  const thrown = thrownBy(() => placeOrder(db, 7, []));
  assert.ok(thrown?.value instanceof ValidationFailed, 'check the lines before writing: an empty list throws ValidationFailed with the pointer /lines');
  assert.equal(thrown.value.errors?.[0]?.pointer, '/lines', 'point the error at "/lines"');
  assert.equal(inTransaction(db), false, 'validate before BEGIN: a validation error must not leave a transaction open');
  assert.equal(rowCount(db, 'orders'), 0, 'validate before writing anything to the database');
});

test('a quantity below 1 is a validation error, and 1 is valid', () => {
  const db = orderDb();
  const thrown = thrownBy(() => placeOrder(db, 7, [{ sku: 'A-1', quantity: 2 }, { sku: 'B-2', quantity: 0 }]));
  assert.ok(thrown?.value instanceof ValidationFailed, 'check every line before writing: a quantity below 1 throws ValidationFailed');
  assert.equal(thrown.value.errors?.[0]?.pointer, '/lines/1/quantity', 'point the error at the field, e.g. "/lines/1/quantity" for the second line');
  assert.equal(inTransaction(db), false, 'validate before BEGIN: a validation error must not leave a transaction open');
  assert.equal(rowCount(db, 'orders'), 0, 'validate before writing anything to the database');
  assert.equal(thrownBy(() => placeOrder(db, 7, [{ sku: 'A-1', quantity: 1 }])), undefined, 'a quantity of exactly 1 is valid: reject only quantities below 1');
  assert.equal(rowCount(db, 'orders'), 1, 'a valid order placed after a rejected one must be stored');
});

test('every invalid line is reported with its own index', () => {
  for (let round = 0; round < 5; round += 1) {
    const db = orderDb();
    const count = randomInt(4, 9);
    const expected = [];
    const lines = Array.from({ length: count }, (_, i) => {
      const bad = i % 2 === 1 || randomInt(0, 3) === 0;
      if (bad) expected.push(`/lines/${i}/quantity`);
      return { sku: `SKU-${i}`, quantity: bad ? randomInt(-3, 1) : randomInt(1, 6) };
    });
    const thrown = thrownBy(() => placeOrder(db, 7, lines));
    assert.ok(thrown?.value instanceof ValidationFailed, 'check every line before writing: a quantity below 1 throws ValidationFailed');
    assert.deepEqual(thrown.value.errors.map((e) => e.pointer), expected, 'report every invalid line, each with its own index in the pointer (/lines/{index}/quantity), so the client can fix them all at once');
    assert.equal(rowCount(db, 'orders'), 0, 'an order with invalid lines must not be written at all');
  }
});

test('a quantity must be a whole number of at least 1, whatever type the JSON sent', () => {
  // Lines come from a parsed JSON body: a quantity can arrive as any type, or not at all.
  const invalid = [
    ['the string "abc"', 'abc'], ['the numeric string "2"', '2'], ['the numeric string "1"', '1'], ['the string " 3"', ' 3'],
    ['an empty string', ''], ['the fraction 1.5', 1.5], ['the fraction 0.5', 0.5], ['the fraction 7.25', 7.25],
    ['null', null], ['true', true], ['false', false], ['a list [1]', [1]], ['an object', { value: 2 }],
    ['zero', 0], ['a negative number', -4], ['a missing quantity', undefined],
  ];
  let seed = 1616;
  const next = (max) => ((seed = (seed * 1103515245 + 12345) % 2147483648) % max); // seeded: the same lines every run
  for (const [what, quantity] of invalid) {
    const db = orderDb();
    const count = 2 + next(4);
    const bad = next(count);
    const lines = Array.from({ length: count }, (_, i) => ({ sku: `SKU-${i}`, quantity: 1 + next(9) }));
    if (quantity === undefined) delete lines[bad].quantity;
    else lines[bad].quantity = quantity;
    const thrown = thrownBy(() => placeOrder(db, 7, lines));
    assert.ok(thrown, `a quantity that is ${what} was accepted: only a whole number of at least 1 is valid; check Number.isInteger(quantity) && quantity >= 1 for every line and throw ValidationFailed otherwise`);
    assert.ok(thrown.value instanceof ValidationFailed,
      `a quantity that is ${what} made placeOrder() throw ${thrown.value?.name ?? typeof thrown.value} (${thrown.value?.message}) instead of ValidationFailed: it is invalid input, so check the type before comparing or writing it`);
    assert.deepEqual(thrown.value.errors.map((e) => e.pointer), [`/lines/${bad}/quantity`], `a quantity that is ${what} on line ${bad} must give exactly one error, pointing at /lines/${bad}/quantity`);
    assert.equal(inTransaction(db), false, 'validate before BEGIN: a validation error must not leave a transaction open');
    assert.equal(rowCount(db, 'orders'), 0, `a quantity that is ${what} must be refused before anything is written to the database`);
  }

  const db = orderDb();
  for (const quantity of [1, 3, 250, 100000]) {
    placeValid(db, 7, [{ sku: 'OK-1', quantity: 1 }, { sku: 'OK-2', quantity }]);
  }
  assert.equal(rowCount(db, 'orders'), 4, 'the whole numbers 1, 3, 250 and 100000 are valid quantities: refuse only values that are not whole numbers or are below 1');
  assert.deepEqual(db.prepare("SELECT quantity FROM order_lines WHERE sku = 'OK-2' ORDER BY rowid").all().map((r) => r.quantity), [1, 3, 250, 100000],
    'store each valid quantity as given');
});
