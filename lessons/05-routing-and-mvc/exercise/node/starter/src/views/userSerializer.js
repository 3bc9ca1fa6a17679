// In a JSON API the serializer is the view: it decides, field by field, what leaves the server.
// Email and password hash never do.
export class UserSerializer {
  /** @returns {{id: number, name: string}} */
  toJSON(user) {
    return { id: user.id, name: user.name };
  }
}
