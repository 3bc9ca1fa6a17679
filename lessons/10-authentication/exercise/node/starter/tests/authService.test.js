import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes, randomInt, scrypt } from 'node:crypto';
import { promisify } from 'node:util';
import { createAuthService, GENERIC_ERROR, HASH_PARAMS, WINDOW_SECONDS } from '../src/authService.js';
import { AuthenticationFailed, PasswordRejected, TooManyAttempts } from '../src/errors.js';
import { fakeClock, fakeSession, makeHash, newDb, parseStored, rejection, scryptSpy, storedHash } from './helpers.js';

const EMAIL = 'ana@example.com';
const PASSWORD = 'correct horse battery staple';
const WRONG = 'not the right password at all';

/** A fresh service over a fresh database: like a new process with an empty table. */
function setup() {
  const db = newDb();
  const session = fakeSession();
  const clock = fakeClock();
  const spy = scryptSpy();
  const auth = createAuthService({ db, session, clock, scrypt: spy });
  return { db, session, clock, spy, auth, fresh: () => createAuthService({ db, session, clock, scrypt: spy }) };
}

/** login(), turning an unexpected crash into a failure that says which rule broke. */
async function loginAs(auth, email, password, rule) {
  try {
    return await auth.login(email, password);
  } catch (err) {
    assert.fail(`${rule} (login() threw ${err?.name}: ${err?.message})`);
  }
}

async function failTimes(auth, times, email) {
  for (let i = 1; i <= times; i += 1) {
    const err = await rejection(auth.login(email, WRONG));
    assert.ok(err instanceof AuthenticationFailed, `failure #${i} for ${email} must throw AuthenticationFailed; only the 6th attempt may be throttled`);
  }
}

/** Inserts failure rows directly (the table login() writes to), offset seconds from now. */
function recordFailures(db, clock, times, email, offset = 0) {
  const insert = db.prepare('INSERT INTO login_failures (email, failed_at) VALUES (?, ?)');
  for (let i = 0; i < times; i += 1) insert.run(email, clock.seconds() + offset);
}

async function assertRejected(auth, password, message) {
  const err = await rejection(auth.register(`policy-${randomBytes(4).toString('hex')}@example.com`, password));
  assert.ok(err instanceof PasswordRejected, message);
}

// ---------- storing passwords ----------

test('register() stores a salted scrypt hash, never the password', async () => {
  const { db, auth, spy } = setup();
  const id = await auth.register(EMAIL, PASSWORD);
  assert.equal(typeof id, 'number', 'register() must return the new user id as a number (Number(lastInsertRowid))');
  const stored = storedHash(db, id);
  assert.ok(!stored.includes(PASSWORD), 'store the scrypt hash, never the password itself');
  const parsed = parseStored(stored);
  assert.equal(parsed.algo, 'scrypt', 'store the format scrypt$N$r$p$<salt base64>$<key base64>');
  assert.deepEqual([parsed.N, parsed.r, parsed.p, parsed.key.length], [HASH_PARAMS.N, HASH_PARAMS.r, HASH_PARAMS.p, HASH_PARAMS.keyLength], 'hash with the application settings HASH_PARAMS and record them in the stored value');
  assert.ok(parsed.salt.length >= 16, 'use a random salt of at least 16 bytes from randomBytes()');
  const key = await promisify(scrypt)(PASSWORD, parsed.salt, parsed.key.length, { N: parsed.N, r: parsed.r, p: parsed.p });
  assert.ok(key.equals(parsed.key), 'the stored key must be scrypt(password, salt, keyLength, { N, r, p }) of the registered password');
  assert.ok(spy.calls.length >= 1, 'derive the key with the scrypt function you were given (promisify it), never scryptSync');

  const other = await auth.register('ben@example.com', PASSWORD);
  assert.notEqual(storedHash(db, other), stored, 'two users with the same password must get different stored values: a new random salt per hash');
});

test('passwords shorter than 15 characters are rejected, counting code points', async () => {
  const { auth } = setup();
  await assertRejected(auth, 'fourteen chars', 'a 14-character password must be rejected: NIST SP 800-63B-4 wants at least 15 when it is the only factor');
  await assertRejected(auth, '🔐'.repeat(8), "8 emoji are 8 characters although '🔐'.repeat(8).length is 16 (UTF-16 units): count code points with [...password].length");
  assert.equal(typeof (await auth.register('f@example.com', 'fifteen chars!!')), 'number', 'a password of exactly 15 characters must be accepted');
  assert.equal(typeof (await auth.register('e@example.com', '🔐'.repeat(15))), 'number', '15 emoji are 15 characters (60 bytes): accept them');
});

test('long passwords are accepted and checked in full', async () => {
  const { auth } = setup();
  const prefix = 'a'.repeat(72);
  const long = `${prefix}${randomBytes(8).toString('hex')} the part that matters`;
  const id = await auth.register(EMAIL, long);
  assert.equal(typeof (await auth.register('ben@example.com', 'x'.repeat(64))), 'number', 'NIST: allow at least 64 characters');
  assert.equal(await loginAs(auth, EMAIL, long, 'a long password must log in with itself'), id, 'login() must accept the long password it registered');
  const err = await rejection(auth.login(EMAIL, `${prefix} something completely different`));
  assert.ok(err instanceof AuthenticationFailed, 'a password that only shares the first 72 bytes must NOT log in: scrypt reads the whole password, so never truncate it (that was bcrypt\'s flaw)');
});

// ---------- logging in ----------

test('the correct password logs in', async () => {
  const { auth, session } = setup();
  const id = await auth.register(EMAIL, PASSWORD);
  assert.equal(await loginAs(auth, EMAIL, PASSWORD, 'the right password must log in'), id, 'login() must return the id of the user whose password matched');
  assert.equal(session.get('user_id'), id, "after login the session must hold 'user_id' with the user's id");
});

test('register and login normalise the email the same way', async () => {
  const { auth } = setup();
  const rule = 'lower-case and trim the email in register() too, before validating and storing it, not only in login()';
  let id;
  try {
    id = await auth.register(' Bob@Example.COM\t', PASSWORD);
  } catch (err) {
    assert.fail(`register(' Bob@Example.COM\\t') was refused (${err.message}): ${rule}`);
  }
  for (const spelling of ['bob@example.com', 'BOB@EXAMPLE.COM ', ' bOb@example.com']) {
    assert.equal(await loginAs(auth, spelling, PASSWORD, `an account registered as ' Bob@Example.COM' could not log in as '${spelling}': ${rule}`), id, `login('${spelling}') must return the account's id`);
  }
});

test('login stores the authentication time from the clock', async () => {
  const { auth, clock, session } = setup();
  await auth.register(EMAIL, PASSWORD);
  clock.advance(randomInt(1000, 90000) + 0.6); // not a whole second: round down, like Unix time
  await auth.login(EMAIL, PASSWORD);
  assert.equal(session.get('auth_time'), clock.seconds(), "after login the session must hold 'auth_time' = the injected clock's time in whole seconds (Math.floor(clock.now().getTime() / 1000)), never Date.now()");
});

test('a wrong password and an unknown email fail with the same message', async () => {
  const { auth } = setup();
  await auth.register(EMAIL, PASSWORD);
  const wrongPassword = await rejection(auth.login(EMAIL, WRONG));
  const unknownEmail = await rejection(auth.login('nobody@example.com', PASSWORD));
  assert.ok(wrongPassword instanceof AuthenticationFailed, 'a wrong password must throw AuthenticationFailed');
  assert.ok(unknownEmail instanceof AuthenticationFailed, 'an unknown email must throw AuthenticationFailed too, not another error');
  assert.equal(wrongPassword.message, GENERIC_ERROR, 'use the one generic message GENERIC_ERROR for a wrong password');
  assert.equal(unknownEmail.message, wrongPassword.message, 'use the one generic message GENERIC_ERROR for both failures, or attackers can enumerate accounts');
});

test('every login path costs exactly one scrypt at the application settings', async () => {
  const { auth, spy, fresh } = setup();
  await auth.register(EMAIL, PASSWORD);
  const expected = { ...HASH_PARAMS };
  const paths = { 'an unknown email': ['nobody@example.com', PASSWORD], 'a wrong password': [EMAIL, WRONG], 'the right password': [EMAIL, PASSWORD] };
  for (const [path, [email, password]] of Object.entries(paths)) {
    const service = fresh(); // a new service: nothing computed before this login
    spy.reset();
    await rejection(service.login(email, password));
    assert.equal(spy.calls.length, 1, `a login with ${path} ran scrypt ${spy.calls.length} time(s): every path must run it exactly once, through the asynchronous scrypt you were given (never scryptSync, which blocks the event loop; for an unknown email against a dummy hash made once, offline, and kept in a constant; never hashed during login)`);
    const [call] = spy.calls;
    assert.deepEqual([call.N, call.r, call.p, call.keylen], [expected.N, expected.r, expected.p, expected.keyLength], `a login with ${path} ran scrypt with other settings than register() uses, so its timing differs: make the dummy hash with HASH_PARAMS too`);
  }
});

test('a failed login leaves the session alone', async () => {
  const { auth, session } = setup();
  await auth.register(EMAIL, PASSWORD);
  await rejection(auth.login(EMAIL, WRONG));
  await rejection(auth.login('nobody@example.com', WRONG));
  assert.deepEqual(session.calls, [], 'a failed login must not regenerate or write the session');
});

test('login regenerates the session ID before storing the user id', async () => {
  const { auth, session } = setup();
  await auth.register(EMAIL, PASSWORD);
  await auth.login(EMAIL, PASSWORD);
  const regenerate = session.calls.indexOf('regenerate');
  const setUser = session.calls.indexOf('set user_id');
  assert.ok(setUser >= 0, "store the user's id with session.set('user_id', id)");
  assert.ok(regenerate >= 0, 'call session.regenerate() on a successful login, to defeat session fixation, and await it');
  assert.ok(regenerate < setUser, "await session.regenerate() BEFORE session.set('user_id', ...): regenerate() is asynchronous, and the authenticated state must never live under the old ID");
  const early = session.calls.filter((call, i) => call.startsWith('set ') && i < regenerate);
  assert.deepEqual(early, [], `${early.join(', ')} ran before session.regenerate() finished: await regenerate() first, then set user_id AND auth_time (the new session starts empty, so anything set before is lost)`);
});

// ---------- brute force ----------

test('four failures do not block the right password', async () => {
  const { auth, db, clock } = setup();
  const id = await auth.register(EMAIL, PASSWORD);
  recordFailures(db, clock, 4, EMAIL);
  assert.equal(await loginAs(auth, EMAIL, PASSWORD, 'four failures are below the limit of five: the right password must still work'), id, 'login() must return the id');
});

test('five failures throttle the account until 15 minutes have passed', async () => {
  const { auth, db, clock } = setup();
  const id = await auth.register(EMAIL, PASSWORD);
  recordFailures(db, clock, 1, EMAIL, -WINDOW_SECONDS); // too old to count
  recordFailures(db, clock, 3, EMAIL);
  await failTimes(auth, 2, EMAIL); // the fourth and fifth, through login()
  assert.ok((await rejection(auth.login(EMAIL, PASSWORD))) instanceof TooManyAttempts, 'after 5 failures within 15 minutes, login() must throw TooManyAttempts, even for the right password');
  clock.advance(WINDOW_SECONDS);
  assert.equal(await loginAs(auth, EMAIL, PASSWORD, 'once 15 minutes have passed, the throttle must expire (count only failed_at > now - WINDOW_SECONDS): no permanent lockout'), id, 'login() must return the id');
});

test('throttled attempts do no password work and count per normalised email', async () => {
  const { auth, spy } = setup();
  await auth.register(EMAIL, PASSWORD);
  const variants = ['ana@example.com', 'ANA@example.com', ' Ana@Example.com', 'ana@EXAMPLE.com\t', 'aNa@example.COM '];
  for (const [i, variant] of variants.entries()) {
    assert.ok((await rejection(auth.login(variant, `wrong guess number ${i}`))) instanceof AuthenticationFailed, `failure #${i} (${variant}) must throw AuthenticationFailed`);
  }
  spy.reset();
  assert.ok((await rejection(auth.login('Ana@Example.COM', PASSWORD))) instanceof TooManyAttempts, 'five failures with different spellings of one email must throttle it: lower-case and trim the email before counting and recording failures');
  assert.equal(spy.calls.length, 0, 'a throttled attempt ran scrypt: check the throttle first, so blocked guesses cost no hashing time');
});

test('a successful login clears the failures counted so far', async () => {
  const { auth, db, clock } = setup();
  const id = await auth.register(EMAIL, PASSWORD);
  recordFailures(db, clock, 4, EMAIL);
  for (let i = 1; i <= 6; i += 1) {
    assert.equal(await loginAs(auth, EMAIL, PASSWORD, `successful login #${i} in a row was refused: delete this email's failures on success (including the attempt you recorded before the first await), or the owner's own logins lock the account`), id, 'login() must return the id');
  }
  await failTimes(auth, 4, EMAIL); // 4 new failures after a success: still below the limit
  assert.equal(await loginAs(auth, EMAIL, PASSWORD, 'four failures after a successful login are below the limit of five: the failures before the success must no longer count'), id, 'login() must return the id');
});

test('failures of one email do not throttle another', async () => {
  const { auth, db, clock } = setup();
  const id = await auth.register(EMAIL, PASSWORD);
  recordFailures(db, clock, 5, 'bob@example.com');
  assert.equal(await loginAs(auth, EMAIL, PASSWORD, 'five failures for bob@example.com must not throttle ana@example.com: count failures WHERE email = this email'), id, 'login() must return the id');
});

test('unknown emails are throttled like real ones', async () => {
  const { auth } = setup();
  await failTimes(auth, 5, 'nobody@example.com');
  assert.ok((await rejection(auth.login('nobody@example.com', PASSWORD))) instanceof TooManyAttempts, 'count failures per email even when no account exists, so the throttle does not reveal which accounts are real');
});

test('parallel guesses cannot get past the throttle', async () => {
  const { auth, spy } = setup();
  await auth.register(EMAIL, PASSWORD);
  spy.reset();
  const guesses = randomInt(10, 16);
  const results = await Promise.all(Array.from({ length: guesses }, (_, i) => rejection(auth.login(EMAIL, `parallel guess ${i} ${WRONG}`))));
  const failed = results.filter((err) => err instanceof AuthenticationFailed).length;
  const throttled = results.filter((err) => err instanceof TooManyAttempts).length;
  assert.equal(failed + throttled, guesses, 'every guess must end in AuthenticationFailed or TooManyAttempts');
  assert.ok(spy.calls.length <= 5 && failed <= 5, `${guesses} guesses sent at once ran scrypt ${spy.calls.length} times: all of them passed the throttle check before any failure was recorded. Record the attempt before the first await (the check and the insert then run together), and delete it again on success`);
  assert.ok((await rejection(auth.login(EMAIL, PASSWORD))) instanceof TooManyAttempts, 'after a burst of parallel failures the account must be throttled');
});

// ---------- upgrades and logout ----------

test('a legacy md5 row is upgraded on the first successful login', async () => {
  const { auth, db } = setup();
  const legacy = createHash('md5').update(PASSWORD).digest('hex');
  const id = Number(db.prepare('INSERT INTO users (email, password_hash) VALUES (?, ?)').run(EMAIL, legacy).lastInsertRowid);
  assert.ok((await rejection(auth.login(EMAIL, WRONG))) instanceof AuthenticationFailed, 'a wrong password must fail against a legacy md5 row');
  assert.equal(await loginAs(auth, EMAIL, PASSWORD, 'a legacy row holding the md5 hex of the password must accept the right password once (compare with timingSafeEqual)'), id, 'login() must return the id');
  const stored = storedHash(db, id);
  assert.notEqual(stored, legacy, 'after a successful legacy login, replace the md5 value in the database');
  assert.equal(parseStored(stored).algo, 'scrypt', 'the replacement must be a fresh scrypt hash with HASH_PARAMS');
  assert.equal(await loginAs(auth, EMAIL, PASSWORD, 'the upgraded hash must accept the same password'), id, 'login() must return the id');
  assert.ok((await rejection(auth.login(EMAIL, WRONG))) instanceof AuthenticationFailed, 'after the upgrade, a wrong password must still fail');
});

test('hashes made with older settings are verified and rehashed', async () => {
  const { auth, db } = setup();
  const older = [
    { N: 2 ** 10, r: 8, p: 1, keyLength: 32 },
    { N: 2 ** randomInt(11, 13), r: 8, p: 1, keyLength: 32 },
    { N: 2 ** 12, r: 4, p: 1, keyLength: 32 },
    { N: 2 ** 11, r: 8, p: 1, keyLength: 64 },
  ];
  for (const [n, settings] of older.entries()) {
    const email = `old${n}@example.com`;
    const weak = await makeHash(PASSWORD, settings, randomBytes(16));
    const id = Number(db.prepare('INSERT INTO users (email, password_hash) VALUES (?, ?)').run(email, weak).lastInsertRowid);
    const label = `N=${settings.N}, r=${settings.r}, key ${settings.keyLength} bytes`;
    assert.equal(await loginAs(auth, email, PASSWORD, `a stored hash with ${label} must verify: read N, r, p and the key length from the stored value`), id, 'login() must return the id');
    const now = parseStored(storedHash(db, id));
    assert.deepEqual([now.N, now.r, now.p, now.key.length], [HASH_PARAMS.N, HASH_PARAMS.r, HASH_PARAMS.p, HASH_PARAMS.keyLength], `a hash with ${label} must be replaced after a successful login by one with HASH_PARAMS (rehash whenever any stored setting differs)`);
  }
});

test('a hash that differs from HASH_PARAMS in any one setting is rehashed', async () => {
  const { auth, db } = setup();
  // One setting changed at a time, stronger ones included: replace whatever differs.
  const variants = [{ N: HASH_PARAMS.N * 2 }, { r: 4 }, { p: 2 }, { keyLength: 64 }];
  for (const [n, change] of variants.entries()) {
    const settings = { ...HASH_PARAMS, ...change };
    const email = `variant${n}@example.com`;
    const id = Number(db.prepare('INSERT INTO users (email, password_hash) VALUES (?, ?)').run(email, await makeHash(PASSWORD, settings, randomBytes(16))).lastInsertRowid);
    const label = Object.entries(change).map(([k, v]) => `${k}=${v}`).join(', ');
    assert.equal(await loginAs(auth, email, PASSWORD, `a stored hash with ${label} must verify: read N, r, p and the key length from the stored value`), id, 'login() must return the id');
    const now = parseStored(storedHash(db, id));
    assert.deepEqual([now.N, now.r, now.p, now.key.length], [HASH_PARAMS.N, HASH_PARAMS.r, HASH_PARAMS.p, HASH_PARAMS.keyLength],
      `a hash with ${label} (everything else as HASH_PARAMS) was not replaced: rehash when N, r, p OR the key length differs from HASH_PARAMS (!==, not only when weaker, not only N)`);
  }
});

test('a stored value that cannot be read fails closed with the generic error', async () => {
  const { auth, db, session } = setup();
  const good = await makeHash(PASSWORD, HASH_PARAMS, randomBytes(16));
  const broken = ['', 'scrypt$8192$8$1$', good.split('$').slice(0, 5).join('$'), good.replace(/^scrypt/, 'bcrypt'), PASSWORD];
  for (const [n, value] of broken.entries()) {
    db.prepare('INSERT INTO users (email, password_hash) VALUES (?, ?)').run(`broken${n}@example.com`, value);
    const err = await rejection(auth.login(`broken${n}@example.com`, PASSWORD));
    assert.ok(err instanceof AuthenticationFailed, `a stored value ${JSON.stringify(value.slice(0, 30))} must fail with AuthenticationFailed (got ${err?.name}: ${err?.message}): treat a value you cannot parse as "no match", never as a crash or a match`);
    assert.equal(err.message, GENERIC_ERROR, 'use the generic message here too');
  }
  assert.deepEqual(session.calls, [], 'no broken stored value may start a session');
});

test('logout clears the session', async () => {
  const { auth, session } = setup();
  await auth.register(EMAIL, PASSWORD);
  await auth.login(EMAIL, PASSWORD);
  await auth.logout();
  assert.equal(session.calls.at(-1), 'clear', 'logout() must call session.clear()');
  assert.equal(session.get('user_id'), undefined, "after logout the session must no longer hold 'user_id'");
});
