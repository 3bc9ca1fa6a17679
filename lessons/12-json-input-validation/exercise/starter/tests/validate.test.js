import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateCreateUser } from '../src/validate.js';

const pointers = (errors) => errors.map((e) => e.pointer).sort();
const valid = { name: 'Ada Lovelace', email: 'ada@example.com', age: 36 };

test('a valid body has no errors', () => {
  assert.deepEqual(validateCreateUser(valid), [], 'a body with a name, an email and an integer age must be valid');
  assert.deepEqual(validateCreateUser({ name: 'Ada', email: 'ada@example.com' }), [], 'age is optional');
});

test('a body that is not an object is reported at the root pointer ""', () => {
  for (const body of [[], 'text', 42, null]) {
    assert.deepEqual(pointers(validateCreateUser(body)), [''], `${JSON.stringify(body)} is not an object: report one error with pointer ""`);
  }
});

test('every error is reported, not only the first', () => {
  const errors = validateCreateUser({ email: 'not-an-email' });
  assert.deepEqual(pointers(errors), ['/email', '/name'], 'a missing name AND an invalid email must give two errors');
  for (const e of errors) {
    assert.equal(typeof e.detail, 'string', 'each error needs a human-readable detail string');
    assert.ok(!e.detail.includes('not-an-email'), 'do not echo the submitted value in detail');
  }
});

test('types are not juggled: "30" is not a number', () => {
  assert.deepEqual(pointers(validateCreateUser({ ...valid, age: '30' })), ['/age'], 'age "30" is a string: reject it at /age');
  assert.deepEqual(pointers(validateCreateUser({ ...valid, age: 30.5 })), ['/age'], 'age must be an integer');
  assert.deepEqual(pointers(validateCreateUser({ ...valid, age: 12 })), ['/age'], 'age below 13 must be rejected');
  assert.deepEqual(pointers(validateCreateUser({ ...valid, age: 131 })), ['/age'], 'age above 130 must be rejected');
  assert.deepEqual(pointers(validateCreateUser({ ...valid, name: 42 })), ['/name'], 'name must be a string');
});

test('name length is checked after trimming', () => {
  assert.deepEqual(pointers(validateCreateUser({ ...valid, name: '   ' })), ['/name'], 'a blank name must be rejected');
  assert.deepEqual(pointers(validateCreateUser({ ...valid, name: 'x'.repeat(101) })), ['/name'], 'a name over 100 characters must be rejected');
  assert.deepEqual(validateCreateUser({ ...valid, name: 'x'.repeat(100) }), [], '100 characters is still allowed');
});

test('unknown properties are rejected, each at its own pointer', () => {
  const errors = validateCreateUser({ ...valid, isAdmin: true, role: 'owner' });
  assert.deepEqual(pointers(errors), ['/isAdmin', '/role'], 'allowlist the shape: reject isAdmin and role (mass assignment)');
});

test('a parsed "__proto__" member is rejected and pollutes nothing', () => {
  const body = JSON.parse('{"name":"Ada","email":"ada@example.com","__proto__":{"polluted":true}}');
  const errors = validateCreateUser(body);
  assert.deepEqual(pointers(errors), ['/__proto__'], 'JSON.parse creates an own "__proto__" key: check Object.keys(body) against the allowlist');
  assert.equal(({}).polluted, undefined, 'Object.prototype must not be modified');
});
