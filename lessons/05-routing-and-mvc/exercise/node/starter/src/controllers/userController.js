// A controller translates HTTP into a call on the model and back. It should stay thin: no SQL, no
// business rules, and no digging in the raw request for input the router already extracted.
import { Response } from '../http.js';
import { UserPage } from '../views/userPage.js';

export class UserController {
  /**
   * @param {import('../services/userDirectory.js').UserDirectory} users
   * @param {import('../views/userSerializer.js').UserSerializer} serializer
   */
  constructor(users, serializer, page = new UserPage()) {
    this.users = users;
    this.serializer = serializer;
    this.userPage = page;
  }

  /** GET /users/{id:\d+} */
  show(request, params) {
    // Old habit: read the id from the query string instead of using the parameter the router
    // already extracted and validated. Fix this: use params.id, and never parse the query string
    // or the raw path in a controller.
    const id = Number(new URLSearchParams(request.query).get('id'));

    const user = this.users.find(id);
    if (user === null) return Response.text(404, 'Not Found');
    return Response.json(this.serializer.toJSON(user));
  }

  /**
   * GET /users/{id:\d+}/page: the same user as an HTML page. 200 with
   * Content-Type: text/html; charset=utf-8 and the body from UserPage#render(), or 404 when there
   * is no such user.
   */
  page(request, params) {
    throw new Error('Not implemented yet: UserController#page()');
  }
}
