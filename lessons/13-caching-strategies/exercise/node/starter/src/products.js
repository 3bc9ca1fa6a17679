// The "database" for this exercise: an in-memory product repository that
// counts how often it is read, so the tests can see whether the cache works.

/**
 * @param {Record<string, {name: {en: string, fr: string}, priceCents: number}>} seed
 */
export function createProductRepository(seed) {
  const rows = new Map(Object.entries(seed).map(([id, p]) => [id, structuredClone(p)]));
  let loads = 0;

  return {
    /** How many times find() has been called. */
    get loads() {
      return loads;
    },
    async find(id) {
      loads += 1;
      const row = rows.get(id);
      return row ? structuredClone(row) : null;
    },
    async save(id, product) {
      rows.set(id, structuredClone(product));
    },
  };
}
