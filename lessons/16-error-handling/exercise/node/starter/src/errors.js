// The error classes of the order API (given: you do not need to change this file).

/** Every error the client caused. Its message is written for the client. */
export class ClientError extends Error {
  name = 'ClientError';
}

/** 404: the thing the client asked for does not exist. */
export class NotFound extends ClientError {
  name = 'NotFound';
}

/** 422: the request is well-formed but some fields are invalid. */
export class ValidationFailed extends ClientError {
  name = 'ValidationFailed';

  /** @param {{ pointer: string, detail: string }[]} errors one entry per invalid field (JSON Pointer) */
  constructor(errors) {
    super('The request contains invalid fields.');
    this.errors = errors;
  }
}

/** An infrastructure failure while placing an order (not the client's fault). */
export class OrderFailed extends Error {
  name = 'OrderFailed';
}
