// The errors AuthService throws (given: you do not need to change this file).

/** Wrong password or unknown email: always with the one generic message. */
export class AuthenticationFailed extends Error {
  name = 'AuthenticationFailed';
}

/** Too many recent failures for this email: try again later. */
export class TooManyAttempts extends Error {
  name = 'TooManyAttempts';
}

/** The password breaks the password policy (the message says which rule). */
export class PasswordRejected extends Error {
  name = 'PasswordRejected';
}
