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

test('no detail echoes the submitted value', () => {
  const marker = `Zq${Math.random().toString(36).slice(2, 8)}`;
  const bad = { name: marker.repeat(30), email: `${marker} at nowhere`, age: `${marker}`, [marker]: marker };
  const errors = validateCreateUser(bad);
  assert.deepEqual(pointers(errors), [`/${marker}`, '/age', '/email', '/name'].sort(), 'every broken rule is reported');
  for (const e of errors) {
    assert.ok(!e.detail.includes(marker), `the detail for ${e.pointer} repeats the submitted value: describe the rule ("name must be 1 to 100 characters long."), never the input`);
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
  assert.deepEqual(pointers(validateCreateUser({ ...valid, name: '\t\n \u00a0' })), ['/name'], 'a name of tabs, newlines and no-break spaces is blank too: use name.trim(), which removes all white space');
  assert.deepEqual(pointers(validateCreateUser({ ...valid, name: 'x'.repeat(101) })), ['/name'], 'a name over 100 characters must be rejected');
  assert.deepEqual(validateCreateUser({ ...valid, name: 'x'.repeat(100) }), [], '100 characters is still allowed');
  assert.deepEqual(validateCreateUser({ ...valid, name: `  ${'y'.repeat(100)}  ` }), [], 'measure the name after trimming: 100 characters plus spaces is allowed');
  assert.deepEqual(validateCreateUser({ ...valid, name: '\u{1F600}'.repeat(100) }), [], 'count characters (code points, [...name].length), not UTF-16 units: 100 emoji are 100 characters');
});

test('ranges include their ends', () => {
  for (const age of [13, 130]) assert.deepEqual(validateCreateUser({ ...valid, age }), [], `age ${age} is inside 13..130 and must be accepted`);
  for (const age of [null, true, 1e400, -0.5]) assert.deepEqual(pointers(validateCreateUser({ ...valid, age })), ['/age'], `age ${JSON.stringify(age)} is not an integer from 13 to 130`);
  const at254 = `${'a'.repeat(64)}@${'b'.repeat(254 - 64 - 1 - 4)}.com`; // 254 characters
  assert.deepEqual(validateCreateUser({ ...valid, email: at254 }), [], 'an email of exactly 254 characters is allowed');
  assert.deepEqual(pointers(validateCreateUser({ ...valid, email: at254 + 'f' })), ['/email'], 'an email over 254 characters must be rejected at /email');
  for (const email of ['ada@', '@example.com', 'ada example@example.com', 'ada.example.com']) {
    assert.deepEqual(pointers(validateCreateUser({ ...valid, email })), ['/email'], `"${email}" does not look like an e-mail address`);
  }
  for (const email of ['ada@example', 'ada@localhost', 'ada@example.', 'ada@@example.com', 'ada@exa mple.com']) {
    assert.deepEqual(pointers(validateCreateUser({ ...valid, email })), ['/email'], `"${email}" has no domain.tld after the @: the email must look like local@domain.tld (one @, no spaces, a dot in the domain with at least one character after it)`);
  }
  for (const email of ['a@b.co', 'ada.lovelace+news@mail.example.org', 'o\'brien@example.ie']) {
    assert.deepEqual(validateCreateUser({ ...valid, email }), [], `"${email}" looks like local@domain.tld and must be accepted`);
  }
});

test('unknown properties are rejected, each at its own pointer', () => {
  const errors = validateCreateUser({ ...valid, isAdmin: true, role: 'owner' });
  assert.deepEqual(pointers(errors), ['/isAdmin', '/role'], 'allowlist the shape: reject isAdmin and role (mass assignment)');
  const surprise = `field_${Math.random().toString(36).slice(2, 8)}`;
  assert.deepEqual(pointers(validateCreateUser({ ...valid, [surprise]: 1 })), [`/${surprise}`], 'reject EVERY property that is not name, email or age (an allowlist), not a list of known dangerous names');
  assert.deepEqual(pointers(validateCreateUser({ ...valid, 'a/b': 1, 'm~n': 2 })), ['/a~1b', '/m~0n'], 'escape member names in JSON Pointers (RFC 6901): "~" becomes "~0" and "/" becomes "~1"');
});

test('a parsed "__proto__" member is rejected and pollutes nothing', () => {
  const body = JSON.parse('{"name":"Ada","email":"ada@example.com","__proto__":{"polluted":true}}');
  const errors = validateCreateUser(body);
  assert.deepEqual(pointers(errors), ['/__proto__'], 'JSON.parse creates an own "__proto__" key: check Object.keys(body) against the allowlist');
  assert.equal(({}).polluted, undefined, 'Object.prototype must not be modified');
});
