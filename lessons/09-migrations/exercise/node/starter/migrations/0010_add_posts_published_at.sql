-- Adding a nullable column is safe while old code is running:
-- old code simply never reads or writes it.
ALTER TABLE posts ADD COLUMN published_at TEXT;
