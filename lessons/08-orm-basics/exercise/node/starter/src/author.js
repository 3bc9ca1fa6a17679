// The author entity, mapped from one row of the `users` table. It holds everything the row holds,
// including fields that must never leave the server (email, password hash).
export class Author {
  /**
   * @param {number} id
   * @param {string} name
   * @param {string} email
   * @param {string} passwordHash
   */
  constructor(id, name, email, passwordHash) {
    this.id = id;
    this.name = name;
    this.email = email;
    this.passwordHash = passwordHash;
  }
}
