<?php

declare(strict_types=1);

namespace Exercise;

final class Config
{
    private const APP_ENVS = ['development', 'staging', 'production'];

    /** @param list<SigningKey> $signingKeys */
    private function __construct(
        public readonly int $port,
        public readonly string $appEnv,
        public readonly Secret $databaseUrl,
        public readonly array $signingKeys,
    ) {
    }

    /** @param array<string, string> $env */
    public static function fromEnvironment(array $env): self
    {
        $errors = [];

        $port = self::port($env['PORT'] ?? '', $errors);

        $appEnv = $env['APP_ENV'] ?? '';
        if (!in_array($appEnv, self::APP_ENVS, true)) {
            $errors[] = 'APP_ENV must be one of ' . implode(', ', self::APP_ENVS);
        }

        $url = $env['DATABASE_URL'] ?? '';
        if ($url === '') {
            $errors[] = 'DATABASE_URL is required';
        } elseif (!self::isUrl($url)) {
            $errors[] = 'DATABASE_URL must be a URL with a scheme and a host'; // never the value
        }

        $keys = self::signingKeys($env['SIGNING_KEYS'] ?? '', $errors);

        if ($errors !== []) {
            throw new ConfigException('Invalid configuration: ' . implode('; ', $errors));
        }
        return new self($port, $appEnv, new Secret($url), $keys);
    }

    /** @param list<string> $errors */
    private static function port(string $raw, array &$errors): int
    {
        if ($raw === '') {
            return 3000;
        }
        // ctype_digit: digits only, no sign, no spaces, no trailing newline ('/^\d+$/' allows one).
        $port = ctype_digit($raw) ? (int) $raw : 0;
        if ($port < 1 || $port > 65535) {
            $errors[] = 'PORT must be an integer from 1 to 65535';
        }
        return $port;
    }

    private static function isUrl(string $url): bool
    {
        return preg_match("~^[a-z][a-z0-9+.-]*://~i", $url) === 1;
    }

    /**
     * @param list<string> $errors
     * @return list<SigningKey>
     */
    private static function signingKeys(string $raw, array &$errors): array
    {
        if ($raw === '') {
            $errors[] = 'SIGNING_KEYS is required (format kid2:secret2,kid1:secret1)';
            return [];
        }
        $keys = [];
        $seen = [];
        foreach (explode(',', $raw) as $entry) {
            $pair = explode(':', $entry, 2);
            $kid = trim($pair[0]);
            $secret = trim($pair[1] ?? '');
            if ($kid === '' || $secret === '' || isset($seen[$kid])) {
                $errors[] = 'SIGNING_KEYS must be a list of unique kid:secret pairs';
                return [];
            }
            $seen[$kid] = true;
            $keys[] = new SigningKey($kid, new Secret($secret));
        }
        return $keys;
    }
}
