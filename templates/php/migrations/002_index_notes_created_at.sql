-- The notes list is sorted newest first. Without an index SQLite must sort
-- the whole table on every request; with it, it just walks the index.
-- Schema changes always go in a *new* file: 001 may already be applied somewhere.
CREATE INDEX notes_created_at_idx ON notes (created_at);
