-- schema.sql: blog-and-shop schema. Every rule lives in the database.
-- STRICT tables (SQLite 3.37+) reject values of the wrong type.
-- Timestamps are UTC ISO-8601 text ('2026-01-05T09:00:00Z'). The CHECK
-- re-formats the value and compares: anything else (a space instead of T, no
-- Z, an offset, 'yesterday') comes back different or NULL. IS, not =, so that
-- NULL from strftime() fails the check instead of passing it as "unknown".

CREATE TABLE users (
  id           INTEGER PRIMARY KEY,
  email        TEXT NOT NULL COLLATE NOCASE UNIQUE,   -- ASCII case folding
  display_name TEXT NOT NULL CHECK (length(display_name) BETWEEN 1 AND 80),
  created_at   TEXT NOT NULL CHECK (created_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z')
) STRICT;

CREATE TABLE posts (
  id           INTEGER PRIMARY KEY,
  user_id      INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  title        TEXT NOT NULL CHECK (length(title) > 0),
  body         TEXT NOT NULL,
  published_at TEXT                                   -- NULL = draft
    CHECK (published_at IS NULL OR published_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z')
) STRICT;
CREATE INDEX idx_posts_user ON posts (user_id);

CREATE TABLE tags (
  id   INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE
) STRICT;

CREATE TABLE post_tags (
  post_id INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
  tag_id  INTEGER NOT NULL REFERENCES tags(id)  ON DELETE RESTRICT,
  PRIMARY KEY (post_id, tag_id)
) STRICT;
CREATE INDEX idx_post_tags_tag ON post_tags (tag_id);

CREATE TABLE comments (
  id         INTEGER PRIMARY KEY,
  post_id    INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
  user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  body       TEXT NOT NULL,
  rating     INTEGER CHECK (rating BETWEEN 1 AND 5),  -- optional; NULL passes
  created_at TEXT NOT NULL CHECK (created_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z')
) STRICT;
CREATE INDEX idx_comments_post ON comments (post_id);
CREATE INDEX idx_comments_user ON comments (user_id);

CREATE TABLE products (
  id          INTEGER PRIMARY KEY,
  sku         TEXT NOT NULL UNIQUE,
  name        TEXT NOT NULL,
  price_cents INTEGER NOT NULL CHECK (price_cents >= 0)
) STRICT;
