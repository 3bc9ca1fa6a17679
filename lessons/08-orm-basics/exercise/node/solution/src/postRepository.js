// Data Mapper for posts: turns rows of `posts` and `users` into Post and Author objects, and writes
// changes back. All SQL lives here.
//
// Tables:
//   users(id, name, email, password_hash, is_admin)
//   posts(id, user_id, title, body, is_pinned)
import { Author } from './author.js';
import { Post } from './post.js';

/** Columns a client may change through update(). */
const WRITABLE = ['title', 'body'];

const SELECT_WITH_AUTHOR = `
  SELECT p.id, p.title, p.body, u.id AS author_id, u.name, u.email, u.password_hash
    FROM posts AS p
    JOIN users AS u ON u.id = p.user_id`;

export class PostRepository {
  /** @param {import('node:sqlite').DatabaseSync} db */
  constructor(db) {
    this.db = db;
  }

  /** @returns {Post[]} */
  findAllWithAuthorsNaive() {
    const posts = [];
    for (const row of this.db.prepare('SELECT id, user_id, title, body FROM posts ORDER BY id').all()) {
      const user = this.db.prepare('SELECT id, name, email, password_hash FROM users WHERE id = ?').get(row.user_id);
      const author = new Author(user.id, user.name, user.email, user.password_hash);
      posts.push(new Post(row.id, row.title, row.body, author));
    }
    return posts;
  }

  /** @returns {Post[]} One statement: posts JOIN users, hydrated with an identity map. */
  findAllWithAuthors() {
    return this.#hydrate(this.db.prepare(`${SELECT_WITH_AUTHOR} ORDER BY p.id`).all());
  }

  /** @returns {number} rows changed */
  update(id, input) {
    // Own properties only: a parsed "__proto__" key or an inherited property is never a field.
    const columns = WRITABLE.filter((column) => Object.hasOwn(input, column) && typeof input[column] === 'string');
    // A blank title is invalid input: ignored like a value that is not a string.
    if (columns.includes('title') && input.title.trim() === '') columns.splice(columns.indexOf('title'), 1);
    if (columns.length === 0) return 0;

    // Column names come from our constant allowlist, never from the text of the input's keys.
    const assignments = columns.map((column) => `${column} = :${column}`).join(', ');
    const values = Object.fromEntries(columns.map((column) => [column, input[column]]));
    const result = this.db.prepare(`UPDATE posts SET ${assignments} WHERE id = :id`).run({ ...values, id });
    return Number(result.changes);
  }

  /** @returns {Post[]} */
  search(q) {
    const pattern = `%${q.replace(/[\\%_]/g, '\\$&')}%`;
    return this.#hydrate(this.db.prepare(`${SELECT_WITH_AUTHOR} WHERE p.title LIKE :pattern ESCAPE '\\' ORDER BY p.id`).all({ pattern }));
  }

  #hydrate(rows) {
    const authors = new Map(); // identity map: one Author object per user id
    return rows.map((row) => {
      if (!authors.has(row.author_id)) authors.set(row.author_id, new Author(row.author_id, row.name, row.email, row.password_hash));
      return new Post(row.id, row.title, row.body, authors.get(row.author_id));
    });
  }
}
