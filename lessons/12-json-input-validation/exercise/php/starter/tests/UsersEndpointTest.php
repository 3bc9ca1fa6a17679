<?php

declare(strict_types=1);

namespace Exercise\Tests;

require_once __DIR__ . '/Support/EndlessStream.php';
require_once __DIR__ . '/Support/Requests.php';

use Exercise\Http\Request;
use Exercise\Http\Response;
use Exercise\Tests\Support\EndlessStream;
use Exercise\Tests\Support\Requests;
use Exercise\UsersEndpoint;
use PHPUnit\Framework\TestCase;

final class UsersEndpointTest extends TestCase
{
    private UsersEndpoint $endpoint;

    protected function setUp(): void
    {
        $this->endpoint = new UsersEndpoint();
    }

    private function post(string $body = '', string $method = 'POST', string $target = '/users', ?string $contentType = 'application/json', bool $chunked = false): Response
    {
        $response = $this->endpoint->handle(Requests::make($body, $method, $target, $contentType, $chunked));
        $this->assertDoesNotMatchRegularExpression('/#\d+ |\.php[:(]\d+|Stack trace/', $response->body, "a {$response->status} response contains a stack trace or a file path: send generic details only");
        return $response;
    }

    private static function valid(string $name = 'Ada', string $email = 'ada@example.com'): string
    {
        return json_encode(['name' => $name, 'email' => $email], JSON_THROW_ON_ERROR | JSON_UNESCAPED_UNICODE);
    }

    private function assertProblem(Response $response, int $status, string $what): array
    {
        $this->assertSame($status, $response->status, "{$what} must answer {$status}, got {$response->status}");
        $this->assertMatchesRegularExpression('/^application\/problem\+json/', (string) $response->header('Content-Type'), "{$what}: send Content-Type application/problem+json (use Problem::response())");
        $json = json_decode($response->body, true);
        $this->assertIsArray($json, "{$what}: the body must be a JSON problem details object");
        $this->assertSame($status, $json['status'] ?? null, "{$what}: the problem's \"status\" member must equal the HTTP status");
        $this->assertIsString($json['title'] ?? null, "{$what}: include a \"title\" member");
        return $json;
    }

    public function testMalformedJsonIsA400AndTheRawInputIsNotEchoed(): void
    {
        $response = $this->post('{"name": <script>alert(1)</script>');
        $this->assertProblem($response, 400, 'malformed JSON');
        $this->assertStringNotContainsString('<script>', $response->body, 'never echo the raw body in the error');
        $this->assertProblem($this->post('{"name":"Ada","email":"ada@example.com",}'), 400, 'a trailing comma');
    }

    public function testWrongMediaTypeIsA415(): void
    {
        $this->assertProblem($this->post('{"name":"Ada"}', contentType: 'text/plain'), 415, 'Content-Type text/plain');
        $this->assertProblem($this->post('{"name":"Ada"}', contentType: null), 415, 'a missing Content-Type');
        foreach (['application/json-seq', 'text/json', 'application/jsonx; charset=utf-8', 'application/x-www-form-urlencoded'] as $type) {
            $this->assertProblem($this->post(self::valid(), contentType: $type), 415, "Content-Type {$type} (only the exact media type application/json is accepted, not anything containing \"json\")");
        }
    }

    public function testMediaTypesAreCaseInsensitiveAndMayCarryParameters(): void
    {
        foreach (['Application/JSON', 'application/json;charset=UTF-8', 'APPLICATION/JSON ; Charset="utf-8"'] as $type) {
            $response = $this->post(self::valid(), contentType: $type);
            $this->assertSame(201, $response->status, "Content-Type \"{$type}\" is application/json: compare the part before \";\", trimmed and lower-cased (RFC 9110 §8.3.1); got {$response->status}");
        }
    }

    public function testBodyOver10KiBIsA413WithOrWithoutContentLength(): void
    {
        $big = self::valid(str_repeat('x', 11 * 1024));
        $this->assertProblem($this->post($big), 413, 'an 11 KiB body with Content-Length');
        $this->assertProblem($this->post($big, chunked: true), 413, 'an 11 KiB chunked body (no Content-Length): read at most MAX_BODY_BYTES + 1 bytes and compare');
    }

    public function testBodyOfExactly10KiBIsAcceptedOneByteMoreIsA413(): void
    {
        $json = self::valid();
        $exact = $json . str_repeat(' ', UsersEndpoint::MAX_BODY_BYTES - strlen($json)); // white space after JSON is still valid JSON
        $this->assertSame(201, $this->post($exact)->status, 'a body of exactly MAX_BODY_BYTES (10240 bytes) is allowed: refuse only bodies larger than the limit');
        $this->assertSame(201, $this->post($exact, chunked: true)->status, 'a chunked body of exactly 10240 bytes is allowed');
        $this->assertProblem($this->post($exact . ' '), 413, 'a body of 10241 bytes');
        $this->assertProblem($this->post($exact . ' ', chunked: true), 413, 'a chunked body of 10241 bytes');
    }

    public function testTheLimitCountsBytesNotCharacters(): void
    {
        // 100 emoji are 400 bytes but 100 characters: a reader that counts characters sees a smaller body.
        $json = self::valid(str_repeat("\u{1F600}", 100));
        $padded = $json . str_repeat(' ', UsersEndpoint::MAX_BODY_BYTES + 1 - strlen($json)); // 10241 bytes
        $this->assertProblem($this->post($padded, chunked: true), 413, 'a chunked body of 10241 bytes with multi-byte characters (MAX_BODY_BYTES counts bytes: strlen(), not mb_strlen())');
        $this->assertSame(201, $this->post(substr($padded, 0, -1), chunked: true)->status, 'a chunked body of exactly 10240 bytes with multi-byte characters is within the limit');
    }

    public function testReadingStopsAtTheLimitForABodyThatNeverEnds(): void
    {
        $response = $this->endpoint->handle(new Request('POST', '/users', ['Content-Type' => 'application/json'], EndlessStream::open()));
        $this->assertLessThan(64 * 1024, EndlessStream::$bytesRead, 'the endpoint read ' . EndlessStream::$bytesRead . ' bytes of a body with no end: read at most MAX_BODY_BYTES + 1 bytes (stream_get_contents($body, $max + 1)) and answer 413');
        $this->assertProblem($response, 413, 'an endless chunked body');
    }

    public function testDeclaredContentLengthOverTheLimitIsRefusedBeforeReading(): void
    {
        $response = $this->endpoint->handle(new Request('POST', '/users', ['Content-Type' => 'application/json', 'Content-Length' => (string) (50 * 1024 * 1024)], EndlessStream::open()));
        $this->assertSame(0, EndlessStream::$bytesRead, 'the client declared 50 MiB in Content-Length: answer 413 at once, without reading the body');
        $this->assertProblem($response, 413, 'a Content-Length over MAX_BODY_BYTES');
    }

    public function testEmptyBodyInvalidUtf8AndNonObjectsAreToldApart(): void
    {
        $this->assertProblem($this->post(''), 400, 'an empty body (it is not valid JSON: do not default it to {})');
        $badUtf8 = '{"name":"Ad' . "\xff\xfe" . 'a","email":"ada@example.com"}';
        $this->assertProblem($this->post($badUtf8), 400, 'a body with invalid UTF-8 bytes (json_decode with JSON_THROW_ON_ERROR rejects it: do not substitute or ignore bad bytes)');
        foreach (['null', '[]', '"Ada"', '42', '[{"name":"Ada","email":"ada@example.com"}]'] as $text) {
            $problem = $this->assertProblem($this->post($text), 422, "the JSON value {$text} (valid JSON, but not an object: the rules reject it)");
            $pointers = array_column($problem['errors'] ?? [], 'pointer');
            $this->assertContains('', $pointers, "{$text}: report the error at the root pointer \"\" in errors");
        }
    }

    public function testThePathMustBeExactlyUsers(): void
    {
        foreach (['/usersx', '/users-admin', '/users/extra', '/api/users', '/Users'] as $path) {
            $response = $this->post(self::valid(), target: $path);
            $this->assertSame(404, $response->status, "POST {$path} is not POST /users: compare the whole path with ===, not str_starts_with()/str_contains(); got {$response->status}");
        }
    }

    public function testThePathIsRoutedWithoutItsQueryString(): void
    {
        $response = $this->post(self::valid(), target: '/users?source=signup');
        $this->assertSame(201, $response->status, 'POST /users?source=signup is still POST /users: route on parse_url($target, PHP_URL_PATH)');
    }

    public function testEachCreatedUserGetsItsOwnIdAndLocation(): void
    {
        $ids = [];
        for ($i = 0; $i < 8; $i++) {
            $response = $this->post(self::valid("User {$i}", "u{$i}@example.com"));
            $this->assertSame(201, $response->status, 'a valid user must be created with 201');
            $user = json_decode($response->body, true);
            $this->assertSame("/users/{$user['id']}", $response->header('Location'), 'Location must point at the user that was just created: /users/<its id>');
            $this->assertSame("User {$i}", $user['name'], 'the body must be the stored user');
            $ids[] = $user['id'];
        }
        $this->assertCount(8, array_unique($ids), 'every new user needs a new id, even within the same second: use a counter, not the clock');
    }

    public function testEmptyObjectIsA422WithAFieldErrorAtName(): void
    {
        $problem = $this->assertProblem($this->post('{}'), 422, 'an empty object');
        $this->assertIsArray($problem['errors'] ?? null, 'put field errors in an "errors" array extension member');
        $this->assertContains('/name', array_column($problem['errors'], 'pointer'), 'errors must contain [pointer => "/name", ...]');
    }

    public function testAllFieldErrorsComeBackTogether(): void
    {
        $problem = $this->assertProblem($this->post('{"email":"nope"}'), 422, 'a missing name and an invalid email');
        $found = array_column($problem['errors'] ?? [], 'pointer');
        sort($found);
        $this->assertSame(['/email', '/name'], $found, 'report both /email and /name, not just the first error');
    }

    public function testWrongTypesAndUnknownPropertiesAre422(): void
    {
        $cases = [
            ['{"name":"Ada","email":"ada@example.com","age":"30"}', '/age', 'age "30" (a string)'],
            ['{"name":"Ada","email":"ada@example.com","isAdmin":true}', '/isAdmin', 'the unknown member isAdmin'],
            ['{"name":"Ada","email":"ada@example.com","__proto__":{"polluted":true}}', '/__proto__', 'a "__proto__" member'],
        ];
        foreach ($cases as [$body, $pointer, $what]) {
            $problem = $this->assertProblem($this->post($body), 422, $what);
            $this->assertContains($pointer, array_column($problem['errors'] ?? [], 'pointer'), "{$what} must be reported at {$pointer}");
        }
    }

    public function testValidBodyIsA201WithLocationAndOnlyTheAllowedFields(): void
    {
        $response = $this->post('{"name":" Ada ","email":"ada@example.com","age":36}', contentType: 'application/json; charset=utf-8');
        $this->assertSame(201, $response->status, "a valid user must be created with 201, got {$response->status} {$response->body}");
        $this->assertMatchesRegularExpression('/^\/users\/\d+$/', (string) $response->header('Location'), 'send Location: /users/<id> for the new user');
        $user = json_decode($response->body, true);
        $this->assertSame('Ada', $user['name'] ?? null, 'store the trimmed name');
        $this->assertSame(36, $user['age'] ?? null, 'keep age when it was sent');
        $keys = array_keys($user);
        sort($keys);
        $this->assertSame(['age', 'email', 'id', 'name'], $keys, 'return only id, name, email and age');
        $withoutAge = json_decode($this->post(self::valid())->body, true);
        $this->assertArrayNotHasKey('age', $withoutAge, 'leave age out when it was not sent');
    }

    public function testOtherMethodsGet405WithAllowAndOtherPaths404(): void
    {
        foreach (['GET', 'PUT', 'DELETE'] as $method) {
            $response = $this->post('', method: $method);
            $this->assertSame(405, $response->status, "{$method} /users is not supported here: answer 405");
            $this->assertSame('POST', $response->header('Allow'), 'a 405 must list the allowed methods: Allow: POST');
            $this->assertProblem($response, 405, "{$method} /users (every error, 405 included, is a problem details response: use Problem::response())");
        }
        $this->assertSame(404, $this->post('{}', target: '/nope')->status, 'unknown paths must answer 404');
        $this->assertProblem($this->post('{}', target: '/nope'), 404, 'POST /nope (every error, 404 included, is a problem details response: use Problem::response())');
        foreach (['GET', 'DELETE'] as $method) {
            $this->assertSame(404, $this->post('', method: $method, target: '/nope')->status, "{$method} /nope: the path does not exist, whatever the method, so answer 404 (check the path before the method; 405 is only for /users)");
        }
    }
}
