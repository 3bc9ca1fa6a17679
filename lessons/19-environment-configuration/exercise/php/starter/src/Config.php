<?php

declare(strict_types=1);

namespace Exercise;

/**
 * The application's configuration: read from the environment ONCE at start-up, checked,
 * and immutable afterwards. Business code receives this object and never calls getenv().
 *
 * Variables:
 *   PORT          digits only, 1–65535; default 3000 when missing or empty
 *   DATABASE_URL  required; a URL with a scheme and a host; may contain a password
 *   APP_ENV       required; one of development | staging | production
 *   SIGNING_KEYS  required; "kid2:secret2,kid1:secret1", newest key FIRST; at least one
 *                 key; kids unique and non-empty; a secret may contain ':' (split each
 *                 entry at its FIRST colon)
 *
 * Public, read-only properties (nobody may change them after construction):
 *   int $port, string $appEnv, Secret $databaseUrl,
 *   list<SigningKey> $signingKeys   (same order as SIGNING_KEYS)
 */
final class Config
{
    /**
     * On problems, throw ONE ConfigException whose message names every bad variable
     * (e.g. "Invalid configuration: DATABASE_URL is required; PORT must be an integer from
     * 1 to 65535"). Never put a value in the message: it may be a password.
     *
     * @param array<string, string> $env the environment to read; read nothing else
     */
    public static function fromEnvironment(array $env): self
    {
        throw new \LogicException('Not implemented yet: Config::fromEnvironment() in src/Config.php');
    }
}
