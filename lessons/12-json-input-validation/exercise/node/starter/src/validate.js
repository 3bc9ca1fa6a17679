/**
 * Validate the body of POST /users.
 *
 * `body` is whatever JSON.parse produced: it may be an object, an array, a
 * string, null... Collect EVERY problem (not just the first) and return them
 * as a list of { pointer, detail } objects, where `pointer` is a JSON Pointer
 * (RFC 6901) into the request document: '' for the whole body, '/name' for the
 * name member, and so on. Return [] when the body is valid.
 *
 * Rules:
 *   - the body must be a JSON object (pointer '')
 *   - only the properties name, email and age are allowed; report every other
 *     property, including "__proto__" and "isAdmin", at its own pointer
 *   - name:  required string, 1 to 100 characters after trimming
 *   - email: required string that looks like an e-mail address, at most 254 characters
 *   - age:   optional; if present, an integer JSON number (not "30") from 13 to 130
 *
 * Keep `detail` texts short and generic: never copy the submitted value into them.
 *
 * @param {unknown} body
 * @returns {{ pointer: string, detail: string }[]}
 */
export function validateCreateUser(body) {
  throw new Error('Not implemented yet: validateCreateUser() in src/validate.js');
}
