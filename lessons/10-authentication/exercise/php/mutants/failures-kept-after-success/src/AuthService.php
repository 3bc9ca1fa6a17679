<?php

declare(strict_types=1);

namespace Exercise;

use PDO;
use PDOException;

/**
 * Email + password login backed by the `users` and `login_failures` tables (see Schema).
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
     * The application's settings for every hash it creates. Cost 10 is OWASP's minimum for
     * bcrypt and keeps this exercise's tests fast; production code should use at least 12
     * (PHP 8.4's default), then regenerate DUMMY_HASH with the same cost.
     */
    private const HASH_OPTIONS = ['cost' => 10];

    /**
     * Checked instead of a real hash when the email is unknown, so both paths cost one
     * password_verify() at the application's cost. Made once, offline, with
     * php -r "echo password_hash(bin2hex(random_bytes(16)), PASSWORD_BCRYPT, ['cost' => 10]);"
     * Computing it at run time instead would add a second hash to unknown-email logins.
     * Regenerate it whenever the algorithm or HASH_OPTIONS change.
     */
    private const DUMMY_HASH = '$2y$10$HNxNrVeufez9hqNRb5Drw.VuMw3exU3K9spSlYep9tMzYMDOTVcmO';

    public function __construct(
        private PDO $db,
        private SessionStore $session,
        private Clock $clock,
    ) {
    }

    /** @throws PasswordRejected */
    public function register(string $email, string $password): int
    {
        $email = self::normaliseEmail($email);
        if (filter_var($email, FILTER_VALIDATE_EMAIL) === false) {
            throw new \InvalidArgumentException('Please enter a valid email address.');
        }
        self::checkPolicy($password);

        $insert = $this->db->prepare('INSERT INTO users (email, password_hash) VALUES (:email, :hash)');
        try {
            $insert->execute(['email' => $email, 'hash' => password_hash($password, PASSWORD_DEFAULT, self::HASH_OPTIONS)]);
        } catch (PDOException $e) {
            // Usually the UNIQUE constraint. Stay vague: don't confirm that the email is taken.
            throw new \InvalidArgumentException('This account could not be created.', 0, $e);
        }

        return (int) $this->db->lastInsertId();
    }

    /**
     * @throws AuthenticationFailed
     * @throws TooManyAttempts
     */
    public function login(string $email, string $password): int
    {
        $email = self::normaliseEmail($email);
        $now = $this->clock->now()->getTimestamp();

        // Throttle before doing any password work. Counted per email, whether or not it exists.
        if ($this->recentFailures($email, $now) >= self::MAX_FAILURES) {
            throw new TooManyAttempts('Too many failed attempts. Please try again later.');
        }

        $select = $this->db->prepare('SELECT id, password_hash FROM users WHERE email = :email');
        $select->execute(['email' => $email]);
        $row = $select->fetch(PDO::FETCH_ASSOC);

        // Unknown email: verify against a dummy hash so the timing matches a wrong password.
        $stored = $row === false ? self::DUMMY_HASH : (string) $row['password_hash'];
        $isLegacy = self::isLegacyMd5($stored);
        $valid = $isLegacy
            ? hash_equals($stored, md5($password))
            : password_verify($password, $stored);

        if ($row === false || !$valid) {
            $this->recordFailure($email, $now);
            throw new AuthenticationFailed(self::GENERIC_ERROR);
        }

        $userId = (int) $row['id'];
        if ($isLegacy || password_needs_rehash($stored, PASSWORD_DEFAULT, self::HASH_OPTIONS)) {
            $update = $this->db->prepare('UPDATE users SET password_hash = :hash WHERE id = :id');
            $update->execute(['hash' => password_hash($password, PASSWORD_DEFAULT, self::HASH_OPTIONS), 'id' => $userId]);
        }

        // New ID first (defeats session fixation), then the authenticated state.
        $this->session->regenerate();
        $this->session->set('user_id', $userId);
        $this->session->set('auth_time', $now);

        return $userId;
    }

    public function logout(): void
    {
        $this->session->clear();
    }

    private static function checkPolicy(string $password): void
    {
        if (!mb_check_encoding($password, 'UTF-8')) {
            throw new PasswordRejected('The password contains invalid characters.');
        }
        if (mb_strlen($password, 'UTF-8') < self::MIN_CHARACTERS) {
            throw new PasswordRejected('Use at least ' . self::MIN_CHARACTERS . ' characters.');
        }
        // bcrypt silently ignores everything after byte 72, so refuse longer input.
        if (PASSWORD_DEFAULT === PASSWORD_BCRYPT && strlen($password) > self::BCRYPT_MAX_BYTES) {
            throw new PasswordRejected('Use at most ' . self::BCRYPT_MAX_BYTES . ' bytes (emoji count as 4).');
        }
    }

    private function recentFailures(string $email, int $now): int
    {
        $count = $this->db->prepare(
            'SELECT COUNT(*) FROM login_failures WHERE email = :email AND failed_at > :since'
        );
        $count->execute(['email' => $email, 'since' => $now - self::WINDOW_SECONDS]);

        return (int) $count->fetchColumn();
    }

    private function recordFailure(string $email, int $now): void
    {
        $insert = $this->db->prepare('INSERT INTO login_failures (email, failed_at) VALUES (:email, :now)');
        $insert->execute(['email' => $email, 'now' => $now]);
    }

    private function clearFailures(string $email): void
    {
        $this->db->prepare('DELETE FROM login_failures WHERE email = :email')->execute(['email' => $email]);
    }

    private static function normaliseEmail(string $email): string
    {
        return mb_strtolower(trim($email), 'UTF-8');
    }

    private static function isLegacyMd5(string $stored): bool
    {
        return preg_match('/^[0-9a-f]{32}$/', $stored) === 1;
    }
}
