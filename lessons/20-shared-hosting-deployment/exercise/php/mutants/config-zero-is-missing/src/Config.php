<?php

declare(strict_types=1);

namespace Exercise;

/**
 * Application configuration, read from the environment or from a file that
 * lives OUTSIDE the web root (e.g. /home/USER/app/.env, mode 600).
 * No secret is ever written in the code.
 */
final readonly class Config
{
    private function __construct(
        public string $databaseDsn,
        public string $databaseUser,
        public string $databasePassword,
        public string $paymentKey,
    ) {
    }

    /** @param array<string, string> $env e.g. getenv() merged with parse_ini_file() of the .env file */
    public static function fromArray(array $env): self
    {
        $required = ['DB_DSN', 'DB_USER', 'DB_PASSWORD', 'PAYMENT_KEY'];
        $missing = array_values(array_filter($required, static fn(string $key): bool => empty($env[$key])));
        if ($missing !== []) {
            // Name the missing keys, never print values.
            throw new \RuntimeException('Missing configuration: ' . implode(', ', $missing));
        }

        return new self($env['DB_DSN'], $env['DB_USER'], $env['DB_PASSWORD'], $env['PAYMENT_KEY']);
    }

    /** Loads the .env file above the web root (if present); real environment variables win. */
    public static function load(string $envFile): self
    {
        $fromFile = is_file($envFile) ? (parse_ini_file($envFile, false, INI_SCANNER_RAW) ?: []) : [];

        return self::fromArray(array_merge($fromFile, getenv()));
    }
}
