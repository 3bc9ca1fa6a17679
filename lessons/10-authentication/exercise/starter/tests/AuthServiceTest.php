<?php

declare(strict_types=1);

namespace Exercise\Tests;

use Exercise\AuthenticationFailed;
use Exercise\AuthService;
use Exercise\PasswordRejected;
use Exercise\Schema;
use Exercise\Tests\Fakes\FakeClock;
use Exercise\Tests\Fakes\FakeSessionStore;
use Exercise\TooManyAttempts;
use PDO;
use PHPUnit\Framework\TestCase;
use Throwable;

final class AuthServiceTest extends TestCase
{
    private const EMAIL = 'ana@example.com';
    private const PASSWORD = 'correct horse battery staple';

    private PDO $db;
    private FakeSessionStore $session;
    private FakeClock $clock;
    private AuthService $auth;

    protected function setUp(): void
    {
        $this->db = new PDO('sqlite::memory:', null, null, [PDO::ATTR_ERRMODE => PDO::ERRMODE_EXCEPTION]);
        Schema::create($this->db);
        $this->session = new FakeSessionStore();
        $this->clock = new FakeClock();
        $this->auth = new AuthService($this->db, $this->session, $this->clock);
    }

    // ---------- storing passwords ----------

    public function testRegisterStoresAModernHashAndNeverThePassword(): void
    {
        $id = $this->auth->register(self::EMAIL, self::PASSWORD);

        $hash = $this->storedHash($id);
        $this->assertNotSame(self::PASSWORD, $hash, 'Store password_hash($password, PASSWORD_DEFAULT), never the password itself.');
        $this->assertContains(
            password_get_info($hash)['algoName'],
            ['bcrypt', 'argon2id'],
            'The stored value must come from password_hash() (bcrypt or Argon2id), not md5/sha1/hash().'
        );
        $this->assertTrue(password_verify(self::PASSWORD, $hash), 'password_verify() must accept the stored hash for the registered password.');
    }

    public function testPasswordsShorterThan15CharactersAreRejected(): void
    {
        $this->assertRejected('fourteen chars', 'A 14-character password must be rejected: NIST SP 800-63B-4 wants at least 15 when it is the only factor.');
        $this->assertRejected(str_repeat('🔐', 5), 'Five emoji are 20 bytes but only 5 characters: count the minimum in characters with mb_strlen().');
        $this->assertIsInt($this->auth->register(self::EMAIL, 'fifteen chars!!'), 'A password of exactly 15 characters must be accepted.');
    }

    public function testPasswordsLongerThan72BytesAreRejectedUnderBcrypt(): void
    {
        $this->assertSame(PASSWORD_BCRYPT, PASSWORD_DEFAULT, 'This test assumes PASSWORD_DEFAULT is bcrypt.');
        $this->assertRejected(str_repeat('a', 73), 'A 73-byte password must be rejected: bcrypt would silently ignore the bytes after 72.');
        $this->assertIsInt($this->auth->register(self::EMAIL, str_repeat('a', 72)), 'A password of exactly 72 bytes must still be accepted.');
    }

    public function testTheBcryptLimitCountsBytesNotCharacters(): void
    {
        // 🔐 is 4 bytes in UTF-8: 18 of them are 72 bytes, 19 are 76 bytes.
        $this->assertRejected(str_repeat('🔐', 19), '19 emoji are only 19 characters but 76 bytes: measure the bcrypt limit with strlen(), not mb_strlen().');
        $this->assertIsInt($this->auth->register(self::EMAIL, str_repeat('🔐', 18)), '18 emoji are exactly 72 bytes and 18 characters, so they must be accepted.');
    }

    // ---------- logging in ----------

    public function testTheCorrectPasswordLogsIn(): void
    {
        $id = $this->auth->register(self::EMAIL, self::PASSWORD);

        $this->assertSame($id, $this->auth->login(self::EMAIL, self::PASSWORD), 'login() must return the ID of the user whose password matched.');
        $this->assertSame($id, $this->session->get('user_id'), "After login the session must hold 'user_id' with the user's ID.");
    }

    public function testWrongPasswordAndUnknownEmailFailWithTheSameMessage(): void
    {
        $this->auth->register(self::EMAIL, self::PASSWORD);

        $wrongPassword = $this->attempt(self::EMAIL, 'not the right password at all');
        $unknownEmail = $this->attempt('nobody@example.com', self::PASSWORD);

        $this->assertInstanceOf(AuthenticationFailed::class, $wrongPassword, 'A wrong password must throw AuthenticationFailed.');
        $this->assertInstanceOf(AuthenticationFailed::class, $unknownEmail, 'An unknown email must throw AuthenticationFailed too, not another exception.');
        $this->assertSame(
            $wrongPassword->getMessage(),
            $unknownEmail->getMessage(),
            'Use one generic message (AuthService::GENERIC_ERROR) for both failures, or attackers can enumerate accounts.'
        );
    }

    public function testFailedLoginLeavesTheSessionAlone(): void
    {
        $this->auth->register(self::EMAIL, self::PASSWORD);
        $this->attempt(self::EMAIL, 'not the right password at all');

        $this->assertSame([], $this->session->calls, 'A failed login must not regenerate or write the session.');
    }

    public function testLoginRegeneratesTheSessionIdBeforeStoringTheUserId(): void
    {
        $this->auth->register(self::EMAIL, self::PASSWORD);
        $this->auth->login(self::EMAIL, self::PASSWORD);

        $calls = $this->session->calls;
        $regenerate = array_search('regenerate', $calls, true);
        $setUser = array_search('set user_id', $calls, true);
        $this->assertNotFalse($regenerate, 'Call $this->session->regenerate() on successful login, to defeat session fixation.');
        $this->assertNotFalse($setUser, "Store the user's ID with \$this->session->set('user_id', ...).");
        $this->assertLessThan($setUser, $regenerate, "Call regenerate() BEFORE set('user_id', ...), so the authenticated state never lives under the old ID.");
    }

    // ---------- brute force ----------

    public function testFourFailuresDoNotBlockTheRightPassword(): void
    {
        $id = $this->auth->register(self::EMAIL, self::PASSWORD);
        $this->failTimes(4, self::EMAIL);

        $this->assertSame($id, $this->auth->login(self::EMAIL, self::PASSWORD), 'Four failures are below the limit of five: the right password must still work.');
    }

    public function testFiveFailuresThrottleTheAccountUntil15MinutesHavePassed(): void
    {
        $id = $this->auth->register(self::EMAIL, self::PASSWORD);
        $this->failTimes(5, self::EMAIL);

        $this->assertInstanceOf(
            TooManyAttempts::class,
            $this->attempt(self::EMAIL, self::PASSWORD),
            'After 5 failures within 15 minutes, login() must throw TooManyAttempts, even for the right password.'
        );

        $this->clock->advance(AuthService::WINDOW_SECONDS);
        $this->assertSame($id, $this->auth->login(self::EMAIL, self::PASSWORD), 'Once 15 minutes have passed, the throttle must expire and the right password must work again (no permanent lockout).');
    }

    public function testUnknownEmailsAreThrottledLikeRealOnes(): void
    {
        $this->failTimes(5, 'nobody@example.com');

        $this->assertInstanceOf(
            TooManyAttempts::class,
            $this->attempt('nobody@example.com', self::PASSWORD),
            'Count failures per email even when no account exists, so the throttle does not reveal which accounts are real.'
        );
    }

    // ---------- upgrades and logout ----------

    public function testALegacyMd5RowIsUpgradedOnTheFirstSuccessfulLogin(): void
    {
        $legacy = md5(self::PASSWORD);
        $this->db->prepare('INSERT INTO users (email, password_hash) VALUES (?, ?)')->execute([self::EMAIL, $legacy]);
        $id = (int) $this->db->lastInsertId();

        $this->assertSame($id, $this->auth->login(self::EMAIL, self::PASSWORD), 'A legacy row holding md5($password) must accept the right password once (compare with hash_equals()).');

        $hash = $this->storedHash($id);
        $this->assertNotSame($legacy, $hash, 'After a successful legacy login, replace the md5 value in the database.');
        $this->assertTrue(password_verify(self::PASSWORD, $hash), 'The replacement must be password_hash($password, PASSWORD_DEFAULT).');
    }

    public function testAWeakBcryptHashIsRehashedOnLogin(): void
    {
        $weak = password_hash(self::PASSWORD, PASSWORD_BCRYPT, ['cost' => 4]);
        $this->db->prepare('INSERT INTO users (email, password_hash) VALUES (?, ?)')->execute([self::EMAIL, $weak]);
        $id = (int) $this->db->lastInsertId();

        $this->auth->login(self::EMAIL, self::PASSWORD);

        $this->assertFalse(
            password_needs_rehash($this->storedHash($id), PASSWORD_DEFAULT),
            'When password_needs_rehash() says so, store a fresh password_hash() after a successful login.'
        );
    }

    public function testLogoutClearsTheSession(): void
    {
        $this->auth->register(self::EMAIL, self::PASSWORD);
        $this->auth->login(self::EMAIL, self::PASSWORD);
        $this->auth->logout();

        $this->assertSame('clear', end($this->session->calls), 'logout() must call $this->session->clear().');
        $this->assertNull($this->session->get('user_id'), "After logout the session must no longer hold 'user_id'.");
    }

    // ---------- helpers ----------

    private function attempt(string $email, string $password): ?Throwable
    {
        try {
            $this->auth->login($email, $password);
        } catch (AuthenticationFailed | TooManyAttempts $e) {
            return $e;
        }
        return null;
    }

    private function failTimes(int $times, string $email): void
    {
        for ($i = 1; $i <= $times; $i++) {
            $this->assertInstanceOf(
                AuthenticationFailed::class,
                $this->attempt($email, 'not the right password at all'),
                "Failure #{$i} must throw AuthenticationFailed; only the 6th attempt may be throttled."
            );
        }
    }

    private function assertRejected(string $password, string $message): void
    {
        try {
            $this->auth->register('policy-' . bin2hex(random_bytes(4)) . '@example.com', $password);
        } catch (PasswordRejected) {
            $this->addToAssertionCount(1);
            return;
        }
        $this->fail($message);
    }

    private function storedHash(int $id): string
    {
        $select = $this->db->prepare('SELECT password_hash FROM users WHERE id = ?');
        $select->execute([$id]);
        return (string) $select->fetchColumn();
    }
}
