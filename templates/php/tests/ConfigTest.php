<?php

declare(strict_types=1);

namespace App\Tests;

use App\Config;
use InvalidArgumentException;
use PHPUnit\Framework\TestCase;

final class ConfigTest extends TestCase
{
    public function testUsesDefaultsAndResolvesTheDatabasePathFromTheProjectRoot(): void
    {
        $config = Config::fromArray([], '/srv/app');

        $this->assertSame('dev', $config->env);
        $this->assertSame('/srv/app/var/app.sqlite', $config->databasePath);
        $this->assertTrue($config->autoMigrate);
    }

    public function testKeepsAbsolutePathsAndMemory(): void
    {
        $this->assertSame('/tmp/x.sqlite', Config::fromArray(['DB_PATH' => '/tmp/x.sqlite'], '/srv/app')->databasePath);
        $this->assertSame(':memory:', Config::fromArray(['DB_PATH' => ':memory:'], '/srv/app')->databasePath);
    }

    public function testRejectsAnUnknownEnvironment(): void
    {
        $this->expectException(InvalidArgumentException::class);
        $this->expectExceptionMessage('APP_ENV must be one of dev, test, prod');

        Config::fromArray(['APP_ENV' => 'production'], '/srv/app');
    }

    public function testRejectsAnInvalidBoolean(): void
    {
        $this->expectException(InvalidArgumentException::class);
        $this->expectExceptionMessage('DB_AUTO_MIGRATE must be true or false');

        Config::fromArray(['DB_AUTO_MIGRATE' => 'maybe'], '/srv/app');
    }

    public function testParsesDotEnvFiles(): void
    {
        $values = Config::parseDotEnv(
            "# comment\n\nAPP_ENV=prod\nexport DB_PATH = \"data/my app.sqlite\"\nDB_AUTO_MIGRATE=false # inline comment\n"
        );

        $this->assertSame(
            ['APP_ENV' => 'prod', 'DB_PATH' => 'data/my app.sqlite', 'DB_AUTO_MIGRATE' => 'false'],
            $values,
        );
    }

    public function testRejectsMalformedDotEnvLines(): void
    {
        $this->expectException(InvalidArgumentException::class);
        $this->expectExceptionMessage('.env line 2');

        Config::parseDotEnv("APP_ENV=dev\nthis is not valid\n");
    }
}
