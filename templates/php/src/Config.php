<?php

declare(strict_types=1);

namespace App;

use InvalidArgumentException;

/**
 * Application settings, read once at start-up and validated.
 *
 * Sources, strongest first:
 *  1. real environment variables (getenv) - what servers and CI use,
 *  2. a local .env file - convenient on your machine, never committed,
 *  3. the defaults below.
 *
 * Invalid values stop the app immediately with a clear message: better than
 * discovering a typo in production when the first request fails.
 */
final class Config
{
    public const ENVIRONMENTS = ['dev', 'test', 'prod'];

    private const DEFAULTS = [
        'APP_ENV' => 'dev',
        'DB_PATH' => 'var/app.sqlite',
        'DB_AUTO_MIGRATE' => 'true',
    ];

    private function __construct(
        public readonly string $env,
        public readonly string $databasePath,
        public readonly bool $autoMigrate,
    ) {
    }

    /** Read the configuration for the project in $projectRoot (where .env lives). */
    public static function load(string $projectRoot): self
    {
        $envFile = $projectRoot . '/.env';
        $fromFile = is_file($envFile) ? self::parseDotEnv((string) file_get_contents($envFile)) : [];

        $values = [];
        foreach (array_keys(self::DEFAULTS) as $key) {
            $fromEnvironment = getenv($key);
            $values[$key] = $fromEnvironment !== false ? $fromEnvironment : ($fromFile[$key] ?? null);
        }

        return self::fromArray($values, $projectRoot);
    }

    /**
     * Validate raw string values (missing or null keys use the defaults).
     *
     * @param array<string, string|null> $values
     */
    public static function fromArray(array $values, string $projectRoot): self
    {
        $get = static fn (string $key): string => trim($values[$key] ?? self::DEFAULTS[$key]);

        $env = $get('APP_ENV');
        if (!in_array($env, self::ENVIRONMENTS, true)) {
            throw new InvalidArgumentException(sprintf(
                'APP_ENV must be one of %s, got "%s".',
                implode(', ', self::ENVIRONMENTS),
                $env,
            ));
        }

        $path = $get('DB_PATH');
        if ($path === '') {
            throw new InvalidArgumentException('DB_PATH must not be empty (use :memory: for a temporary database).');
        }
        // Resolve relative paths against the project, not the current directory,
        // so `php -S`, `composer migrate` and PHPUnit all open the same file.
        if ($path !== ':memory:' && !self::isAbsolutePath($path)) {
            $path = rtrim($projectRoot, '/\\') . '/' . $path;
        }

        return new self($env, $path, self::parseBool('DB_AUTO_MIGRATE', $get('DB_AUTO_MIGRATE')));
    }

    /**
     * A deliberately small .env parser: KEY=value lines, # comments, optional
     * quotes and an optional "export " prefix. No variable expansion.
     *
     * @return array<string, string>
     */
    public static function parseDotEnv(string $contents): array
    {
        $values = [];
        foreach (preg_split('/\R/', $contents) ?: [] as $number => $line) {
            $line = trim($line);
            if ($line === '' || str_starts_with($line, '#')) {
                continue;
            }
            if (!preg_match('/^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/', $line, $m)) {
                throw new InvalidArgumentException(sprintf('.env line %d is not KEY=value: "%s"', $number + 1, $line));
            }
            $value = $m[2];
            if (preg_match('/^(["\'])(.*)\1$/', $value, $quoted)) {
                $value = $quoted[2];               // "quoted value" keeps inner spaces and # signs
            } else {
                $value = trim(preg_replace('/\s+#.*$/', '', $value) ?? $value); // strip "value # comment"
            }
            $values[$m[1]] = $value;
        }

        return $values;
    }

    private static function parseBool(string $key, string $value): bool
    {
        return match (strtolower($value)) {
            '1', 'true', 'yes', 'on' => true,
            '0', 'false', 'no', 'off' => false,
            default => throw new InvalidArgumentException(sprintf('%s must be true or false, got "%s".', $key, $value)),
        };
    }

    private static function isAbsolutePath(string $path): bool
    {
        // "/srv/app.sqlite" on Unix, "C:\data\app.sqlite" or "\\server\share" on Windows.
        return str_starts_with($path, '/') || str_starts_with($path, '\\') || preg_match('/^[A-Za-z]:[\/\\\\]/', $path) === 1;
    }
}
