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
use ReflectionClass;
use ReflectionProperty;
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
        $this->freshService();
    }

    /**
     * A new AuthService with its static properties back at their defaults, as at the
     * start of a new PHP request (PHP keeps nothing between requests).
     */
    private function freshService(): void
    {
        foreach ((new ReflectionClass(AuthService::class))->getProperties(ReflectionProperty::IS_STATIC) as $property) {
            if ($property->hasDefaultValue()) {
                $property->setValue(null, $property->getDefaultValue());
            }
        }
        PasswordSpy::reset();
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
        $this->assertTrue(\password_verify(self::PASSWORD, $hash), 'password_verify() must accept the stored hash for the registered password.');
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

    public function testRegisterAndLoginNormaliseTheEmailTheSameWay(): void
    {
        $rule = 'lower-case and trim the email in register() too, before validating and storing it, not only in login()';
        try {
            $id = $this->auth->register(" Bob@Example.COM\t", self::PASSWORD);
        } catch (\InvalidArgumentException $e) {
            $this->fail("register(' Bob@Example.COM\\t') was refused ({$e->getMessage()}): $rule");
        }

        foreach (['bob@example.com', 'BOB@EXAMPLE.COM ', ' bOb@example.com'] as $spelling) {
            $this->assertSame($id, $this->attempt($spelling, self::PASSWORD) ?? $this->session->get('user_id'),
                "An account registered as ' Bob@Example.COM' could not log in as '$spelling': $rule");
        }
    }

    public function testLoginStoresTheAuthenticationTimeFromTheClock(): void
    {
        $this->auth->register(self::EMAIL, self::PASSWORD);
        mt_srand(1011);
        $this->clock->advance(mt_rand(1000, 90000));

        $this->auth->login(self::EMAIL, self::PASSWORD);
        $this->assertSame($this->clock->now()->getTimestamp(), $this->session->get('auth_time'),
            "After login the session must hold 'auth_time' = \$this->clock->now()->getTimestamp() (an int), so the server "
            . 'can enforce an absolute timeout; take it from the injected clock, never time()');
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

    public function testEveryLoginPathCostsExactlyOneVerifyAtTheSameCost(): void
    {
        $id = $this->auth->register(self::EMAIL, self::PASSWORD);
        $stored = password_get_info($this->storedHash($id));

        // Each login runs in a fresh "request": static caches start empty, as in PHP-FPM.
        $paths = [
            'an unknown email' => ['nobody@example.com', self::PASSWORD],
            'a wrong password' => [self::EMAIL, 'not the right password at all'],
            'the right password' => [self::EMAIL, self::PASSWORD],
        ];
        foreach ($paths as $path => [$email, $password]) {
            $this->freshService();
            $this->attempt($email, $password);

            $this->assertSame(0, PasswordSpy::$hashes,
                "A login with $path ran password_hash() " . PasswordSpy::$hashes . ' time(s): that extra work makes it slower '
                . 'than the other paths. Precompute the dummy hash once (a constant) instead of hashing during login.');
            $this->assertSame(1, PasswordSpy::$verifies,
                "A login with $path ran password_verify() " . PasswordSpy::$verifies . ' time(s); every path must run it '
                . 'exactly once (against a dummy hash for an unknown email), called unqualified as password_verify().');
            $verified = password_get_info(PasswordSpy::$verifiedHashes[0]);
            $this->assertSame(
                [$stored['algoName'], $stored['options']],
                [$verified['algoName'], $verified['options']],
                "A login with $path verified against a hash of a different algorithm or cost than register() creates, "
                . 'so its timing differs: make the dummy hash with the same algorithm and cost as real hashes.'
            );
        }
    }

    public function testApplicationCostMeetsTheBcryptMinimum(): void
    {
        $info = password_get_info($this->storedHash($this->auth->register(self::EMAIL, self::PASSWORD)));

        if ($info['algoName'] === 'bcrypt') {
            $this->assertGreaterThanOrEqual(10, $info['options']['cost'],
                'bcrypt needs a cost of at least 10 (OWASP): pass self::HASH_OPTIONS to password_hash().');
        } else {
            $this->assertSame('argon2id', $info['algoName'], 'Use bcrypt (cost >= 10) or Argon2id.');
        }
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
        $this->recordFailures(4, self::EMAIL);

        $this->assertSame($id, $this->auth->login(self::EMAIL, self::PASSWORD), 'Four failures are below the limit of five: the right password must still work.');
    }

    public function testASuccessfulLoginClearsTheFailuresCountedSoFar(): void
    {
        $id = $this->auth->register(self::EMAIL, self::PASSWORD);
        $this->recordFailures(4, self::EMAIL);
        for ($i = 1; $i <= 3; $i++) {
            $this->assertSame($id, $this->auth->login(self::EMAIL, self::PASSWORD), "Successful login #{$i} in a row must work.");
        }
        $this->failTimes(4, self::EMAIL); // 4 new failures after a success: still below the limit

        $this->assertNull($this->attempt(self::EMAIL, self::PASSWORD), 'Four failures after a successful login are below the limit of five: the failures before the success '
            . 'must no longer count. Delete this email\'s rows from login_failures when a login succeeds.');
    }

    public function testFiveFailuresThrottleTheAccountUntil15MinutesHavePassed(): void
    {
        $id = $this->auth->register(self::EMAIL, self::PASSWORD);
        $this->recordFailures(1, self::EMAIL, -AuthService::WINDOW_SECONDS); // too old to count
        $this->recordFailures(4, self::EMAIL);
        $this->failTimes(1, self::EMAIL); // the fifth, through login()

        $this->assertInstanceOf(
            TooManyAttempts::class,
            $this->attempt(self::EMAIL, self::PASSWORD),
            'After 5 failures within 15 minutes, login() must throw TooManyAttempts, even for the right password.'
        );

        $this->clock->advance(AuthService::WINDOW_SECONDS);
        $this->assertSame($id, $this->auth->login(self::EMAIL, self::PASSWORD), 'Once 15 minutes have passed, the throttle must expire and the right password must work again (no permanent lockout).');
    }

    public function testThrottledAttemptsDoNoPasswordWorkAndCountPerNormalisedEmail(): void
    {
        $this->auth->register(self::EMAIL, self::PASSWORD);
        // The attacker varies case and spacing; it is still the same account.
        foreach (['ana@example.com', 'ANA@example.com', ' Ana@Example.com', "ana@EXAMPLE.com\t", 'aNa@example.COM '] as $i => $variant) {
            $this->assertInstanceOf(AuthenticationFailed::class, $this->attempt($variant, 'wrong guess number ' . $i),
                "Failure #$i ($variant) must throw AuthenticationFailed.");
        }

        PasswordSpy::reset();
        $this->assertInstanceOf(TooManyAttempts::class, $this->attempt('Ana@Example.COM', self::PASSWORD),
            'Five failures with different spellings of one email must throttle it: lower-case and trim the email '
            . 'before counting and recording failures.');
        $this->assertSame(0, PasswordSpy::$verifies,
            'A throttled attempt ran password_verify(): check the throttle first, so blocked guesses cost no hashing time.');
    }

    public function testFailuresOfOneEmailDoNotThrottleAnother(): void
    {
        $id = $this->auth->register(self::EMAIL, self::PASSWORD);
        $this->recordFailures(5, 'bob@example.com');

        $this->assertSame($id, $this->auth->login(self::EMAIL, self::PASSWORD),
            "Five failures for bob@example.com must not throttle ana@example.com: count failures WHERE email = this email.");
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
        $this->assertTrue(\password_verify(self::PASSWORD, $hash), 'The replacement must be password_hash($password, PASSWORD_DEFAULT).');
        $this->assertInstanceOf(AuthenticationFailed::class, $this->attempt(self::EMAIL, 'not the right password at all'),
            'After the upgrade, a wrong password must still fail.');
    }

    public function testALooselyEqualLegacyHashIsNotAccepted(): void
    {
        // md5('240610708') and md5('QNKCDZO') both look like 0e... numbers, so == says they are equal.
        $this->db->prepare('INSERT INTO users (email, password_hash) VALUES (?, ?)')->execute([self::EMAIL, md5('240610708')]);

        $this->assertInstanceOf(AuthenticationFailed::class, $this->attempt(self::EMAIL, 'QNKCDZO'),
            'A legacy md5 row accepted a different password because == compares "0e..." strings as numbers: '
            . 'compare with hash_equals($stored, md5($password)).');
    }

    public function testWeakBcryptHashesAreRehashedAtTheApplicationCost(): void
    {
        $appCost = password_get_info($this->storedHash($this->auth->register('cost@example.com', self::PASSWORD)));
        mt_srand(1010);
        foreach ([4, 4 + mt_rand(1, 3), 9] as $n => $cost) {
            $email = "weak$n@example.com";
            $weak = \password_hash(self::PASSWORD, PASSWORD_BCRYPT, ['cost' => $cost]);
            $this->db->prepare('INSERT INTO users (email, password_hash) VALUES (?, ?)')->execute([$email, $weak]);
            $id = (int) $this->db->lastInsertId();

            $this->auth->login($email, self::PASSWORD);

            $new = password_get_info($this->storedHash($id));
            $this->assertSame([$appCost['algoName'], $appCost['options']], [$new['algoName'], $new['options']],
                "A bcrypt hash of cost $cost must be replaced after a successful login by one with the application's "
                . 'algorithm and cost: password_needs_rehash($stored, PASSWORD_DEFAULT, <your options>).');
        }
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

    /** Inserts failure rows directly (the table login() writes to), $offset seconds from now. */
    private function recordFailures(int $times, string $email, int $offset = 0): void
    {
        $insert = $this->db->prepare('INSERT INTO login_failures (email, failed_at) VALUES (?, ?)');
        for ($i = 0; $i < $times; $i++) {
            $insert->execute([$email, $this->clock->now()->getTimestamp() + $offset]);
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
