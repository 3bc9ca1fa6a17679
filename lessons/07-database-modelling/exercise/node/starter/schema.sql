-- schema.sql: the blog-and-shop schema. Rewrite it so the DATABASE enforces
-- the rules in README.md. This first draft "works" in a demo, but it has the
-- classic modelling mistakes: no foreign keys, tags as a comma-separated list,
-- money as REAL, no CHECK or UNIQUE constraints, timestamps in any format,
-- no STRICT tables.
-- Keep the table and column names: the tests and tests/fixtures/seed.sql use them.

CREATE TABLE users (
  id           INTEGER PRIMARY KEY,
  email        TEXT,
  display_name TEXT,
  created_at   TEXT
);

CREATE TABLE posts (
  id           INTEGER PRIMARY KEY,
  user_id      INTEGER,
  title        TEXT,
  body         TEXT,
  published_at TEXT,
  tags         TEXT            -- 'php,sql': a list in one column breaks 1NF; drop it
);

CREATE TABLE tags (
  id   INTEGER PRIMARY KEY,
  name TEXT
);

CREATE TABLE post_tags (       -- junction table for the M:N relation
  post_id INTEGER,
  tag_id  INTEGER
);

CREATE TABLE comments (
  id         INTEGER PRIMARY KEY,
  post_id    INTEGER,
  user_id    INTEGER,
  body       TEXT,
  rating     INTEGER,
  created_at TEXT
);

CREATE TABLE products (
  id          INTEGER PRIMARY KEY,
  sku         TEXT,
  name        TEXT,
  price_cents REAL
);
