import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes, randomInt } from 'node:crypto';
import { toResponse } from '../src/errorHandler.js';
import { ClientError, NotFound, OrderFailed, ValidationFailed } from '../src/errors.js';
import { spyLogger } from './helpers.js';

/** Checks the RFC 9457 shape every error response shares and returns the parsed body. */
function problem(response) {
  assert.equal(response.headers?.['content-type'], 'application/problem+json', 'every error response needs the header content-type: application/problem+json');
  let body;
  assert.doesNotThrow(() => (body = JSON.parse(response.body)), 'the body must be a JSON string (JSON.stringify the problem object)');
  for (const member of ['type', 'title', 'status', 'detail', 'requestId']) {
    assert.ok(Object.hasOwn(body, member), `the problem details must contain the member "${member}"`);
  }
  assert.equal(body.status, response.status, 'the "status" member must equal the HTTP status code');
  return body;
}

test('NotFound maps to 404 with an actionable detail', () => {
  const response = toResponse(new NotFound('Order 42 does not exist.'), 'req-404', spyLogger());
  assert.equal(response.status, 404, 'map NotFound to 404 (check instanceof NotFound before the generic 500 branch)');
  const body = problem(response);
  assert.equal(body.title, 'Not Found', 'use the standard reason phrase as title: "Not Found" for 404');
  assert.equal(body.detail, 'Order 42 does not exist.', 'client errors keep their message as "detail": it tells the client what to fix');
  assert.equal(body.requestId, 'req-404', 'put the request ID in the "requestId" member');
});

test('ValidationFailed maps to 422 with an errors member', () => {
  const errors = [{ pointer: `/lines/${randomInt(0, 9)}/quantity`, detail: 'must be at least 1' }];
  const response = toResponse(new ValidationFailed(errors), 'req-422', spyLogger());
  assert.equal(response.status, 422, 'map ValidationFailed to 422 (check instanceof ValidationFailed before the generic 500 branch)');
  assert.deepEqual(problem(response).errors, errors, 'a 422 body must include the field errors as an "errors" member (err.errors)');
});

test('any other ClientError maps to 400 with its message', () => {
  class CouponExpired extends ClientError {}
  const code = `SPRING-${randomInt(10, 99)}`;
  const response = toResponse(new CouponExpired(`Coupon ${code} expired.`), 'req-400', spyLogger());
  assert.equal(response.status, 400, 'a ClientError that is neither NotFound nor ValidationFailed maps to 400 Bad Request');
  assert.equal(problem(response).detail, `Coupon ${code} expired.`, 'a client error keeps its message as "detail"');
});

test('client messages and request IDs come from the error and the argument', () => {
  const id = randomInt(100, 99999);
  const requestId = `req-${randomBytes(4).toString('hex')}`;
  const body = problem(toResponse(new NotFound(`Invoice ${id} does not exist.`), requestId, spyLogger()));
  assert.deepEqual([body.detail, body.requestId], [`Invoice ${id} does not exist.`, requestId], 'take detail from the NotFound message and requestId from the argument; never fixed strings');
});

test('client errors are not logged as errors', () => {
  const logger = spyLogger();
  toResponse(new NotFound('Order 42 does not exist.'), 'req-404', logger);
  toResponse(new ValidationFailed([{ pointer: '/lines', detail: 'must contain at least one line' }]), 'req-422', logger);
  assert.deepEqual(logger.at('error'), [], 'a 404 or 422 is normal traffic: do not call logger.error() for client errors');
});

test('an unexpected error becomes a generic 500 with the request ID', () => {
  const requestId = `req-${randomBytes(3).toString('hex')}`;
  const err = new Error('SQLITE_BUSY: database is locked at /srv/secret-host/orders.db');
  const response = toResponse(err, requestId, spyLogger());
  assert.equal(response.status, 500, 'map every error that is not a ClientError to 500 (the default branch)');
  const body = problem(response);
  assert.ok(!response.body.includes('SQLITE_BUSY'), 'never send the database error message to the client; use a fixed generic detail');
  assert.ok(!response.body.includes('secret-host'), 'do not copy the error message into a 500: paths and host names belong in the log only');
  assert.doesNotMatch(response.body, /:\d+:\d+/, 'never put err.stack (file:line:column frames) into the body: send a fixed generic detail');
  assert.equal(body.requestId, requestId, 'the 500 body must carry the request ID in "requestId" so support can find the log entry');
});

test('a TypeError from a bug is a server error too', () => {
  const secret = `internal-${randomBytes(4).toString('hex')}`;
  const logger = spyLogger();
  const response = toResponse(new TypeError(`Cannot read properties of undefined (reading '${secret}')`), 'req-type', logger);
  assert.equal(response.status, 500, 'a TypeError (a bug) must map to 500');
  assert.ok(!response.body.includes(secret), 'the 500 detail must be a fixed generic sentence: never include any part of the error message');
  assert.equal(logger.at('error').length, 1, 'bugs are server errors: log them once with logger.error()');
});

test('every 500 has the same generic body, whatever was thrown', () => {
  const secret = randomBytes(4).toString('hex');
  const failures = [
    new Error(`disk full on /srv/${secret}`),
    new TypeError(`x.${secret} is not a function`),
    new RangeError(`Invalid array length ${secret}`),
    new OrderFailed(`order ${secret}`, { cause: new Error(`SQLITE ${secret}`) }),
    // A partner API's error object: it carries the partner's status, which is not our client's fault.
    Object.assign(new Error(`partner said 404 for /internal/${secret}`), { status: 404, statusCode: 404, expose: true }),
    `a string thrown by a careless library ${secret}`,
    { reason: secret },
  ];
  const bodies = new Map();
  for (const err of failures) {
    const label = err instanceof Error ? err.constructor.name : typeof err;
    const response = toResponse(err, 'req-same', spyLogger());
    assert.equal(response.status, 500, `${label} is not one of your ClientErrors: map it to 500. Decide with instanceof ClientError, not with a status property the error happens to carry`);
    assert.ok(!response.body.includes(secret), `a 500 body must not contain any part of what was thrown (${label} leaked)`);
    bodies.set(response.body, label);
  }
  assert.equal(bodies.size, 1, `every 500 must have the same fixed body apart from the request ID: no error name, message or stack in it (they tell an attacker what runs inside). Different bodies came from: ${[...bodies.values()].join(', ')}`);
});

test('a server error is logged once with the error and the request ID', () => {
  const logger = spyLogger();
  const cause = new Error('SQLITE_BUSY: database is locked');
  const err = new OrderFailed('Could not place order', { cause });
  const requestId = `req-${randomInt(100, 999)}`;
  const response = toResponse(err, requestId, logger);
  assert.equal(response.status, 500, 'OrderFailed is not a client error: it must map to 500');
  assert.ok(!response.body.includes('database is locked'), 'do not copy the message of the error or its cause into a 500: use a fixed generic detail');
  const errors = logger.at('error');
  assert.equal(errors.length, 1, 'call logger.error() once per 500, and never for 4xx');
  assert.equal(errors[0].context?.err, err, 'pass the original error in the log context as "err", so the logger can print its cause chain and stack');
  assert.equal(errors[0].context?.requestId, requestId, 'pass the request ID in the log context as "requestId"');
});

test('errors that only look like client errors are server errors', () => {
  // Other libraries have error classes and properties with the same names as yours; only
  // instanceof tells your own ClientErrors apart from them.
  const secret = randomBytes(4).toString('hex');
  class PartnerNotFound extends Error {}
  Object.defineProperty(PartnerNotFound, 'name', { value: 'NotFound' }); // a partner SDK's own class NotFound
  const lookalikes = [
    Object.assign(new PartnerNotFound(`partner has no /internal/${secret}`), { name: 'NotFound' }),
    Object.assign(new Error(`schema of table orders_${secret} invalid`), { name: 'ValidationFailed', errors: [{ pointer: '/db', detail: secret }] }),
    Object.assign(new Error(`mirror ${secret} refused`), { name: 'ClientError' }),
    new AggregateError([new Error(`mirror ${secret} down`)], `all mirrors failed ${secret}`), // Promise.any(): it has an errors array too
  ];
  for (const err of lookalikes) {
    const logger = spyLogger();
    const response = toResponse(err, 'req-look', logger);
    assert.equal(response.status, 500, `an error named ${err.name}${Array.isArray(err.errors) ? ' with an errors array' : ''} that is not one of your classes must map to 500: decide with instanceof NotFound / ValidationFailed / ClientError, never with err.name, err.constructor.name or the presence of err.errors`);
    assert.ok(!response.body.includes(secret), `a 500 body must not contain any part of what was thrown (${err.name} leaked)`);
    assert.equal(logger.at('error').length, 1, `an error that is not a ClientError is a server error: log it once with logger.error() (${err.name} was not logged)`);
  }
});
