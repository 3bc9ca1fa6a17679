import { test } from 'node:test';
import assert from 'node:assert/strict';
import { connect, runFile } from '../src/db.js';

const SCHEMA = new URL('../schema.sql', import.meta.url);
const SEED = new URL('./fixtures/seed.sql', import.meta.url);
const TABLES = ['users', 'posts', 'tags', 'post_tags', 'comments', 'products'];

/** A fresh in-memory database with schema.sql and the seed loaded. */
function setUp() {
  const db = connect();
  try {
    runFile(db, SCHEMA);
    runFile(db, SEED);
  } catch (error) {
    assert.fail(`schema.sql or the seed data could not be loaded (${error.message}). Check table and column names against README.md.`);
  }
  return db;
}

/** The statement must fail, and its error must mention `expected` (e.g. 'FOREIGN KEY'). */
function assertRejected(db, sql, expected, message) {
  let error;
  try {
    db.exec(sql);
  } catch (caught) {
    error = caught;
  }
  if (error === undefined) assert.fail(message);
  assert.ok(error.message.toLowerCase().includes(expected.toLowerCase()), `${message} (the statement failed, but with: ${error.message})`);
}

function execOrFail(db, sql, message) {
  try {
    db.exec(sql);
  } catch (error) {
    assert.fail(`${message} (SQLite said: ${error.message})`);
  }
}

const count = (db, sql) => db.prepare(sql).get().n;
const onDelete = (db, table, column) => db.prepare(`SELECT on_delete FROM pragma_foreign_key_list('${table}') WHERE "from" = ?`).get(column)?.on_delete?.toUpperCase() ?? null;

/** A small seeded generator (mulberry32): "random" values that are the same on every run. */
function seededRandom(seed) {
  let a = seed >>> 0;
  return (min, max) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return min + Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * (max - min + 1));
  };
}

test('a post with an unknown user is rejected by the foreign key', () => {
  const db = setUp();
  assertRejected(db, "INSERT INTO posts (user_id, title, body) VALUES (999, 'Orphan', 'x')", 'FOREIGN KEY',
    'posts.user_id must be declared REFERENCES users(id) so an unknown user_id is rejected');
  assertRejected(db, "INSERT INTO comments (post_id, user_id, body, created_at) VALUES (999, 1, 'x', '2026-02-01T00:00:00Z')", 'FOREIGN KEY',
    'comments.post_id must be declared REFERENCES posts(id) so a comment on an unknown post is rejected');
  assertRejected(db, 'INSERT INTO post_tags (post_id, tag_id) VALUES (1, 999)', 'FOREIGN KEY',
    'post_tags.tag_id must be declared REFERENCES tags(id) so an unknown tag is rejected');
});

test('email is unique ignoring case', () => {
  const db = setUp();
  execOrFail(db, "INSERT INTO users (email, display_name, created_at) VALUES ('Cleo@Example.com', 'Cleo', '2026-02-01T00:00:00Z')",
    'A new user Cleo@Example.com must be accepted');
  assertRejected(db, "INSERT INTO users (email, display_name, created_at) VALUES ('cleo@example.com', 'Cleo 2', '2026-02-01T00:00:00Z')", 'UNIQUE',
    'users.email must be UNIQUE ignoring case: use COLLATE NOCASE on the column (or a unique normalised column)');
  // The same address in seeded random casings: every one is the same user.
  const rand = seededRandom(707);
  for (let i = 0; i < 8; i += 1) {
    const email = [...'ben@example.com'].map((ch) => (rand(0, 1) ? ch.toUpperCase() : ch)).join('');
    if (email === 'ben@example.com') continue;
    assertRejected(db, `INSERT INTO users (email, display_name, created_at) VALUES ('${email}', 'Ben again', '2026-02-01T00:00:00Z')`, 'UNIQUE',
      `${email} was accepted next to ben@example.com: users.email must be UNIQUE ignoring case (COLLATE NOCASE)`);
  }
});

test('email uniqueness still allows different addresses', () => {
  const db = setUp();
  execOrFail(db, "INSERT INTO users (email, display_name, created_at) VALUES ('ann@example.org', 'Ann Two', '2026-02-01T00:00:00Z')",
    'A different address (ann@example.org next to ann@example.com) must be accepted: make email UNIQUE, not the display name');
  execOrFail(db, "INSERT INTO users (email, display_name, created_at) VALUES ('ann2@example.com', 'Ann', '2026-02-01T00:00:00Z')",
    'Two users may share a display name (Ann): only the email is unique');
  assertRejected(db, "INSERT INTO users (email, display_name, created_at) VALUES ('BEN@EXAMPLE.COM', 'Ben again', '2026-02-01T00:00:00Z')", 'UNIQUE',
    'BEN@EXAMPLE.COM was accepted next to ben@example.com: users.email must be UNIQUE ignoring case (COLLATE NOCASE)');
});

test('tag names and SKUs are unique', () => {
  const db = setUp();
  assertRejected(db, "INSERT INTO tags (name) VALUES ('php')", 'UNIQUE',
    'A second tag named php was accepted: declare tags.name NOT NULL UNIQUE so one tag is one row');
  assertRejected(db, "INSERT INTO products (sku, name, price_cents) VALUES ('MUG-01', 'Second mug', 990)", 'UNIQUE',
    'A second product with SKU MUG-01 was accepted: declare products.sku NOT NULL UNIQUE');
  execOrFail(db, "INSERT INTO tags (name) VALUES ('node'); INSERT INTO products (sku, name, price_cents) VALUES ('MUG-02', 'Mug', 990)",
    'A new tag name and a new SKU must be accepted (a product name may repeat)');
});

test('posts have no tag list column', () => {
  const db = setUp();
  const columns = db.prepare("SELECT name FROM pragma_table_info('posts') ORDER BY name").all().map((row) => row.name);
  assert.deepEqual(columns, ['body', 'id', 'published_at', 'title', 'user_id'],
    'posts must have exactly id, user_id, title, body, published_at: a comma-separated tags column breaks first normal form; drop it and keep each post-tag link as a row in post_tags');

  execOrFail(db, 'INSERT INTO post_tags (post_id, tag_id) VALUES (2, 1), (2, 3)', 'Attaching tags to a post must work through post_tags rows');
  const tags = db.prepare('SELECT t.name FROM post_tags AS pt JOIN tags AS t ON t.id = pt.tag_id WHERE pt.post_id = 2 ORDER BY t.name').all().map((row) => row.name);
  assert.deepEqual(tags, ['php', 'unused'], "A post's tags must be readable by joining post_tags to tags");
});

test('required columns are NOT NULL', () => {
  const db = setUp();
  assertRejected(db, "INSERT INTO users (display_name, created_at) VALUES ('No Email', '2026-02-01T00:00:00Z')", 'NOT NULL', 'users.email must be NOT NULL');
  assertRejected(db, "INSERT INTO posts (user_id, body) VALUES (1, 'no title')", 'NOT NULL', 'posts.title must be NOT NULL');
});

test('every column is required except the optional ones', () => {
  const db = setUp();
  // One valid row per table; each required column in turn is set to NULL.
  // Only posts.published_at (a draft) and comments.rating are optional.
  const rows = {
    users: { email: "'nn@example.com'", display_name: "'Nn'", created_at: "'2026-02-01T00:00:00Z'" },
    posts: { user_id: '2', title: "'Draft'", body: "'text'" },
    tags: { name: "'new-tag'" },
    post_tags: { post_id: '2', tag_id: '3' },
    comments: { post_id: '1', user_id: '2', body: "'hi'", created_at: "'2026-02-01T00:00:00Z'" },
    products: { sku: "'NN-1'", name: "'Lamp'", price_cents: '4500' },
  };
  const insert = (table, row) => `INSERT INTO ${table} (${Object.keys(row).join(', ')}) VALUES (${Object.values(row).join(', ')})`;
  for (const [table, row] of Object.entries(rows)) {
    for (const column of Object.keys(row)) {
      assertRejected(db, insert(table, { ...row, [column]: 'NULL' }), '',
        `${table}.${column} = NULL was accepted: every column except posts.published_at and comments.rating is required, so declare ${table}.${column} NOT NULL (a REFERENCES, UNIQUE or CHECK constraint lets NULL through)`);
    }
    execOrFail(db, insert(table, row), `A valid ${table} row was rejected`);
  }
});

test('post_tags rejects duplicate pairs', () => {
  const db = setUp();
  assertRejected(db, 'INSERT INTO post_tags (post_id, tag_id) VALUES (1, 1)', 'UNIQUE',
    'post_tags needs PRIMARY KEY (post_id, tag_id) so the same tag cannot be attached twice');
  execOrFail(db, 'INSERT INTO post_tags (post_id, tag_id) VALUES (2, 1), (1, 3)',
    'Other pairs with the same post or the same tag must still be accepted: the key is the pair, not each column alone');
});

test('rating must be a whole number from 1 to 5', () => {
  const db = setUp();
  const insert = (rating) => `INSERT INTO comments (post_id, user_id, body, rating, created_at) VALUES (1, 1, 'x', ${rating}, '2026-02-01T00:00:00Z')`;
  // Every whole number from -3 to 100, and some that are not whole numbers.
  for (let rating = -3; rating <= 100; rating += 1) {
    if (rating >= 1 && rating <= 5) {
      execOrFail(db, insert(rating), `comments.rating = ${rating} was rejected: 1 to 5 are valid`);
    } else {
      assertRejected(db, insert(rating), '', `comments.rating = ${rating} was accepted: write the rule, not a list: rating INTEGER CHECK (rating BETWEEN 1 AND 5) in a STRICT table`);
    }
  }
  for (const rating of ['3.5', '0.5', '4.000001', "'five'"]) {
    assertRejected(db, insert(rating), '', `comments.rating = ${rating} was accepted: declare rating INTEGER in a STRICT table so only whole numbers fit`);
  }
  execOrFail(db, insert('NULL'), 'comments.rating = NULL was rejected: the rating is optional, so no NOT NULL');
});

test('price is whole non-negative cents', () => {
  const db = setUp();
  const rand = seededRandom(4242);
  const bad = ['-1', '-250', '12.5', "'12.99'", "'free'", `${-rand(2, 99999)}`, `${rand(1, 999)}.${rand(1, 99)}`];
  for (const price of bad) {
    assertRejected(db, `INSERT INTO products (sku, name, price_cents) VALUES ('BAD-1', 'Broken', ${price})`, '',
      `products.price_cents = ${price} was accepted: store whole cents as INTEGER in a STRICT table with CHECK (price_cents >= 0)`);
  }
  const big = rand(100000, 9999999);
  execOrFail(db, `INSERT INTO products (sku, name, price_cents) VALUES ('BIG-1', 'Sofa', ${big})`, `products.price_cents = ${big} must be accepted`);
  assert.equal(db.prepare("SELECT typeof(price_cents) AS t FROM products WHERE sku = 'BIG-1'").get().t, 'integer',
    'products.price_cents must be stored as an INTEGER number of cents');
  assert.equal(db.prepare("SELECT price_cents AS p FROM products WHERE sku = 'TEE-01'").get().p, 0, 'A free product (0 cents) from the seed must keep its price 0');
});

test('timestamps are UTC ISO-8601 text', () => {
  const db = setUp();
  // The last ones have the right shape but are not real instants: a pattern (GLOB, LIKE) that
  // checks only the shape lets them in.
  const invalid = ['2026-01-05 09:00:00', '2026-01-05T09:00:00', '2026-01-05T09:00:00+01:00', 'yesterday', '2026-1-05T09:00:00Z',
    '2026-13-05T09:00:00Z', '2026-01-32T09:00:00Z', '2026-01-05T09:60:00Z', '2026-02-29T12:00:00Z', '2026-04-31T00:00:00Z'];
  for (const time of invalid) {
    assertRejected(db, `INSERT INTO users (email, display_name, created_at) VALUES ('t@example.com', 'T', '${time}')`, '',
      `users.created_at = '${time}' was accepted: instants are real UTC dates and times written as ISO-8601 text ending in Z; checking the shape is not enough, let SQLite parse it: CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', created_at) IS created_at)`);
    assertRejected(db, `INSERT INTO comments (post_id, user_id, body, created_at) VALUES (1, 1, 'x', '${time}')`, '',
      `comments.created_at = '${time}' was accepted: add the same UTC ISO-8601 CHECK as on users.created_at`);
    assertRejected(db, `UPDATE posts SET published_at = '${time}' WHERE id = 2`, '',
      `posts.published_at = '${time}' was accepted: NULL (draft) or UTC ISO-8601 text ending in Z only`);
  }
  const rand = seededRandom(2026);
  const pad = (n) => String(n).padStart(2, '0');
  const valid = ['2026-12-31T23:59:59Z', '2028-02-29T00:00:00Z'];
  for (let i = 0; i < 6; i += 1) valid.push(`${rand(1990, 2099)}-${pad(rand(1, 12))}-${pad(rand(1, 28))}T${pad(rand(0, 23))}:${pad(rand(0, 59))}:${pad(rand(0, 59))}Z`);
  valid.forEach((time, i) => {
    execOrFail(db, `INSERT INTO users (email, display_name, created_at) VALUES ('t${i}@example.com', 'T', '${time}')`, `users.created_at = '${time}' must be accepted`);
    execOrFail(db, `UPDATE posts SET published_at = '${time}' WHERE id = 2`, `posts.published_at = '${time}' must be accepted`);
  });
  execOrFail(db, 'UPDATE posts SET published_at = NULL WHERE id = 1', 'posts.published_at = NULL (a draft) must be accepted');
});

test('deleting a user cascades to their posts and comments', () => {
  const db = setUp();
  execOrFail(db, 'DELETE FROM users WHERE id = 1',
    'Deleting a user must succeed and take their posts and comments with them: use ON DELETE CASCADE, not RESTRICT or SET NULL (the columns are NOT NULL)');
  assert.equal(count(db, 'SELECT COUNT(*) AS n FROM posts WHERE user_id = 1'), 0, 'Deleting a user must delete their posts: posts.user_id needs ON DELETE CASCADE');
  assert.equal(count(db, 'SELECT COUNT(*) AS n FROM comments WHERE user_id = 1'), 0, 'Deleting a user must delete their comments: comments.user_id needs ON DELETE CASCADE');
  assert.equal(count(db, 'SELECT COUNT(*) AS n FROM post_tags WHERE post_id IN (1, 2)'), 0, 'Deleting a post must delete its post_tags rows: post_tags.post_id needs ON DELETE CASCADE');
  assert.equal(count(db, 'SELECT COUNT(*) AS n FROM comments WHERE post_id IN (1, 2)'), 0, 'Deleting a post must delete its comments: comments.post_id needs ON DELETE CASCADE');
  assert.equal(count(db, 'SELECT COUNT(*) AS n FROM posts WHERE id = 3'), 1, "Deleting Ann must not delete Ben's post: cascade only along the user's own foreign keys");
  assert.equal(count(db, 'SELECT COUNT(*) AS n FROM comments WHERE id = 3'), 1, "Deleting Ann must not delete Ben's comment on his own post");
  assert.equal(count(db, 'SELECT COUNT(*) AS n FROM tags'), 3, 'Deleting posts must never delete tags: only the post_tags links go');
});

test('deleting a tag in use is restricted', () => {
  const db = setUp();
  assertRejected(db, 'DELETE FROM tags WHERE id = 2', 'FOREIGN KEY',
    'Deleting a tag that is still attached to a post must fail: post_tags.tag_id needs ON DELETE RESTRICT');
  assert.equal(count(db, 'SELECT COUNT(*) AS n FROM post_tags WHERE tag_id = 2'), 2, 'A refused tag delete must leave its post_tags links in place');
  assert.equal(onDelete(db, 'post_tags', 'tag_id'), 'RESTRICT', 'Declare post_tags.tag_id REFERENCES tags(id) ON DELETE RESTRICT explicitly');
  execOrFail(db, 'DELETE FROM tags WHERE id = 3', 'Deleting an unused tag must succeed');
  assert.equal(count(db, 'SELECT COUNT(*) AS n FROM tags WHERE id = 3'), 0, 'Deleting an unused tag must succeed');
});

test('foreign key metadata and integrity', () => {
  const db = setUp();
  const toUsers = db.prepare("SELECT * FROM pragma_foreign_key_list('posts')").all()
    .filter((fk) => fk.table === 'users' && fk.from === 'user_id' && (fk.to === 'id' || fk.to === null));
  assert.ok(toUsers.length > 0, 'posts.user_id must be declared REFERENCES users(id)');
  assert.deepEqual(db.prepare('PRAGMA foreign_key_check').all(), [],
    'PRAGMA foreign_key_check found rows pointing at missing parents after loading the seed data');
});

test('no money column uses floating point', () => {
  const db = setUp();
  const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all().map((row) => row.name);
  for (const table of tables) {
    for (const column of db.prepare(`SELECT name, type FROM pragma_table_info('${table}')`).all()) {
      if (!/price|cents|amount|total|cost/i.test(column.name)) continue;
      assert.doesNotMatch(column.type, /REAL|FLOA|DOUB/i, `${table}.${column.name} is declared ${column.type}: store money as INTEGER minor units (cents)`);
    }
  }
});

test('every table is STRICT', (t) => {
  const db = setUp();
  const version = db.prepare('SELECT sqlite_version() AS v').get().v;
  const [major, minor] = version.split('.').map(Number);
  if (major === 3 && minor < 37) {
    t.skip(`SQLite ${version} has no STRICT tables (needs 3.37+)`);
    return;
  }
  const strict = new Map(db.prepare("SELECT name, strict FROM pragma_table_list WHERE schema = 'main'").all().map((row) => [row.name, row.strict]));
  for (const table of TABLES) {
    assert.ok(strict.has(table), `Table ${table} is missing from schema.sql`);
    assert.equal(strict.get(table), 1, `Declare table ${table} as STRICT: CREATE TABLE ${table} (...) STRICT;`);
  }
});
