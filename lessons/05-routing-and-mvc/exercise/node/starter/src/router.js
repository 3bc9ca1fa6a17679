// Maps method + path to handlers.
//
// A handler is any function with the signature
//     (request, params) => Response
// where params maps each {name} in the pattern to its decoded value (a string).
//
// See README.md for the exact rules your router must follow.
import { Response } from './http.js';

export class Router {
  /**
   * Register a route.
   * @param {string} method an HTTP method such as 'GET' or 'DELETE'
   * @param {string} pattern a path such as '/users/{id:\\d+}' or '/files/{name}'
   * @param {(request: import('./http.js').Request, params: Record<string, string>) => Response} handler
   */
  add(method, pattern, handler) {
    throw new Error('Not implemented yet: Router#add()');
  }

  /**
   * @param {import('./http.js').Request} request
   * @returns {Response}
   */
  dispatch(request) {
    throw new Error('Not implemented yet: Router#dispatch()');
  }
}
