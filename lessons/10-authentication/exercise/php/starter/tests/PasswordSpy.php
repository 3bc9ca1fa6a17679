<?php

declare(strict_types=1);

// Counts the expensive password work AuthService does. An unqualified call such as
// password_verify(...) inside namespace Exercise looks for Exercise\password_verify()
// first and only then for the global function, so these wrappers see every call
// (as long as AuthService calls them unqualified, without a leading backslash).

namespace Exercise\Tests {
    final class PasswordSpy
    {
        public static int $hashes = 0;
        public static int $verifies = 0;
        /** @var list<string> the hashes passed to password_verify(), in order */
        public static array $verifiedHashes = [];

        public static function reset(): void
        {
            self::$hashes = 0;
            self::$verifies = 0;
            self::$verifiedHashes = [];
        }
    }
}

namespace Exercise {
    use Exercise\Tests\PasswordSpy;

    function password_hash(string $password, string|int|null $algo, array $options = []): string
    {
        PasswordSpy::$hashes++;
        return \password_hash($password, $algo, $options);
    }

    function password_verify(string $password, string $hash): bool
    {
        PasswordSpy::$verifies++;
        PasswordSpy::$verifiedHashes[] = $hash;
        return \password_verify($password, $hash);
    }
}
