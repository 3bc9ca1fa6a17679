<?php

declare(strict_types=1);

namespace App\Tests;

use PHPUnit\Framework\TestCase;
use RuntimeException;

/**
 * Starts the real thing, `php -S ... -t public`, and talks HTTP to it over a
 * socket. Slower than ApplicationTest, so it only checks that the pieces are
 * wired together: front controller, autoloading, headers on the wire.
 */
final class HttpSmokeTest extends TestCase
{
    /** @var resource|null */
    private $server = null;
    private int $port = 0;
    private string $databasePath = '';
    private string $logPath = '';

    protected function setUp(): void
    {
        $this->port = self::freePort();
        $this->databasePath = sys_get_temp_dir() . '/smoke-' . bin2hex(random_bytes(4)) . '.sqlite';
        $this->logPath = sys_get_temp_dir() . '/smoke-' . bin2hex(random_bytes(4)) . '.log';

        // The server gets our environment plus a throw-away database.
        $env = getenv();
        $env['APP_ENV'] = 'test';
        $env['DB_PATH'] = $this->databasePath;
        $env['DB_AUTO_MIGRATE'] = 'true';

        // An argument array (not a string) runs PHP directly, without a shell:
        // no quoting problems, and proc_terminate() stops the server itself.
        $command = [PHP_BINARY, '-S', '127.0.0.1:' . $this->port, '-t', dirname(__DIR__) . '/public'];
        $output = ['file', $this->logPath, 'a'];
        $this->server = proc_open($command, [0 => ['pipe', 'r'], 1 => $output, 2 => $output], $pipes, null, $env);
        if (!is_resource($this->server)) {
            $this->fail('Could not start php -S.');
        }

        $this->waitUntilListening();
    }

    protected function tearDown(): void
    {
        if (is_resource($this->server)) {
            proc_terminate($this->server);
            proc_close($this->server);
        }
        foreach ([$this->databasePath, $this->logPath] as $file) {
            if ($file !== '' && is_file($file)) {
                unlink($file);
            }
        }
    }

    public function testServesJson(): void
    {
        $response = $this->request('GET', '/health');

        $this->assertSame(200, $response['status']);
        $this->assertSame('application/json', $response['headers']['content-type']);
        $this->assertSame(['status' => 'ok'], json_decode($response['body'], true));
    }

    public function testCreatesANoteThroughTheWholeStack(): void
    {
        $created = $this->request('POST', '/notes', '{"title":"From the smoke test"}', ['Content-Type' => 'application/json']);
        $this->assertSame(201, $created['status']);

        $shown = $this->request('GET', $created['headers']['location']);
        $this->assertSame('From the smoke test', json_decode($shown['body'], true)['title']);
    }

    public function testUnknownPathIsAProblem404(): void
    {
        $response = $this->request('GET', '/does-not-exist');

        $this->assertSame(404, $response['status']);
        $this->assertSame('application/problem+json', $response['headers']['content-type']);
        $this->assertSame(404, json_decode($response['body'], true)['status']);
    }

    public function testWrongMethodIsA405WithAllow(): void
    {
        $response = $this->request('DELETE', '/notes');

        $this->assertSame(405, $response['status']);
        $this->assertSame('GET, HEAD, POST', $response['headers']['allow']);
        $this->assertSame('application/problem+json', $response['headers']['content-type']);
    }

    /**
     * A minimal HTTP/1.1 client on a raw socket: needs no extension, and shows
     * that HTTP is just text.
     *
     * @param array<string, string> $headers
     * @return array{status: int, headers: array<string, string>, body: string}
     */
    private function request(string $method, string $path, string $body = '', array $headers = []): array
    {
        $socket = stream_socket_client('tcp://127.0.0.1:' . $this->port, $errno, $errstr, 5);
        if ($socket === false) {
            throw new RuntimeException("Cannot connect: $errstr");
        }
        stream_set_timeout($socket, 10);

        $headers += ['Host' => '127.0.0.1:' . $this->port, 'Connection' => 'close', 'Content-Length' => (string) strlen($body)];
        $raw = "$method $path HTTP/1.1\r\n";
        foreach ($headers as $name => $value) {
            $raw .= "$name: $value\r\n";
        }
        fwrite($socket, $raw . "\r\n" . $body);

        $response = (string) stream_get_contents($socket); // "Connection: close" -> read until EOF
        fclose($socket);

        [$head, $responseBody] = explode("\r\n\r\n", $response, 2) + [1 => ''];
        $lines = explode("\r\n", $head);
        $status = (int) (explode(' ', array_shift($lines), 3)[1] ?? 0);
        $parsed = [];
        foreach ($lines as $line) {
            [$name, $value] = explode(':', $line, 2) + [1 => ''];
            $parsed[strtolower(trim($name))] = trim($value);
        }

        return ['status' => $status, 'headers' => $parsed, 'body' => $responseBody];
    }

    /** Ask the OS for an unused port by binding to port 0, then release it for the server. */
    private static function freePort(): int
    {
        $probe = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr);
        if ($probe === false) {
            throw new RuntimeException("Cannot find a free port: $errstr");
        }
        $address = (string) stream_socket_get_name($probe, false); // "127.0.0.1:54321"
        fclose($probe);

        return (int) substr($address, strrpos($address, ':') + 1);
    }

    private function waitUntilListening(): void
    {
        $deadline = microtime(true) + 10;
        while (microtime(true) < $deadline) {
            if (!proc_get_status($this->server)['running']) {
                $this->fail("php -S exited early:\n" . (string) @file_get_contents($this->logPath));
            }
            $socket = @stream_socket_client('tcp://127.0.0.1:' . $this->port, $errno, $errstr, 0.2);
            if ($socket !== false) {
                fclose($socket);

                return;
            }
            usleep(50_000);
        }
        $this->fail("php -S did not start listening within 10 s:\n" . (string) @file_get_contents($this->logPath));
    }
}
