/**
 * All SQL for notes lives here. Statements are prepared once and values are
 * always passed as parameters (?), never pasted into the SQL text: that is
 * what makes SQL injection impossible, whatever the user sends.
 *
 * @param {import('node:sqlite').DatabaseSync} db a migrated database
 */
export function createNotesRepository(db) {
  const insert = db.prepare(
    'INSERT INTO notes (title, body) VALUES (?, ?) RETURNING id, title, body, created_at',
  );
  const selectById = db.prepare('SELECT id, title, body, created_at FROM notes WHERE id = ?');
  const selectLatest = db.prepare(
    'SELECT id, title, body, created_at FROM notes ORDER BY created_at DESC, id DESC LIMIT ?',
  );

  return {
    /** @param {{ title: string, body?: string }} note */
    create({ title, body = '' }) {
      // RETURNING hands back the row with the defaults the database filled in.
      return toNote(insert.get(title, body));
    },

    /** @param {number} id @returns {Note | null} */
    find(id) {
      const row = selectById.get(id);
      return row === undefined ? null : toNote(row);
    },

    /** @returns {Note[]} newest first */
    latest(limit = 50) {
      return selectLatest.all(limit).map(toNote);
    },
  };
}

/**
 * @typedef {{ id: number, title: string, body: string, createdAt: string }} Note
 */

/** Map a row to the public shape: camelCase, and decoupled from column names. */
function toNote(row) {
  return { id: Number(row.id), title: row.title, body: row.body, createdAt: row.created_at };
}
