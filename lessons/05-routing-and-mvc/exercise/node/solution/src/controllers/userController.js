// A controller translates HTTP into a call on the model and back. It stays thin: no SQL, no
// business rules, and its input comes from the route parameters.
import { Response } from '../http.js';
import { UserPage } from '../views/userPage.js';

export class UserController {
  constructor(users, serializer, page = new UserPage()) {
    this.users = users;
    this.serializer = serializer;
    this.userPage = page;
  }

  /** GET /users/{id:\d+} */
  show(request, params) {
    // The router has already checked that id is digits only.
    const user = this.users.find(Number(params.id));
    if (user === null) return Response.text(404, 'Not Found');
    return Response.json(this.serializer.toJSON(user));
  }

  /** GET /users/{id:\d+}/page */
  page(request, params) {
    const user = this.users.find(Number(params.id));
    if (user === null) return Response.text(404, 'Not Found');
    return new Response(200, { 'Content-Type': 'text/html; charset=utf-8' }, this.userPage.render(user));
  }
}
