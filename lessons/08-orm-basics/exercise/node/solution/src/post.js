// The post entity, mapped from one row of `posts` plus its author.
export class Post {
  /**
   * @param {number} id
   * @param {string} title
   * @param {string} body
   * @param {import('./author.js').Author} author
   */
  constructor(id, title, body, author) {
    this.id = id;
    this.title = title;
    this.body = body;
    this.author = author;
  }

  /**
   * The public representation sent to API clients (JSON.stringify calls it): an explicit allowlist
   * of fields, so a property added to an entity later never leaks by accident.
   */
  toJSON() {
    return { id: this.id, title: this.title, body: this.body, author: { id: this.author.id, name: this.author.name } };
  }
}
