// The HTML view of one user. Everything that came from the database is untrusted: a user may call
// themselves <script>...</script>.
//
// Fix render(): escape every value for HTML before it goes into the markup (text and the quoted
// attribute alike), with one small helper.
export class UserPage {
  /** @param {{id: number, name: string}} user */
  render(user) {
    const id = user.id;
    const name = user.name;

    return `<!doctype html>
<html lang="en">
<title>${name}</title>
<h1 data-user-id="${id}" title="${name}">${name}</h1>
</html>
`;
  }
}
