// A wrapper that keeps a secret out of JSON, logs and console output.
// You do not need to edit this file: use it in src/config.js.
import { inspect } from 'node:util';

export class Secret {
  #value;

  constructor(value) {
    this.#value = value;
    Object.freeze(this);
  }

  /** The only way to read the value: call it where you really need it. */
  reveal() {
    return this.#value;
  }

  toString() {
    return '[REDACTED]';
  }

  toJSON() {
    return '[REDACTED]';
  }

  [inspect.custom]() {
    return 'Secret([REDACTED])';
  }
}
