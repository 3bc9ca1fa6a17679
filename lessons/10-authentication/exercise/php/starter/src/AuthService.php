<?php

declare(strict_types=1);

namespace Exercise;

use LogicException;
use PDO;

/**
 * Email + password login backed by the `users` and `login_failures` tables (see Schema).
 *
 * Replace each `throw new LogicException(...)` with a real implementation.
 * The README lists every rule the tests check.
 */
final class AuthService
{
    /** The one message for every failed login: unknown email and wrong password alike. */
    public const GENERIC_ERROR = 'Invalid email or password.';
    public const MAX_FAILURES = 5;
    public const WINDOW_SECONDS = 15 * 60;
    public const MIN_CHARACTERS = 15;
    public const BCRYPT_MAX_BYTES = 72;

    /**
     * The application's settings for every hash it creates: pass them to password_hash() and
     * password_needs_rehash(). Cost 10 is OWASP's minimum for bcrypt and keeps the tests fast;
     * production code should use at least 12 (PHP 8.4's default).
     */
    private const HASH_OPTIONS = ['cost' => 10];

    public function __construct(
        private PDO $db,
        private SessionStore $session,
        private Clock $clock,
    ) {
    }

    /**
     * Creates an account and returns its ID.
     *
     * - Refuse passwords under MIN_CHARACTERS characters (count with mb_strlen) and,
     *   while PASSWORD_DEFAULT is bcrypt, over BCRYPT_MAX_BYTES bytes (count with strlen),
     *   by throwing PasswordRejected.
     * - Store password_hash($password, PASSWORD_DEFAULT, self::HASH_OPTIONS), never the password.
     * - Use prepared statements.
     *
     * @throws PasswordRejected
     */
    public function register(string $email, string $password): int
    {
        throw new LogicException('Not implemented yet: register()');
    }

    /**
     * Checks the credentials, starts the authenticated session and returns the user ID.
     *
     * - After MAX_FAILURES failures for this email within WINDOW_SECONDS, throw TooManyAttempts
     *   (even if the password is right) until the window has passed.
     * - Any failure throws AuthenticationFailed(self::GENERIC_ERROR) and records it.
     * - Every attempt that is not throttled runs password_verify() exactly once: against the
     *   user's hash, or against a dummy hash made once, offline, with the same algorithm and
     *   cost (a constant), when the email is unknown. Never call password_hash() for that.
     * - Legacy rows hold md5($password) (32 hex characters): accept them once, then replace them.
     * - On success: upgrade weak hashes, call $this->session->regenerate() and only then
     *   set 'user_id' (and 'auth_time').
     *
     * @throws AuthenticationFailed
     * @throws TooManyAttempts
     */
    public function login(string $email, string $password): int
    {
        throw new LogicException('Not implemented yet: login()');
    }

    /** Ends the session. */
    public function logout(): void
    {
        throw new LogicException('Not implemented yet: logout()');
    }
}
