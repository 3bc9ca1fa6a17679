<?php

declare(strict_types=1);

namespace Exercise\Tests;

use Exercise\Config;
use Exercise\ConfigException;
use Exercise\Secret;
use Exercise\SigningKey;
use PHPUnit\Framework\TestCase;
use Random\Engine\Mt19937;
use Random\Randomizer;

final class ConfigTest extends TestCase
{
    private const SECRETS = ['db-pa55word', 'secret-two', 'secret-one'];

    /** @return array<string, string> */
    private static function validEnv(): array
    {
        return [
            'APP_ENV' => 'production',
            'DATABASE_URL' => 'postgres://app:db-pa55word@db.internal:5432/app',
            'SIGNING_KEYS' => 'k2:secret-two,k1:secret-one',
        ];
    }

    /** The message of the ConfigException that $env must cause. */
    private function messageFor(array $env, string $why = 'Config::fromEnvironment() must throw one ConfigException for an invalid configuration'): string
    {
        try {
            Config::fromEnvironment($env);
        } catch (ConfigException $e) {
            return $e->getMessage();
        }
        $this->fail($why);
    }

    public function testValidEnvironmentGivesTypedValuesAndDefaultPort(): void
    {
        $config = Config::fromEnvironment(self::validEnv());
        $this->assertSame(3000, $config->port, 'PORT defaults to 3000 when it is not set');
        $this->assertSame(3000, Config::fromEnvironment(['PORT' => ''] + self::validEnv())->port, 'an empty PORT counts as not set: default 3000');
        $this->assertSame('production', $config->appEnv, 'appEnv comes from APP_ENV');
        $this->assertSame(8080, Config::fromEnvironment(['PORT' => '8080'] + self::validEnv())->port, 'PORT must become the int 8080, not the string "8080"');
        $this->assertInstanceOf(Secret::class, $config->databaseUrl, 'databaseUrl must be new Secret($url), so it never shows up in logs');
        $this->assertSame(self::validEnv()['DATABASE_URL'], $config->databaseUrl->reveal(), 'databaseUrl must be a Secret wrapping DATABASE_URL');
        $this->assertContainsOnlyInstancesOf(SigningKey::class, $config->signingKeys, 'signingKeys must be a list of SigningKey objects');
        $this->assertSame(['k2', 'k1'], array_map(static fn(SigningKey $k) => $k->kid, $config->signingKeys), 'keep SIGNING_KEYS in the given order, newest first');
        $this->assertSame('secret-one', $config->signingKeys[1]->secret->reveal(), 'each SigningKey holds its kid and new Secret(secret)');
    }

    public function testValuesComeFromTheEnvironmentItIsGiven(): void
    {
        $random = new Randomizer(new Mt19937(19));
        $alphabet = 'abcdefghijkmnpqrstuvwxyz23456789';
        $word = static function (int $length) use ($random, $alphabet): string {
            $text = '';
            for ($i = 0; $i < $length; $i++) {
                $text .= $alphabet[$random->getInt(0, strlen($alphabet) - 1)];
            }
            return $text;
        };
        for ($round = 0; $round < 25; $round++) {
            $port = $random->getInt(1, 65535);
            $appEnv = ['development', 'staging', 'production'][$random->getInt(0, 2)];
            $url = ['postgres', 'mysql'][$random->getInt(0, 1)] . '://' . $word(5) . ':' . $word(12) . '@' . $word(6) . ".internal:{$port}/" . $word(4);
            $keys = [];
            for ($i = 0, $n = $random->getInt(1, 4); $i < $n; $i++) {
                $keys[] = [$word(3) . $i, $word(16)];
            }
            $config = Config::fromEnvironment([
                'PORT' => (string) $port,
                'APP_ENV' => $appEnv,
                'DATABASE_URL' => $url,
                'SIGNING_KEYS' => implode(',', array_map(static fn(array $k) => "{$k[0]}:{$k[1]}", $keys)),
            ]);
            $this->assertSame($port, $config->port, "PORT={$port} must give the int {$port}: parse the variable, do not hard-code values");
            $this->assertSame($appEnv, $config->appEnv, "APP_ENV={$appEnv} must give appEnv {$appEnv}");
            $this->assertSame($url, $config->databaseUrl->reveal(), 'databaseUrl->reveal() must return DATABASE_URL exactly as given');
            $this->assertSame($keys, array_map(static fn(SigningKey $k) => [$k->kid, $k->secret->reveal()], $config->signingKeys), 'signingKeys must list every kid:secret pair of SIGNING_KEYS, in the given order');
        }
    }

    public function testReadsOnlyTheArrayItIsGivenNotTheProcessEnvironment(): void
    {
        $names = ['PORT' => '9999', 'APP_ENV' => 'production', 'DATABASE_URL' => 'postgres://x:db-pa55word@h/db', 'SIGNING_KEYS' => 'k1:secret-one'];
        $saved = [];
        foreach ($names as $name => $value) {
            $saved[$name] = [getenv($name), $_SERVER[$name] ?? null, $_ENV[$name] ?? null];
            putenv("{$name}={$value}");
            $_SERVER[$name] = $_ENV[$name] = $value;
        }
        try {
            $this->assertSame(3000, Config::fromEnvironment(self::validEnv())->port, 'PORT is missing from the array you were given, so the default 3000 applies: read only the $env parameter, never getenv(), $_SERVER or $_ENV');
            $message = $this->messageFor([]);
            foreach (['APP_ENV', 'DATABASE_URL', 'SIGNING_KEYS'] as $name) {
                $this->assertStringContainsString($name, $message, "fromEnvironment([]) must report {$name} as missing even when the process has it: read only the \$env parameter, so tests and callers control the input");
            }
        } finally {
            foreach ($saved as $name => [$env, $server, $envArray]) {
                putenv($env === false ? $name : "{$name}={$env}");
                if ($server === null) { unset($_SERVER[$name]); } else { $_SERVER[$name] = $server; }
                if ($envArray === null) { unset($_ENV[$name]); } else { $_ENV[$name] = $envArray; }
            }
        }
    }

    public function testConfigCannotBeChangedAfterStartUp(): void
    {
        $config = Config::fromEnvironment(self::validEnv());
        $attempts = [
            'port' => static function () use ($config): void { $config->port = 1; },
            'appEnv' => static function () use ($config): void { $config->appEnv = 'development'; },
            'databaseUrl' => static function () use ($config): void { $config->databaseUrl = new Secret('sqlite::memory:'); },
            'signingKeys' => static function () use ($config): void { $config->signingKeys[] = new SigningKey('evil', new Secret('evil')); },
        ];
        foreach ($attempts as $property => $attempt) {
            $threw = false;
            try {
                $attempt();
            } catch (\Error) {
                $threw = true;
            }
            $this->assertTrue($threw, "changing \$config->{$property} at run time must fail: declare the property public readonly");
        }
        $this->assertSame(['k2', 'k1'], array_map(static fn(SigningKey $k) => $k->kid, $config->signingKeys), 'the signing keys must be unchanged after an attempt to add one');
    }

    public function testMissingDatabaseUrlIsNamedAndNoSecretIsPrinted(): void
    {
        $env = self::validEnv();
        unset($env['DATABASE_URL']);
        $message = $this->messageFor($env);
        $this->assertStringContainsString('DATABASE_URL', $message, 'the error must name the missing variable DATABASE_URL');
        foreach (self::SECRETS as $secret) {
            $this->assertStringNotContainsString($secret, $message, 'the error message must not contain secret values');
        }
    }

    public function testUnparsableDatabaseUrlIsRejectedWithoutEchoingIt(): void
    {
        foreach (['db-pa55word at nowhere', 'db-pa55word', '//db-pa55word', 'postgres:db-pa55word', 'postgres://', 'postgres:///db-pa55word', 'postgres://:5432/db-pa55word'] as $bad) {
            $message = $this->messageFor(['DATABASE_URL' => $bad] + self::validEnv(), 'DATABASE_URL=' . json_encode($bad) . ' must be rejected: parse_url() accepts almost anything, so require a scheme and a host (\"postgres://\" alone has no host)');
            $this->assertStringContainsString('DATABASE_URL', $message, 'say which variable is wrong');
            $this->assertStringNotContainsString('db-pa55word', $message, 'never put the bad value in the message: it may be a secret');
        }
    }

    public function testPortAndAppEnvAreValidated(): void
    {
        foreach (['abc', '0', '65536', '80.5', '-1', '0x50', '1e3', '+80', '80abc', ' ', ' 80', "80\n", '99999999999999999999'] as $port) {
            $why = 'PORT=' . json_encode($port) . ' must be rejected: accept digits only (ctype_digit(), or a regex anchored with \\z) in the range 1-65535; (int), is_numeric() and FILTER_VALIDATE_INT accept signs, spaces, exponents or junk';
            $this->assertStringContainsString('PORT', $this->messageFor(['PORT' => $port] + self::validEnv(), $why), $why);
        }
        foreach (['1', '65535', '8080'] as $port) {
            $this->assertSame((int) $port, Config::fromEnvironment(['PORT' => $port] + self::validEnv())->port, "PORT={$port} is valid and must be accepted (the range is 1-65535, both ends included)");
        }
        foreach (['prod', 'Production', 'production '] as $appEnv) {
            $this->assertStringContainsString('APP_ENV', $this->messageFor(['APP_ENV' => $appEnv] + self::validEnv(), "APP_ENV={$appEnv} must be rejected: only development, staging or production, exactly"), 'APP_ENV must be one of development, staging, production');
        }
        $env = self::validEnv();
        unset($env['APP_ENV']);
        $this->assertStringContainsString('APP_ENV', $this->messageFor($env, 'a missing APP_ENV must be rejected'), 'APP_ENV is required');
    }

    public function testNoErrorMessageQuotesAnyValue(): void
    {
        $marker = 'Zq' . bin2hex(random_bytes(4));
        $bad = [
            'PORT' => "{$marker}80",
            'APP_ENV' => "prod-{$marker}",
            'DATABASE_URL' => "{$marker} at nowhere",
            'SIGNING_KEYS' => "{$marker}-without-colon",
        ];
        foreach ($bad as $name => $value) {
            $message = $this->messageFor([$name => $value] + self::validEnv(), "{$name}=" . json_encode($value) . ' must be rejected');
            $this->assertStringContainsString($name, $message, "the error must name {$name}");
            $this->assertStringNotContainsString($marker, $message, "the error about {$name} quotes its value: name the variable and the rule, never the value (any variable may hold a secret, and the message ends up in logs)");
        }
        $all = $this->messageFor($bad);
        $this->assertStringNotContainsString($marker, $all, 'the combined error must not quote any value either');
    }

    public function testAllProblemsAreReportedTogether(): void
    {
        $message = $this->messageFor(['PORT' => 'abc', 'APP_ENV' => 'prod']);
        foreach (['PORT', 'APP_ENV', 'DATABASE_URL', 'SIGNING_KEYS'] as $name) {
            $this->assertStringContainsString($name, $message, "collect every problem in a list and throw once at the end: {$name} is missing from the message");
        }
    }

    public function testSigningKeysMustBeKidSecretPairs(): void
    {
        foreach (['', 'no-colon', 'k1:', ':secret', 'k1:a,k1:b', 'k1:a,,k2:b', 'k1:secret-one,'] as $keys) {
            $why = 'SIGNING_KEYS=' . json_encode($keys) . ' must be rejected: every comma-separated entry needs a non-empty, unique kid and a non-empty secret';
            $this->assertStringContainsString('SIGNING_KEYS', $this->messageFor(['SIGNING_KEYS' => $keys] + self::validEnv(), $why), $why);
        }
        $duplicate = $this->messageFor(['SIGNING_KEYS' => 'k1:secret-one,k1:secret-two'] + self::validEnv());
        foreach (self::SECRETS as $secret) {
            $this->assertStringNotContainsString($secret, $duplicate, 'an error about SIGNING_KEYS must not quote the keys: name the variable and the rule, never the value');
        }
    }

    public function testSecretMayContainColons(): void
    {
        $secret = 'c2VjcmV0:with:colons+/==';
        $config = Config::fromEnvironment(['SIGNING_KEYS' => "k3:{$secret},k1:secret-one"] + self::validEnv());
        $this->assertSame($secret, $config->signingKeys[0]->secret->reveal(), "split each entry at its FIRST colon only (explode(':', \$entry, 2)): everything after it is the secret");
    }

    public function testSecretsNeverShowUpInJsonOrDebugOutput(): void
    {
        $config = Config::fromEnvironment(self::validEnv());
        ob_start();
        var_dump($config);
        $dump = (string) ob_get_clean();
        $outputs = ['json_encode' => (string) json_encode($config), 'print_r' => print_r($config, true), 'var_dump' => $dump, 'string cast' => (string) $config->databaseUrl];
        foreach ($outputs as $how => $text) {
            foreach (self::SECRETS as $secret) {
                $this->assertStringNotContainsString($secret, $text, "{$how} of the config printed \"{$secret}\": keep DATABASE_URL and every signing secret in a Secret, never as a plain string");
            }
        }
    }
}
