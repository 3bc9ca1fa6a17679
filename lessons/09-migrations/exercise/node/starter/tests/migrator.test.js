import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { appendFileSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { ChecksumMismatch, MigrationFailed, Migrator } from '../src/migrator.js';

const NOW = '2026-03-01T12:00:00Z';
const MIGRATIONS = new URL('../migrations/', import.meta.url);
const FIXTURES = new URL('./fixtures/', import.meta.url);

/**
 * A temporary folder with 0001, 0002 and 0010 copied in reverse order (so the folder's order is
 * not the version order) and a temporary SQLite file; both are removed after the test.
 */
function setUp(t) {
  const tmp = mkdtempSync(join(tmpdir(), 'migrator-test-'));
  const dir = join(tmp, 'migrations');
  mkdirSync(dir);
  for (const file of ['0010_add_posts_published_at.sql', '0002_create_posts.sql', '0001_create_users.sql']) {
    copyFileSync(new URL(file, MIGRATIONS), join(dir, file));
  }
  const db = new DatabaseSync(join(tmp, 'app.sqlite'));
  db.exec('PRAGMA foreign_keys = ON');
  t.after(() => {
    db.close();
    rmSync(tmp, { recursive: true, force: true });
  });
  return {
    tmp,
    dir,
    db,
    migrator: () => new Migrator(db, dir, () => NOW),
    addFixture: (file) => copyFileSync(new URL(file, FIXTURES), join(dir, file)),
    tableExists: (name) => db.prepare("SELECT COUNT(*) AS n FROM sqlite_schema WHERE type = 'table' AND name = ?").get(name).n === 1,
    /** True when the connection is inside a transaction (works on every Node with node:sqlite). */
    inTransaction: () => {
      try {
        db.exec('BEGIN');
      } catch {
        return true;
      }
      db.exec('ROLLBACK');
      return false;
    },
  };
}

const plain = (value) => JSON.parse(JSON.stringify(value));

/** Runs fn and returns what it threw (undefined when it did not throw). */
function thrownBy(fn) {
  try {
    fn();
  } catch (error) {
    return error;
  }
  return undefined;
}

test('a fresh run applies all files in numeric order', (t) => {
  const s = setUp(t);
  assert.deepEqual(s.migrator().migrate(), ['0001', '0002', '0010'],
    'migrate() must apply NNNN_*.sql files sorted by version (0002 before 0010) and return their versions');
  assert.ok(s.tableExists('posts'), 'migrate() must actually run the SQL of each file');
  const sha = createHash('sha256').update(readFileSync(join(s.dir, '0001_create_users.sql'))).digest('hex');
  assert.deepEqual(plain(s.db.prepare("SELECT version, checksum, applied_at FROM schema_migrations WHERE version = '0001'").all()),
    [{ version: '0001', checksum: sha, applied_at: NOW }],
    'Each applied file must be recorded in schema_migrations(version, checksum = sha256 hex of the file, applied_at = injected clock)');
});

test('versions are sorted as numbers, not text', (t) => {
  const s = setUp(t);
  // Flyway-style versions without zero padding: 2 < 10 < 100.
  const dir = join(s.tmp, 'unpadded');
  mkdirSync(dir);
  for (const [file, table] of [['100_third.sql', 'c'], ['2_first.sql', 'a'], ['10_second.sql', 'b']]) {
    writeFileSync(join(dir, file), `CREATE TABLE t_${table} (id INTEGER PRIMARY KEY);\n`);
  }
  const migrator = new Migrator(s.db, dir, () => NOW);
  assert.deepEqual(migrator.status().pending, ['2', '10', '100'],
    'status() must list pending versions in numeric order (2, 10, 100), not as text (10, 100, 2)');
  assert.deepEqual(migrator.migrate(), ['2', '10', '100'],
    'migrate() must apply versions in numeric order (2, 10, 100): compare Number(version), not strings');
  assert.deepEqual(plain(migrator.status()), { applied: ['2', '10', '100'], pending: [] },
    'status() must list applied versions in numeric order too (2, 10, 100); ORDER BY version sorts TEXT as 10, 100, 2, so sort the versions as numbers');
});

test('a second run applies nothing', (t) => {
  const s = setUp(t);
  s.migrator().migrate();
  assert.deepEqual(s.migrator().migrate(), [], 'A second migrate() must apply nothing: skip versions already in schema_migrations');
  assert.equal(s.db.prepare('SELECT COUNT(*) AS n FROM schema_migrations').get().n, 3, 'schema_migrations must hold exactly one row per applied migration');
});

test('a new migration is the only one applied next time', (t) => {
  const s = setUp(t);
  s.migrator().migrate();
  s.addFixture('0011_create_tags.sql');
  assert.deepEqual(s.migrator().migrate(), ['0011'], 'Only the new 0011 must be applied on the next run');
  assert.ok(s.tableExists('tags'), '0011 must create the tags table');
});

test('a file older than the newest applied one is still applied', (t) => {
  const s = setUp(t);
  s.migrator().migrate();
  // A branch merged late: its version is lower than the newest applied one.
  writeFileSync(join(s.dir, '0005_create_late_table.sql'), 'CREATE TABLE late_table (id INTEGER PRIMARY KEY);\n');
  assert.deepEqual(plain(s.migrator().status()), { applied: ['0001', '0002', '0010'], pending: ['0005'] },
    'status() must list 0005 as pending: pending means "not recorded in schema_migrations", not "newer than the newest"');
  assert.deepEqual(s.migrator().migrate(), ['0005'],
    'migrate() skipped 0005 because 0010 was already applied: apply every file whose version is not recorded, do not compare with MAX(version)');
  assert.ok(s.tableExists('late_table'), '0005 must actually run');
});

test('applied_at is read from the clock when the migration runs', (t) => {
  const s = setUp(t);
  let tick = 0;
  const issued = [];
  const clock = () => {
    tick += 1;
    const at = new Date(Date.UTC(2030, 0, 1) + 3600_000 * tick).toISOString().replace('.000Z', 'Z');
    issued.push(at);
    return at;
  };
  const migrator = new Migrator(s.db, s.dir, clock);
  migrator.migrate();
  s.addFixture('0011_create_tags.sql');
  migrator.migrate();

  const times = new Map(s.db.prepare('SELECT version, applied_at FROM schema_migrations').all().map((row) => [row.version, row.applied_at]));
  for (const [version, at] of times) {
    assert.ok(issued.includes(at), `applied_at of ${version} (${at}) did not come from the injected clock: record this.now()`);
  }
  assert.ok(times.get('0011') > times.get('0001'),
    'The same Migrator applied 0011 in a later run but recorded the time of the first one: call the clock when a migration is applied, not once in the constructor');
});

test('any error while applying rolls back, not only SQLite errors', (t) => {
  const s = setUp(t);
  s.migrator().migrate();
  s.addFixture('0011_create_tags.sql');
  const failingClock = () => {
    throw new TypeError('clock unavailable');
  };
  const error = thrownBy(() => new Migrator(s.db, s.dir, failingClock).migrate());
  assert.ok(error !== undefined, 'migrate() must not report success when reading the clock failed');
  assert.equal(s.inTransaction(), false,
    'A TypeError left the transaction open: roll back on any error (a plain catch), not only on SQLite errors, then throw MigrationFailed');
  assert.equal(s.tableExists('tags'), false, 'A TypeError during 0011 left its table behind: roll back on any error, not only SQLite errors');
  assert.ok(error instanceof MigrationFailed && error.cause?.message === 'clock unavailable',
    `migrate() must throw MigrationFailed with the clock's error as cause (it threw ${error?.name}: ${error?.message})`);
});

test('a broken migration rolls back and stops', (t) => {
  const s = setUp(t);
  s.migrator().migrate();
  s.addFixture('0011_create_tags.sql');
  s.addFixture('0012_broken.sql');
  s.addFixture('0013_after_broken.sql');

  const error = thrownBy(() => s.migrator().migrate());
  assert.ok(error instanceof MigrationFailed, `migrate() must throw MigrationFailed when a migration's SQL fails (it threw ${error?.name ?? 'nothing'})`);
  assert.ok(error.cause instanceof Error, 'Pass the original error as cause: new MigrationFailed(message, { cause: error })');
  assert.equal(s.tableExists('audit_log'), false, 'The broken 0012 created audit_log before failing: run each file inside a transaction and roll back on error');
  assert.equal(s.db.prepare("SELECT COUNT(*) AS n FROM schema_migrations WHERE version = '0012'").get().n, 0, 'A failed migration must not be recorded in schema_migrations');
  assert.equal(s.tableExists('must_not_exist'), false, 'After a failure, later migrations (0013) must not be attempted');
  assert.ok(s.tableExists('tags'), '0011 succeeded before 0012 failed, so it must stay applied: give every file its own transaction, not one transaction around the whole run');
  assert.deepEqual(plain(s.migrator().status()), { applied: ['0001', '0002', '0010', '0011'], pending: ['0012', '0013'] },
    'After 0012 failed, status() must show 0011 applied and 0012, 0013 still pending');
  assert.equal(s.inTransaction(), false, 'The connection must not be left inside a transaction');
});

test('a migration and its record commit together', (t) => {
  const s = setUp(t);
  s.migrator().migrate();
  // Simulate a failure while recording 0011 (disk full, lock timeout...).
  s.db.exec(`CREATE TRIGGER fail_recording BEFORE INSERT ON schema_migrations
             WHEN NEW.version = '0011' BEGIN SELECT RAISE(ABORT, 'simulated failure while recording'); END`);
  s.addFixture('0011_create_tags.sql');

  const error = thrownBy(() => s.migrator().migrate());
  assert.ok(error instanceof MigrationFailed, `migrate() must throw MigrationFailed when recording a migration fails (it threw ${error?.name ?? 'nothing'})`);
  assert.equal(s.tableExists('tags'), false,
    "Recording 0011 failed but its table stayed: insert the schema_migrations row inside the same transaction as the migration's SQL, before COMMIT");
  assert.equal(s.inTransaction(), false, 'The connection must not be left inside a transaction');
});

test('an edited migration throws ChecksumMismatch before applying anything', (t) => {
  const s = setUp(t);
  s.migrator().migrate();
  appendFileSync(join(s.dir, '0002_create_posts.sql'), '\n-- fixed a typo\n');
  s.addFixture('0011_create_tags.sql');

  const error = thrownBy(() => s.migrator().migrate());
  assert.ok(error instanceof ChecksumMismatch, `Editing an applied migration must make migrate() throw ChecksumMismatch (it threw ${error?.name ?? 'nothing'})`);
  assert.equal(s.tableExists('tags'), false, 'Check the checksums of applied files BEFORE applying pending ones (0011 was applied anyway)');
});

test('status lists applied and pending versions', (t) => {
  const s = setUp(t);
  assert.deepEqual(plain(s.migrator().status()), { applied: [], pending: ['0001', '0002', '0010'] },
    'status() on a fresh database must list every file as pending, in version order');
  s.migrator().migrate();
  s.addFixture('0011_create_tags.sql');
  writeFileSync(join(s.dir, 'README.txt'), 'not a migration');
  writeFileSync(join(s.dir, 'notes.sql'), '-- no version number: not a migration');
  // An editor's backup and a draft: they contain a version, but the whole name is not NNNN_name.sql.
  writeFileSync(join(s.dir, '0003_create_drafts.sql.bak'), 'CREATE TABLE drafts (id INTEGER PRIMARY KEY);\n');
  writeFileSync(join(s.dir, 'draft-0004_create_ideas.sql'), 'CREATE TABLE ideas (id INTEGER PRIMARY KEY);\n');
  assert.deepEqual(plain(s.migrator().status()), { applied: ['0001', '0002', '0010'], pending: ['0011'] },
    'status() must list applied versions and the pending 0011, and ignore every file whose whole name is not NNNN_name.sql (README.txt, notes.sql, 0003_create_drafts.sql.bak, draft-0004_create_ideas.sql): anchor the file-name pattern with ^ and $');
});

test('the expand migration adds a nullable full_name and backfills it', (t) => {
  const s = setUp(t);
  s.migrator().migrate();
  const seed = s.db.prepare('INSERT INTO users (name, email) VALUES (?, ?)');
  for (const [name, email] of [['Ann Lee', 'ann@example.com'], ['Ben Ode', 'ben@example.com'], ['Cleo Park', 'cleo@example.com']]) seed.run(name, email);
  // ... and a few users nobody can know in advance (seeded, so every run is the same).
  let state = 909;
  const next = (n) => { state = (state * 1103515245 + 12345) % 2147483648; return state % n; };
  const syllables = ['ka', 'lo', 'mi', 'ren', 'to', 'su', 'vik', 'ne'];
  const word = () => { const w = syllables[next(8)] + syllables[next(8)]; return w[0].toUpperCase() + w.slice(1); };
  for (let i = 0; i < 25; i += 1) seed.run(`${word()} ${word()}`, `user${i}@example.org`);
  copyFileSync(new URL('0020_add_users_full_name.sql', MIGRATIONS), join(s.dir, '0020_add_users_full_name.sql'));

  assert.deepEqual(s.migrator().migrate(), ['0020'], 'migrations/0020_add_users_full_name.sql must be applied');
  const columns = new Map(s.db.prepare("SELECT name, \"notnull\" AS required FROM pragma_table_info('users')").all().map((c) => [c.name, c]));
  assert.ok(columns.has('full_name'), '0020 must ADD COLUMN full_name to users');
  assert.equal(columns.get('full_name').required, 0, 'full_name must be nullable in the expand step, so old code that inserts without it keeps working');
  assert.ok(columns.has('name'), 'Do not drop or rename users.name in the expand step');
  assert.equal(s.db.prepare('SELECT COUNT(*) AS n FROM users WHERE full_name IS NULL').get().n, 0, '0020 must backfill full_name for existing rows (UPDATE users SET full_name = name ...)');
  assert.equal(s.db.prepare("SELECT full_name FROM users WHERE email = 'cleo@example.com'").get().full_name, 'Cleo Park', 'full_name must be copied from name');
  assert.equal(s.db.prepare('SELECT COUNT(*) AS n FROM users WHERE full_name IS NOT name').get().n, 0,
    '0020 must copy name into full_name for every existing row, whatever the data: UPDATE users SET full_name = name');

  try {
    s.db.exec("INSERT INTO users (name, email) VALUES ('Old Code', 'old@example.com')");
  } catch (error) {
    assert.fail(`After 0020, the old application's INSERT without full_name failed (${error.message}): the expand step must keep every old write working`);
  }
  assert.equal(s.db.prepare("SELECT COUNT(*) AS n FROM users WHERE email = 'old@example.com' AND (full_name IS NULL OR full_name = name)").get().n, 1,
    'A row written by the old code got a made-up full_name (a DEFAULT): leave the new column NULL (no DEFAULT), so the next backfill (WHERE full_name IS NULL) still finds the rows old code writes');
});
