<?php

declare(strict_types=1);

namespace Exercise\Tests;

use PHPUnit\Framework\TestCase;

/**
 * Real traffic: public/index.php behind PHP's built-in server, spoken to over a raw
 * socket, so you see exactly the bytes a client sees (like curl -i).
 */
final class FrontControllerTest extends TestCase
{
    /** @var resource|null */
    private $server = null;
    private int $port = 0;
    private string $log = '';

    protected function setUp(): void
    {
        // Ask the OS for a free port, then hand it to php -S.
        $probe = stream_socket_server('tcp://127.0.0.1:0');
        $this->assertIsResource($probe, 'could not find a free port for php -S');
        $this->port = (int) substr(strrchr((string) stream_socket_get_name($probe, false), ':'), 1);
        fclose($probe);
        $this->log = tempnam(sys_get_temp_dir(), 'php-s-');
        $root = dirname(__DIR__);
        $this->server = proc_open(
            [PHP_BINARY, '-S', "127.0.0.1:{$this->port}", '-t', "$root/public", "$root/public/index.php"],
            [0 => ['pipe', 'r'], 1 => ['file', $this->log, 'a'], 2 => ['file', $this->log, 'a']], // no /dev/null: Windows too
            $pipes,
            $root,
            ['ITEMS_TOKEN' => 'front-controller-token'] + getenv(),
        );
        $this->assertIsResource($this->server, 'could not start php -S');
        fclose($pipes[0]);
        $deadline = microtime(true) + 5;
        while (microtime(true) < $deadline) {
            $socket = @stream_socket_client("tcp://127.0.0.1:{$this->port}", $errno, $error, 0.2);
            if ($socket !== false) {
                fclose($socket);
                return;
            }
            usleep(50_000);
        }
        $this->fail('php -S did not start within 5 s: ' . file_get_contents($this->log));
    }

    protected function tearDown(): void
    {
        if (is_resource($this->server)) {
            proc_terminate($this->server);
            proc_close($this->server);
        }
        if ($this->log !== '' && is_file($this->log)) {
            unlink($this->log);
        }
    }

    /** @return array{status: int, head: string, headers: array<string, string>, body: string} */
    private function raw(string $request): array
    {
        $socket = stream_socket_client("tcp://127.0.0.1:{$this->port}", $errno, $error, 5);
        $this->assertNotFalse($socket, "could not connect to php -S: $error");
        stream_set_timeout($socket, 5);
        fwrite($socket, $request);
        $response = (string) stream_get_contents($socket);
        fclose($socket);
        [$head, $body] = array_pad(explode("\r\n\r\n", $response, 2), 2, '');
        $lines = explode("\r\n", $head);
        $headers = [];
        foreach (array_slice($lines, 1) as $line) {
            [$name, $value] = array_pad(explode(':', $line, 2), 2, '');
            $headers[strtolower(trim($name))] = trim($value);
        }
        return ['status' => (int) (explode(' ', $lines[0])[1] ?? 0), 'head' => $head, 'headers' => $headers, 'body' => $body];
    }

    public function testTheFrontControllerSpeaksHttpOverARealSocket(): void
    {
        $get = $this->raw("GET /health?x=1 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        $this->assertSame(200, $get['status'], "GET /health?x=1 over a real socket must answer 200:\n" . $get['head']);
        $this->assertSame('{"status":"ok"}', $get['body'], 'GET /health must send exactly {"status":"ok"}.');
        $this->assertSame((string) strlen($get['body']), $get['headers']['content-length'] ?? null, 'Set Content-Length yourself (strlen of the body): the client reads exactly that many bytes.');

        $head = $this->raw("HEAD /health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        $this->assertSame(200, $head['status'], 'HEAD /health over a real socket must answer 200.');
        $this->assertSame($get['headers']['content-length'] ?? null, $head['headers']['content-length'] ?? null, 'HEAD must announce the Content-Length GET would send.');

        // A chunked request: no Content-Length, the body arrives in pieces, "✓" split across two.
        $payload = json_encode(['text' => 'Zoë ✓ €', 'seed' => bin2hex(random_bytes(3))], JSON_UNESCAPED_UNICODE);
        $cut = strpos($payload, '✓') + 1;
        $chunks = [substr($payload, 0, $cut), substr($payload, $cut)];
        $framed = '';
        foreach ($chunks as $chunk) {
            $framed .= dechex(strlen($chunk)) . "\r\n$chunk\r\n";
        }
        $echo = $this->raw("POST /echo HTTP/1.1\r\nHost: localhost\r\nContent-Type: Application/JSON; charset=utf-8\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n{$framed}0\r\n\r\n");
        $this->assertSame(200, $echo['status'], "A chunked UTF-8 JSON body to POST /echo must answer 200:\n" . $echo['head']);
        $this->assertSame((string) strlen($echo['body']), $echo['headers']['content-length'] ?? null, 'Content-Length must count the bytes that follow (strlen), not characters: "ë", "✓" and "€" are several bytes each.');
        $this->assertSame(json_decode($payload, true), json_decode($echo['body'], true), 'POST /echo must send back the JSON it received.');

        $denied = $this->raw("POST /items HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");
        $this->assertSame(401, $denied['status'], 'POST /items without a token must answer 401.');
        $this->assertMatchesRegularExpression('/\ABearer\b/i', $denied['headers']['www-authenticate'] ?? '', 'The 401 must reach the client with its WWW-Authenticate header.');
    }
}
