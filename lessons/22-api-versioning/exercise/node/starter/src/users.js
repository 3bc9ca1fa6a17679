// The domain core: it knows nothing about HTTP or API versions.
// You do not need to change this file.
const USERS = new Map([
  ['1', { id: '1', firstName: 'Ada', lastName: 'Lovelace' }],
  ['2', { id: '2', firstName: 'Alan', lastName: 'Turing' }],
]);

export const userService = {
  /** @returns {Promise<{id: string, firstName: string, lastName: string} | null>} */
  async getUser(id) {
    return USERS.get(id) ?? null;
  },
};
