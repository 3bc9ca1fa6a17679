<?php

declare(strict_types=1);

namespace Exercise\Tests;

use Exercise\App;
use Exercise\Request;
use Exercise\Response;
use Exercise\Tests\Support\EndlessBody;
use PHPUnit\Framework\TestCase;

require_once __DIR__ . '/Support/EndlessBody.php';

final class AppTest extends TestCase
{
    private const LIMIT = 65536; // the body limit the README asks for

    private string $token;
    private App $app;

    protected function setUp(): void
    {
        $this->token = bin2hex(random_bytes(12)); // a fresh token every run: never hard-code one
        $this->app = new App($this->token);
    }

    /** @param array<string, string> $headers @param resource|string $body */
    private function send(string $method, string $target, array $headers = [], mixed $body = ''): Response
    {
        return $this->app->handle(new Request($method, $target, $headers, $body));
    }

    /** @return array<string, string> */
    private function auth(string $type = 'application/json'): array
    {
        return ['Authorization' => 'Bearer ' . $this->token, 'Content-Type' => $type];
    }

    private function decode(Response $response, string $rule): mixed
    {
        try {
            return json_decode($response->body, true, 512, JSON_THROW_ON_ERROR);
        } catch (\JsonException) {
            $this->fail($rule . ' (the body was not valid JSON: ' . json_encode(substr($response->body, 0, 80)) . ')');
        }
    }

    private function assertContentLengthIsBytes(Response $response, string $what): void
    {
        $this->assertSame((string) strlen($response->body), $response->header('Content-Length'), "$what must send Content-Length = strlen(\$body), the length in BYTES (mb_strlen() counts characters, which is too short for non-ASCII JSON).");
    }

    public function testGetHealthAnswers200WithJsonStatusOk(): void
    {
        $response = $this->send('GET', '/health');
        $this->assertSame(200, $response->status, 'GET /health must answer 200 OK.');
        $this->assertStringStartsWith('application/json', (string) $response->header('Content-Type'), 'GET /health must send Content-Type: application/json.');
        $this->assertSame(['status' => 'ok'], $this->decode($response, 'GET /health must send JSON'), 'GET /health must send the body {"status":"ok"}.');
        $this->assertContentLengthIsBytes($response, 'GET /health');
    }

    public function testRoutingUsesThePathOnly(): void
    {
        foreach (['/health?x=1', '/health?verbose=true&x=%20', '/health?'] as $target) {
            $this->assertSame(200, $this->send('GET', $target)->status, "GET $target must answer 200: the query is not part of the path, so route on parse_url(\$target, PHP_URL_PATH).");
        }
        foreach (['/healthz', '/health/extra', '/echo/health', '/Health'] as $target) {
            $this->assertSame(404, $this->send('GET', $target)->status, "GET $target must answer 404: compare the whole path, not a prefix or substring.");
        }
    }

    public function testHeadHealthSendsTheSameHeadersAsGetAndNoBody(): void
    {
        $get = $this->send('GET', '/health');
        $head = $this->send('HEAD', '/health?probe=1');
        $this->assertSame(200, $head->status, 'HEAD /health must answer 200, like GET (HEAD is GET without the body).');
        $this->assertSame($get->header('Content-Type'), $head->header('Content-Type'), 'HEAD must send the same Content-Type as GET.');
        $this->assertSame($get->header('Content-Length'), $head->header('Content-Length'), 'HEAD must send the Content-Length that GET would send: build the GET response, then drop only its body.');
        $this->assertSame('', $head->body, 'HEAD responses must not carry a body: return GET\'s response with an empty body (php -S, Apache and nginx drop an echoed body for you, which only hides the mistake).');
    }

    public function testHeadWorksOnEveryGetResourceIncludingItemsAnd404s(): void
    {
        $created = $this->send('POST', '/items', $this->auth(), json_encode(['title' => 'héad ✓']));
        $this->assertSame(201, $created->status, 'POST /items with the token must answer 201.');
        $path = (string) parse_url((string) $created->header('Location'), PHP_URL_PATH);
        $get = $this->send('GET', $path);
        $head = $this->send('HEAD', $path);
        $this->assertSame(200, $head->status, "HEAD $path must answer 200 like GET: every resource that supports GET supports HEAD (GET's headers, no body).");
        $this->assertSame($get->header('Content-Length'), $head->header('Content-Length'), "HEAD $path must send the Content-Length GET would send.");
        $this->assertSame('', $head->body, "HEAD $path must not carry a body.");
        $missing = $this->send('HEAD', '/nope-' . bin2hex(random_bytes(3)));
        $this->assertSame(404, $missing->status, 'HEAD on an unknown path must answer 404.');
        $this->assertSame('', $missing->body, 'HEAD must not carry a body on any route (errors too): decide it once, where every response leaves handle().');
    }

    public function testAnUnsupportedMethodAnswers405WithThatResourcesAllowHeader(): void
    {
        $created = $this->send('POST', '/items', $this->auth(), '{"title":"allow"}');
        $itemPath = (string) parse_url((string) $created->header('Location'), PHP_URL_PATH);
        $resources = [
            ['/health', ['DELETE', 'POST', 'PUT'], ['GET', 'HEAD']],
            ['/echo', ['GET', 'PUT'], ['POST']],
            ['/items', ['GET', 'DELETE'], ['POST']],
            [$itemPath, ['DELETE', 'POST'], ['GET', 'HEAD']],
        ];
        foreach ($resources as [$path, $methods, $allowed]) {
            foreach ($methods as $method) {
                $response = $this->send($method, $path, $this->auth(), '{}');
                $this->assertSame(405, $response->status, "$method $path must answer 405: the resource exists, only the method is not supported (404 would be wrong).");
                $allow = array_values(array_filter(array_map(static fn (string $m): string => strtoupper(trim($m)), explode(',', (string) $response->header('Allow')))));
                sort($allow);
                $this->assertSame($allowed, $allow, "A 405 from $path must carry Allow: " . implode(', ', $allowed) . ' (the methods that resource supports; got ' . json_encode($response->header('Allow')) . '): every 405 needs an Allow header.');
            }
        }
    }

    public function testEchoAcceptsApplicationJsonInAnyCaseWithParameters(): void
    {
        $payloads = [
            ['name' => 'Ada', 'tags' => ['math', 'engines'], 'nested' => ['ok' => true]],
            [1, 'two', null, ['three' => 3]],
            ['seed' => bin2hex(random_bytes(6)), 'n' => random_int(0, 999999)],
        ];
        $types = ['application/json', 'application/json ; charset=utf-8', 'Application/JSON; Charset=UTF-8'];
        foreach ($payloads as $i => $payload) {
            $response = $this->send('POST', '/echo?debug=1', ['Content-Type' => $types[$i]], json_encode($payload));
            $this->assertSame(200, $response->status, "POST /echo must accept \"{$types[$i]}\": compare the media type before \";\", trimmed and lower-cased.");
            $this->assertStringStartsWith('application/json', (string) $response->header('Content-Type'), 'The echo must be sent with Content-Type: application/json.');
            $this->assertSame($payload, $this->decode($response, 'POST /echo must send back JSON'), 'POST /echo must send back the parsed JSON body unchanged (not a fixed object).');
        }
    }

    public function testEchoKeepsEmptyObjectsAndScalarsAsSent(): void
    {
        $marker = bin2hex(random_bytes(3));
        foreach (['{"empty":{},"list":[],"id":"' . $marker . '"}', '{}', '[]', '[{},[]]', 'null', '0', 'false', '"' . $marker . '"'] as $json) {
            $response = $this->send('POST', '/echo', ['Content-Type' => 'application/json'], $json);
            $this->assertSame(200, $response->status, "POST /echo with the valid JSON $json must answer 200: null, 0 and false are valid JSON too (decode with JSON_THROW_ON_ERROR and catch the exception; do not treat a null result as an error).");
            $this->assertEquals(json_decode($json, false), json_decode($response->body, false), "POST /echo with $json must send back the same JSON, got " . $response->body . ': decode into objects (json_decode($text, false, ...)), because with arrays {} comes back as [].');
        }
    }

    public function testContentLengthCountsBytesNotCharacters(): void
    {
        $payload = ['name' => 'Zoë', 'city' => 'Kraków', 'note' => '✓ €5 ' . bin2hex(random_bytes(2))];
        $response = $this->send('POST', '/echo', ['Content-Type' => 'application/json'], json_encode($payload, JSON_UNESCAPED_UNICODE));
        $this->assertSame(200, $response->status, 'POST /echo with a UTF-8 JSON body must answer 200.');
        $this->assertNotNull($response->header('Content-Length'), 'Send the echo with a Content-Length header, so the client knows where it ends.');
        $this->assertContentLengthIsBytes($response, 'POST /echo with "Zoë" and "✓"');
        $this->assertSame($payload, $this->decode($response, 'POST /echo must send back JSON'), 'POST /echo must send back the JSON it received.');
    }

    public function testEchoAnswers415ToAnyOtherMediaType(): void
    {
        foreach (['text/plain', 'text/json', 'application/json-seq', 'application/x-www-form-urlencoded', 'application/jsonp', null] as $type) {
            $headers = $type === null ? [] : ['Content-Type' => $type];
            $this->assertSame(415, $this->send('POST', '/echo', $headers, '{"a":1}')->status, 'POST /echo must answer 415 for Content-Type ' . json_encode($type) . ': accept exactly application/json (parameters aside), not anything that contains "json".');
        }
    }

    public function testEchoAnswers400ToMalformedJson(): void
    {
        foreach (['{"oops":', '', "{'single':'quotes'}", '{"a":1}}'] as $body) {
            $this->assertSame(400, $this->send('POST', '/echo', ['Content-Type' => 'application/json'], $body)->status, 'Malformed JSON (' . json_encode($body) . ") is the client's fault: decode with JSON_THROW_ON_ERROR, catch the JsonException and answer 400.");
        }
    }

    public function testABodyOfExactly64KiBIsAcceptedOneByteMoreIs413(): void
    {
        $exact = json_encode(str_repeat('a', self::LIMIT - 2)); // the quotes make it LIMIT bytes
        $this->assertSame(200, $this->send('POST', '/echo', ['Content-Type' => 'application/json'], $exact)->status, 'A body of exactly 65 536 bytes is within the limit: reject only when size > limit.');
        $over = json_encode(str_repeat('a', self::LIMIT - 1));
        $this->assertSame(413, $this->send('POST', '/echo', ['Content-Type' => 'application/json'], $over)->status, 'A body of 65 537 bytes must answer 413 Content Too Large.');
        $this->assertSame(413, $this->send('POST', '/echo', ['Content-Type' => 'application/json', 'Content-Length' => (string) strlen($over)], $over)->status, 'A body of 65 537 bytes with its Content-Length must answer 413 too.');
    }

    public function testThe64KiBLimitCountsBytesNotCharacters(): void
    {
        $n = random_int(33000, 34999); // "é" is 2 bytes: about 34 000 characters, 68 000 bytes
        $body = json_encode(str_repeat('é', $n), JSON_UNESCAPED_UNICODE);
        $this->assertSame(413, $this->send('POST', '/echo', ['Content-Type' => 'application/json'], $body)->status, 'A body of ' . mb_strlen($body) . ' characters but ' . strlen($body) . ' bytes must answer 413: limit strlen() of the raw bytes, not mb_strlen().');
        $fits = json_encode(str_repeat('é', (self::LIMIT - 2) / 2), JSON_UNESCAPED_UNICODE); // exactly LIMIT bytes
        $this->assertSame(200, $this->send('POST', '/echo', ['Content-Type' => 'application/json'], $fits)->status, 'A body of exactly 65 536 bytes of "é" is within the limit.');
    }

    public function testABodyWithoutContentLengthIsCutOffAtTheLimitNotReadToTheEnd(): void
    {
        // A chunked body has no Content-Length, and a hostile client can keep sending:
        // the stream here offers 8 MiB and counts what the app pulls from it.
        EndlessBody::register();
        $response = $this->send('POST', '/echo', ['Content-Type' => 'application/json', 'Transfer-Encoding' => 'chunked'], EndlessBody::open(8 * 1024 * 1024));
        $this->assertSame(413, $response->status, 'A body that passes 64 KiB without a Content-Length must answer 413.');
        $this->assertLessThanOrEqual(2 * self::LIMIT, EndlessBody::$served, 'The app read ' . EndlessBody::$served . ' bytes of a body that never ends: read at most MAX_BODY_BYTES + 1 (stream_get_contents($stream, $max + 1)) and answer 413, instead of reading to the end or trusting Content-Length alone.');
    }

    public function testItemsWithoutValidCredentialsAnswer401WithWwwAuthenticate(): void
    {
        $t = $this->token;
        $cases = [null, 'Bearer wrong-token', $t, "Basic $t", "Bearer {$t}x", "Bearer x$t", 'Bearer ' . substr($t, 0, -1), 'Bearer secret-token'];
        foreach ($cases as $authorization) {
            $headers = ['Content-Type' => 'application/json'] + ($authorization === null ? [] : ['Authorization' => $authorization]);
            $response = $this->send('POST', '/items', $headers, '{"title":"x"}');
            $this->assertSame(401, $response->status, 'POST /items with Authorization ' . json_encode($authorization) . ' must answer 401: only "Bearer <token>" with the token passed to new App() is valid (compare it exactly, with hash_equals()).');
            $this->assertMatchesRegularExpression('/\ABearer\b/i', (string) $response->header('WWW-Authenticate'), 'A 401 must carry WWW-Authenticate naming the scheme (WWW-Authenticate: Bearer), or the client cannot know how to log in.');
        }
        $anonymousText = $this->send('POST', '/items', ['Content-Type' => 'text/plain'], 'x');
        $this->assertSame(401, $anonymousText->status, 'POST /items without credentials must answer 401 whatever the body: check the credentials first, then the media type (a 415 tells a stranger about your API).');
    }

    public function testItemsCreatesAResourceWith201AndALocationThatResolves(): void
    {
        $titles = ['first', 'second-' . bin2hex(random_bytes(3)), 'Zoë ✓'];
        $locations = [];
        foreach ($titles as $title) {
            $response = $this->send('POST', '/items', $this->auth('application/json; charset=utf-8'), json_encode(['title' => $title]));
            $this->assertSame(201, $response->status, 'Creating a resource must answer 201 Created, not 200.');
            $location = (string) $response->header('Location');
            $this->assertNotSame('', $location, '201 Created must carry a Location header pointing at the new resource.');
            $path = (string) parse_url($location, PHP_URL_PATH);
            $body = $this->decode($response, 'The 201 body must be JSON');
            $this->assertTrue(isset($body['id']) && $path === "/items/{$body['id']}", 'The 201 body must be {"id": ..., "data": ...} with the id the Location points at (Location ' . json_encode($location) . ', body id ' . json_encode($body['id'] ?? null) . ').');
            $this->assertSame(['title' => $title], $body['data'] ?? null, 'The 201 body must carry the JSON sent, under "data".');
            $this->assertContentLengthIsBytes($response, 'The 201 response');
            $locations[] = $path;
        }
        $this->assertCount(3, array_unique($locations), 'Each POST creates a new resource (POST is not idempotent): give each item its own id and Location.');
        foreach ($locations as $i => $path) {
            $response = $this->send('GET', $path);
            $this->assertSame(200, $response->status, "GET $path (the Location of a created item) must answer 200: store the item under that URL.");
            $this->assertSame(['title' => $titles[$i]], $this->decode($response, 'GET /items/<id> must answer JSON')['data'] ?? null, "GET $path must return the item created there, under \"data\".");
        }
        $wrongType = $this->send('POST', '/items', $this->auth('text/plain'), '{"title":"x"}');
        $this->assertSame(415, $wrongType->status, 'POST /items follows the same media-type rule as /echo: text/plain gets 415, after the credentials check.');
        foreach (['{"title":', '', "{'title':'x'}"] as $malformed) {
            $this->assertSame(400, $this->send('POST', '/items', $this->auth(), $malformed)->status, 'POST /items with the token and the malformed JSON ' . json_encode($malformed) . ' must answer 400: /items follows the same JSON rules as /echo (share one read-and-decode function).');
        }
        $this->assertSame(413, $this->send('POST', '/items', $this->auth(), json_encode(str_repeat('a', self::LIMIT - 1)))->status, 'POST /items with the token and a body of 65 537 bytes must answer 413: /items follows the same size limit as /echo.');
        $this->assertSame(404, $this->send('GET', '/items/does-not-exist')->status, 'GET /items/<unknown id> must answer 404.');
        $this->assertSame(404, (new App($this->token))->handle(new Request('GET', $locations[0]))->status, 'Items belong to one App object: another App must not know them (keep them in a property, not a static).');
    }

    public function testUnknownPathsAnswer404WithAJsonBody(): void
    {
        $response = $this->send('GET', '/nope-' . bin2hex(random_bytes(3)));
        $this->assertSame(404, $response->status, 'Unknown paths must answer 404 Not Found.');
        $this->assertMatchesRegularExpression('/json/', (string) $response->header('Content-Type'), 'The 404 body must be JSON (application/problem+json or application/json).');
        $this->assertSame(404, $this->decode($response, 'The 404 body must be JSON')['status'] ?? null, 'The 404 JSON body must contain "status": 404.');
        $this->assertContentLengthIsBytes($response, 'The 404 response');
    }
}
