const ALLOWED = new Set(['name', 'email', 'age']);
const EMAIL = /^[^\s@]+@[^\s@]+$/;

/** Escape a member name for a JSON Pointer (RFC 6901): ~ -> ~0, / -> ~1. */
const pointerTo = (key) => '/' + key.replaceAll('~', '~0').replaceAll('/', '~1');

/**
 * Validate the body of POST /users.
 * Collects EVERY problem; returns [] when the body is valid.
 *
 * @param {unknown} body  the value produced by JSON.parse
 * @returns {{ pointer: string, detail: string }[]}
 */
export function validateCreateUser(body) {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    return [{ pointer: '', detail: 'The body must be a JSON object.' }];
  }
  const errors = [];

  // Object.keys lists own keys, including a parsed "__proto__" member.
  for (const key of Object.keys(body)) {
    if (!ALLOWED.has(key)) {
      errors.push({ pointer: pointerTo(key), detail: 'This property is not allowed.' });
    }
  }

  const { name, email, age } = body;
  if (name === undefined) {
    errors.push({ pointer: '/name', detail: 'name is required.' });
  } else if (typeof name !== 'string') {
    errors.push({ pointer: '/name', detail: 'name must be a string.' });
  } else {
    const length = [...name.trim()].length; // code points, not UTF-16 units
    if (length < 1 || length > 100) {
      errors.push({ pointer: '/name', detail: 'name must be 1 to 100 characters long.' });
    }
  }

  if (email === undefined) {
    errors.push({ pointer: '/email', detail: 'email is required.' });
  } else if (typeof email !== 'string') {
    errors.push({ pointer: '/email', detail: 'email must be a string.' });
  } else if (email.length > 254 || !EMAIL.test(email)) {
    errors.push({ pointer: '/email', detail: 'email must be a valid e-mail address.' });
  }

  if (age !== undefined) {
    if (typeof age !== 'number' || !Number.isInteger(age)) {
      errors.push({ pointer: '/age', detail: 'age must be an integer (a JSON number, not a string).' });
    } else if (age < 13 || age > 130) {
      errors.push({ pointer: '/age', detail: 'age must be between 13 and 130.' });
    }
  }
  return errors;
}
