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
   * The public representation sent to API clients: JSON.stringify(post) and res.json(post) call it.
   *
   * Your task: this spreads the whole Author entity, including its email and password hash.
   * Return an explicit shape instead:
   * { id: number, title: string, body: string, author: { id: number, name: string } }
   */
  toJSON() {
    return { id: this.id, title: this.title, body: this.body, author: { ...this.author } };
  }
}
