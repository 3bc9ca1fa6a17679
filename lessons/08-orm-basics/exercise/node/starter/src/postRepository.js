// Data Mapper for posts: turns rows of `posts` and `users` into Post and Author objects, and writes
// changes back. The entities know nothing about the database; all SQL lives here.
//
// Tables:
//   users(id, name, email, password_hash, is_admin)
//   posts(id, user_id, title, body, is_pinned)
import { Author } from './author.js';
import { Post } from './post.js';

export class PostRepository {
  /** @param {import('node:sqlite').DatabaseSync} db */
  constructor(db) {
    this.db = db;
  }

  /**
   * The slow version, kept for comparison: one query for the posts, then one more query PER POST
   * to load its author (the N+1 pattern). Do not change it: the tests use it as the baseline.
   * @returns {Post[]}
   */
  findAllWithAuthorsNaive() {
    const posts = [];
    for (const row of this.db.prepare('SELECT id, user_id, title, body FROM posts ORDER BY id').all()) {
      const user = this.db.prepare('SELECT id, name, email, password_hash FROM users WHERE id = ?').get(row.user_id);
      const author = new Author(user.id, user.name, user.email, user.password_hash);
      posts.push(new Post(row.id, row.title, row.body, author));
    }
    return posts;
  }

  /**
   * Same result as findAllWithAuthorsNaive() (same posts, same order, same data) with at most 2
   * statements in total. Posts by the same author must share ONE Author instance (an identity map
   * for this call or this repository).
   * @returns {Post[]}
   */
  findAllWithAuthors() {
    throw new Error('Not implemented yet: findAllWithAuthors()');
  }

  /**
   * Updates a post from untrusted input (for example a parsed JSON body). Only `title` and `body`
   * may change, and only to strings; every other key (user_id, is_pinned, is_admin, id, __proto__,
   * ...) is ignored, and so is a title that is empty or only whitespace. Returns the number of rows changed (0 when the post does not exist or nothing
   * allowed was given; then no statement at all is sent).
   * @param {number} id
   * @param {Record<string, unknown>} input
   * @returns {number}
   */
  update(id, input) {
    throw new Error('Not implemented yet: update()');
  }

  /**
   * Posts whose title contains q literally (so "50%" means the characters 5, 0 and %), ordered by
   * id, with authors. Use a bound parameter and LIKE ... ESCAPE so % and _ in q are not wildcards.
   * @param {string} q
   * @returns {Post[]}
   */
  search(q) {
    throw new Error('Not implemented yet: search()');
  }
}
