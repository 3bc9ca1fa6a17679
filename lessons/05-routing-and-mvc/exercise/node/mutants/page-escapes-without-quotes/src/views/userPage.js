// The HTML view of one user. Everything that came from the database is untrusted, so every value
// is escaped for HTML where it is inserted.

const ENTITIES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Safe in HTML text and in quoted attribute values; not in URLs, scripts or styles. */
const e = (value) => String(value).replace(/[&<>]/g, (ch) => ENTITIES[ch]);

export class UserPage {
  /** @param {{id: number, name: string}} user */
  render(user) {
    const id = e(user.id);
    const name = e(user.name);

    return `<!doctype html>
<html lang="en">
<title>${name}</title>
<h1 data-user-id="${id}" title="${name}">${name}</h1>
</html>
`;
  }
}
