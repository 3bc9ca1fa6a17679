<?php

declare(strict_types=1);

namespace Exercise\Tests;

use PHPUnit\Framework\TestCase;

/**
 * Starts PHP's built-in server with dev/router.php on a free port and sends
 * real HTTP requests. The built-in server ignores .htaccess, which is why the
 * router must mimic its rules.
 */
final class SmokeTest extends TestCase
{
    /** @var resource|null */
    private static $server = null;
    private static int $port = 0;

    public static function setUpBeforeClass(): void
    {
        $probe = stream_socket_server('tcp://127.0.0.1:0');
        self::$port = (int) substr((string) stream_socket_get_name($probe, false), strrpos((string) stream_socket_get_name($probe, false), ':') + 1);
        fclose($probe);

        $root = dirname(__DIR__);
        $command = [PHP_BINARY, '-S', '127.0.0.1:' . self::$port, '-t', "$root/public", "$root/dev/router.php"];
        self::$server = proc_open($command, [0 => ['file', '/dev/null', 'r'], 1 => ['file', '/dev/null', 'w'], 2 => ['file', '/dev/null', 'w']], $pipes, $root);

        $deadline = microtime(true) + 5;
        while (microtime(true) < $deadline) {
            $socket = @stream_socket_client('tcp://127.0.0.1:' . self::$port, $errno, $errstr, 0.2);
            if ($socket !== false) {
                fclose($socket);
                return;
            }
            usleep(50_000);
        }
    }

    public static function tearDownAfterClass(): void
    {
        if (is_resource(self::$server)) {
            proc_terminate(self::$server);
            proc_close(self::$server);
        }
    }

    /** @return array{int, array<string, string>, string} status, headers (lower-case names), body */
    private function get(string $path): array
    {
        $context = stream_context_create(['http' => ['ignore_errors' => true, 'timeout' => 5, 'follow_location' => 0]]);
        $body = @file_get_contents('http://127.0.0.1:' . self::$port . $path, false, $context);
        $this->assertNotFalse($body, "The built-in server did not answer GET $path: does dev/router.php have a syntax error?");
        $lines = $http_response_header ?? [];
        preg_match('/^HTTP\/\S+\s+(\d{3})/', $lines[0] ?? '', $m);
        $headers = [];
        foreach (array_slice($lines, 1) as $line) {
            [$name, $value] = array_pad(explode(':', $line, 2), 2, '');
            $headers[strtolower(trim($name))] = trim($value);
        }
        return [(int) ($m[1] ?? 0), $headers, (string) $body];
    }

    public function testHealthReturns200Json(): void
    {
        [$status, $headers, $body] = $this->get('/health');
        $this->assertSame(200, $status, 'GET /health must return 200 through dev/router.php and public/index.php.');
        $this->assertStringStartsWith('application/json', $headers['content-type'] ?? '', 'GET /health must answer with Content-Type: application/json.');
        $this->assertSame(['status' => 'ok'], json_decode($body, true), 'GET /health must return {"status":"ok"}.');
    }

    public function testUnknownPathsReachTheFrontController(): void
    {
        [$status, $headers] = $this->get('/no/such/page');
        $this->assertSame(404, $status, 'Unknown paths must be routed to public/index.php, which answers 404.');
        $this->assertStringStartsWith('application/problem+json', $headers['content-type'] ?? '', 'The 404 for unknown paths must come from the front controller (problem+json).');
    }

    public function testStaticFilesAreServedDirectly(): void
    {
        [$status, $headers] = $this->get('/css/app.css');
        $this->assertSame(200, $status, 'Existing static files (public/css/app.css) must be served as they are.');
        $this->assertStringStartsWith('text/css', $headers['content-type'] ?? '', 'public/css/app.css must be served as text/css, not through index.php.');
    }

    public function testDotfilesAreNeverServed(): void
    {
        foreach (['/.env', '/.user.ini', '/.htaccess', '/.git/config'] as $path) {
            [$status, , $body] = $this->get($path);
            $this->assertContains($status, [403, 404], "GET $path must be refused (403 or 404), like <FilesMatch \"^\\.\"> Require all denied does on Apache. dev/router.php must refuse dotfiles.");
            $this->assertStringNotContainsString('display_errors', $body, "GET $path leaked a configuration file.");
        }
    }

    public function testDotfilesInSubfoldersAreNeverServed(): void
    {
        // A real dotfile one level down, as an upload folder or a copied theme might contain.
        $name = '.secret-' . bin2hex(random_bytes(4)) . '.ini';
        $file = dirname(__DIR__) . "/public/css/$name";
        file_put_contents($file, "api_key = leaked\n");
        try {
            foreach (["/css/$name", '/css/%2e' . substr($name, 1), "/css/$name?download=1"] as $path) {
                [$status, , $body] = $this->get($path);
                $this->assertContains($status, [403, 404], "GET $path must be refused: refuse every path segment that starts with a dot (check the decoded path without its query string), not only dotfiles at the top.");
                $this->assertStringNotContainsString('leaked', $body, "GET $path served a dotfile from a subfolder.");
            }
        } finally {
            unlink($file);
        }
    }

    public function testQueryStringsStillReachTheFrontController(): void
    {
        [$status, $headers, $body] = $this->get('/health?verbose=1');
        $this->assertSame(200, $status, 'GET /health?verbose=1 must be routed like /health: route on the path, not on the whole REQUEST_URI.');
        $this->assertSame(['status' => 'ok'], json_decode($body, true), 'GET /health?verbose=1 must return {"status":"ok"}.');
        // A dot in the query string is not a dotfile: only the path's segments count.
        foreach (['/health?next=/.profile', '/health?file=%2F.env&x=1'] as $path) {
            [$status, , $body] = $this->get($path);
            $this->assertSame(200, $status, "GET $path must reach /health: check the dot rule on the path only (parse_url(..., PHP_URL_PATH)), not on the query string.");
            $this->assertSame(['status' => 'ok'], json_decode($body, true), "GET $path must return {\"status\":\"ok\"}.");
        }
    }

    public function testFilesInsideDotFoldersAreNeverServed(): void
    {
        // Real files inside dot-folders (a .git/ checkout, a theme's .cache/), at the top and deeper.
        $public = dirname(__DIR__) . '/public';
        $folders = ['.cache-' . bin2hex(random_bytes(3)), 'css/.old-' . bin2hex(random_bytes(3))];
        foreach ($folders as $folder) {
            mkdir("$public/$folder");
            file_put_contents("$public/$folder/settings.css", "/* api_key = leaked */\n");
        }
        try {
            foreach ($folders as $folder) {
                [$status, , $body] = $this->get("/$folder/settings.css");
                $this->assertContains($status, [403, 404], "GET /$folder/settings.css must be refused: a folder whose name starts with a dot is a dot segment too, so check every segment of the path, not only the file name (basename).");
                $this->assertStringNotContainsString('leaked', $body, "GET /$folder/settings.css served a file from a dot-folder.");
            }
        } finally {
            foreach ($folders as $folder) {
                unlink("$public/$folder/settings.css");
                rmdir("$public/$folder");
            }
        }
    }

    public function testFoldersGoToTheFrontController(): void
    {
        foreach (['/css', '/css/'] as $path) {
            [$status, $headers] = $this->get($path);
            $this->assertSame(404, $status, "GET $path (a folder, not a file) must go to public/index.php, which answers 404.");
            $this->assertStringStartsWith('application/problem+json', $headers['content-type'] ?? '', "GET $path must be answered by the front controller: serve only real files (is_file), not folders (file_exists is true for a folder too), like RewriteCond %{REQUEST_FILENAME} !-d.");
        }
    }
}
