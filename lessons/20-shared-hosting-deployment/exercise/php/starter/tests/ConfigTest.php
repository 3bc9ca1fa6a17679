<?php

declare(strict_types=1);

namespace Exercise\Tests;

use Exercise\Config;
use PHPUnit\Framework\TestCase;

/**
 * src/Config.php must read its values at run time: from the real environment, or from a .env
 * file above the web root, with the environment winning. Every test uses fresh random values,
 * so deleting the literals is not enough: the values must really be read.
 */
final class ConfigTest extends TestCase
{
    private const KEYS = ['DB_DSN' => 'databaseDsn', 'DB_USER' => 'databaseUser', 'DB_PASSWORD' => 'databasePassword', 'PAYMENT_KEY' => 'paymentKey'];

    private string $dir;

    protected function setUp(): void
    {
        $this->assertTrue(
            method_exists(Config::class, 'load') && method_exists(Config::class, 'fromArray'),
            'src/Config.php needs public static function load(string $envFile): self and public static function fromArray(array $env): self (see the README).',
        );
        $this->dir = sys_get_temp_dir() . '/backend-path-20-config-' . bin2hex(random_bytes(4));
        mkdir($this->dir, 0700);
    }

    protected function tearDown(): void
    {
        foreach (glob($this->dir . '/{,.}*', GLOB_BRACE) ?: [] as $file) {
            if (is_file($file)) {
                unlink($file);
            }
        }
        rmdir($this->dir);
    }

    /** @return array<string, string> a random, complete configuration */
    private static function randomValues(): array
    {
        $word = static fn(int $bytes): string => bin2hex(random_bytes($bytes));
        return [
            'DB_DSN' => 'mysql:host=localhost;dbname=' . $word(4),
            'DB_USER' => 'u_' . $word(3),
            'DB_PASSWORD' => 'pw-' . $word(8),
            'PAYMENT_KEY' => 'pk_test_' . $word(10),
        ];
    }

    /** @param array<string, string> $values */
    private function writeEnvFile(array $values): string
    {
        $lines = array_map(static fn(string $k, string $v): string => "$k=\"$v\"", array_keys($values), $values);
        file_put_contents($this->dir . '/.env', implode("\n", $lines) . "\n");
        return $this->dir . '/.env';
    }

    /**
     * Runs Config::load() in a fresh PHP process with exactly $env as its environment.
     *
     * @param array<string, string> $env
     * @return array{int, array<string, string>}
     */
    private function loadInChild(string $envFile, array $env): array
    {
        $env = ['PATH' => (string) getenv('PATH')] + $env;
        $process = proc_open([PHP_BINARY, __DIR__ . '/fixtures/load-config.php', $envFile], [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes, null, $env);
        $output = (string) stream_get_contents($pipes[1]);
        $errors = (string) stream_get_contents($pipes[2]);
        fclose($pipes[1]);
        fclose($pipes[2]);
        $exit = proc_close($process);
        $decoded = json_decode($output, true);
        $this->assertIsArray($decoded, "Loading the configuration crashed instead of returning or throwing:\n$output$errors");
        return [$exit, $decoded];
    }

    public function testFromArrayKeepsTheGivenValues(): void
    {
        for ($round = 0; $round < 5; $round++) {
            $values = self::randomValues();
            $config = Config::fromArray($values);
            foreach (self::KEYS as $key => $property) {
                $this->assertSame($values[$key], $config->$property, "Config::fromArray() must put $key into \$$property: read the value you were given, never a literal.");
            }
        }
    }

    public function testMissingOrEmptyKeysAreNamedWithoutPrintingValues(): void
    {
        foreach (array_keys(self::KEYS) as $absent) {
            $values = self::randomValues();
            $empty = $absent === 'DB_USER' ? 'PAYMENT_KEY' : 'DB_USER';
            unset($values[$absent]);
            $values[$empty] = '';
            try {
                Config::fromArray($values);
                $this->fail("Config::fromArray() accepted a configuration without $absent (and with an empty $empty): throw an exception that names the missing keys.");
            } catch (\Throwable $e) {
                if ($e instanceof \PHPUnit\Framework\AssertionFailedError) {
                    throw $e;
                }
                $this->assertStringContainsString($absent, $e->getMessage(), "The error must name the missing key $absent.");
                $this->assertStringContainsString($empty, $e->getMessage(), "An empty $empty counts as missing: the error must name it too.");
                foreach ($values as $value) {
                    if ($value !== '') {
                        $this->assertStringNotContainsString($value, $e->getMessage(), 'The error must name keys only, never print a value: it ends up in logs.');
                    }
                }
            }
        }
    }

    public function testLoadReadsTheEnvFile(): void
    {
        $values = self::randomValues();
        [$exit, $loaded] = $this->loadInChild($this->writeEnvFile($values), []);

        $this->assertSame(0, $exit, 'Config::load($envFile) must read every key from the .env file when the environment has none: ' . ($loaded['error'] ?? ''));
        $this->assertSame($values, $loaded, 'Config::load($envFile) must return the values written in that .env file (parse it with parse_ini_file($file, false, INI_SCANNER_RAW)).');
    }

    public function testEnvFileValuesAreReadExactlyAsWritten(): void
    {
        // Unquoted values with characters the normal INI scanner treats as operators or constants,
        // and a quoted one with ${...}, which the normal scanner would expand.
        $word = bin2hex(random_bytes(3));
        $values = [
            'DB_DSN' => "sqlite:/home/app/db-$word.sqlite",
            'DB_USER' => "yes",
            'DB_PASSWORD' => "p@ss!$word~(x)|y&z^",
            'PAYMENT_KEY' => 'pk_${HOME}_' . $word,
        ];
        $file = $this->dir . '/.env';
        file_put_contents($file, "DB_DSN={$values['DB_DSN']}\nDB_USER={$values['DB_USER']}\nDB_PASSWORD={$values['DB_PASSWORD']}\nPAYMENT_KEY=\"{$values['PAYMENT_KEY']}\"\n");
        [$exit, $loaded] = $this->loadInChild($file, []);

        $this->assertSame(0, $exit, 'Config::load() could not read an .env file whose values contain ! ~ ( ) | & ^: parse it with parse_ini_file($file, false, INI_SCANNER_RAW), which reads values as text. ' . ($loaded['error'] ?? ''));
        $this->assertSame($values, $loaded, 'Config::load() changed values of the .env file (yes became 1, ${HOME} was expanded, or operators were evaluated): parse it with INI_SCANNER_RAW, so every value is kept as written.');
    }

    public function testZeroIsAValueNotAMissingKey(): void
    {
        $values = self::randomValues();
        $values['DB_USER'] = '0';
        $values['DB_PASSWORD'] = '0';
        try {
            $config = Config::fromArray($values);
        } catch (\Throwable $e) {
            $this->fail('Config::fromArray() refused the value "0" (' . $e->getMessage() . '): only a missing key or an empty string is missing; empty() also calls "0" empty, so compare with \'\' instead.');
        }
        $this->assertSame(['0', '0'], [$config->databaseUser, $config->databasePassword], 'Config::fromArray() must keep "0" as given.');
    }

    public function testTheRealEnvironmentWinsOverTheFile(): void
    {
        $fromFile = self::randomValues();
        $fromEnv = ['DB_PASSWORD' => 'env-' . bin2hex(random_bytes(6)), 'PAYMENT_KEY' => 'pk_env_' . bin2hex(random_bytes(6))];
        [$exit, $loaded] = $this->loadInChild($this->writeEnvFile($fromFile), $fromEnv);

        $this->assertSame(0, $exit, 'Config::load() failed: ' . ($loaded['error'] ?? ''));
        $this->assertSame(array_merge($fromFile, $fromEnv), $loaded, 'A variable set in the real environment must win over the .env file (the file only fills gaps), as with Node\'s --env-file and phpdotenv.');
    }

    public function testWithoutAFileTheEnvironmentIsEnough(): void
    {
        $values = self::randomValues();
        [$exit, $loaded] = $this->loadInChild($this->dir . '/does-not-exist.env', $values);

        $this->assertSame(0, $exit, 'Config::load() must work from the environment alone when the .env file does not exist (production hosts may inject variables instead): ' . ($loaded['error'] ?? ''));
        $this->assertSame($values, $loaded, 'Config::load() must return the values of the real environment.');
    }

    public function testLoadFailsClearlyWhenSomethingIsMissing(): void
    {
        $values = self::randomValues();
        unset($values['PAYMENT_KEY']);
        [$exit, $loaded] = $this->loadInChild($this->writeEnvFile($values), []);

        $this->assertNotSame(0, $exit, 'Config::load() must throw when PAYMENT_KEY is in neither the environment nor the file.');
        $this->assertStringContainsString('PAYMENT_KEY', (string) ($loaded['error'] ?? ''), 'The error must name PAYMENT_KEY.');
        $this->assertStringNotContainsString($values['DB_PASSWORD'], (string) ($loaded['error'] ?? ''), 'The error must not print any value.');
    }
}
