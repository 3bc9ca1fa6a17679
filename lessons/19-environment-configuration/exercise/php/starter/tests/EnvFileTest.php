<?php

declare(strict_types=1);

namespace Exercise\Tests;

use PHPUnit\Framework\TestCase;

/** Runs bin/print-config.php in a child process with a clean environment plus what the test sets. */
final class EnvFileTest extends TestCase
{
    /** @return array{status: int, stdout: string, stderr: string} */
    private function runPrintConfig(array $env): array
    {
        $env = ['PATH' => (string) getenv('PATH')] + $env;
        if (getenv('SystemRoot') !== false) {
            $env['SystemRoot'] = getenv('SystemRoot'); // needed on Windows
        }
        $command = [PHP_BINARY, 'bin/print-config.php', 'tests/fixtures/fixture.env'];
        $process = proc_open($command, [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes, dirname(__DIR__), $env);
        $this->assertIsResource($process, 'could not start php bin/print-config.php');
        $stdout = (string) stream_get_contents($pipes[1]);
        $stderr = (string) stream_get_contents($pipes[2]);
        fclose($pipes[1]);
        fclose($pipes[2]);
        return ['status' => proc_close($process), 'stdout' => $stdout, 'stderr' => $stderr];
    }

    public function testTheEnvFileFillsTheConfiguration(): void
    {
        $result = $this->runPrintConfig([]);
        $this->assertSame(0, $result['status'], "print-config.php failed with the fixture file: {$result['stderr']}{$result['stdout']}");
        $this->assertSame(['port' => 3000, 'appEnv' => 'development'], json_decode($result['stdout'], true), 'the values must come from the .env file');
    }

    public function testRealEnvironmentVariableWinsOverTheFile(): void
    {
        $result = $this->runPrintConfig(['PORT' => '4000']);
        $this->assertSame(0, $result['status'], "print-config.php failed: {$result['stderr']}{$result['stdout']}");
        $this->assertSame(4000, json_decode($result['stdout'], true)['port'] ?? null, 'PORT=4000 from the environment must override PORT=3000 from the file');
    }

    public function testBadValueStopsStartUpWithClearMessageAndNoSecrets(): void
    {
        $result = $this->runPrintConfig(['APP_ENV' => 'prod']);
        $this->assertNotSame(0, $result['status'], 'an invalid APP_ENV must stop the program with a non-zero exit code: throw ConfigException');
        $this->assertStringContainsString('APP_ENV', $result['stderr'], 'the error must name APP_ENV');
        $this->assertDoesNotMatchRegularExpression('/fixture-(db-password|signing-secret)/', $result['stdout'] . $result['stderr'], 'the output must not contain any secret');
    }
}
