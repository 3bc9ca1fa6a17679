// The "model" side: where users come from and the rules about them. A real app would query a
// database with prepared statements here; the exercise keeps the data in memory.
export class UserDirectory {
  /** @param {Map<number, {id: number, name: string, email: string, passwordHash: string}>} users */
  constructor(users) {
    this.users = users;
  }

  /** @returns {{id: number, name: string, email: string, passwordHash: string} | null} */
  find(id) {
    return this.users.get(id) ?? null;
  }
}
