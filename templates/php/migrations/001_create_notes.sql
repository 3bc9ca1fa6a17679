-- Notes: the one resource of the starter API.
-- INTEGER PRIMARY KEY makes "id" SQLite's rowid: auto-assigned and fast to look up.
-- Timestamps are ISO 8601 text in UTC, which sorts correctly as text.
CREATE TABLE notes (
    id         INTEGER PRIMARY KEY,
    title      TEXT    NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    body       TEXT    NOT NULL DEFAULT '',
    created_at TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
