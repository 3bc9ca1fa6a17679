<?php

declare(strict_types=1);

namespace Exercise\Tests;

use Exercise\ErrorHandler;
use Exercise\Http\Response;
use Exercise\Http\ServerRequest;
use Exercise\JsonBody;
use Exercise\Pipeline;
use Exercise\Tests\Support\CountingBody;
use Exercise\Tests\Support\Layers;
use PHPUnit\Framework\TestCase;

require_once __DIR__ . '/Support/Layers.php';
require_once __DIR__ . '/Support/CountingBody.php';

final class JsonBodyTest extends TestCase
{
    private static function app(?JsonBody $jsonBody): Pipeline
    {
        return new Pipeline([new ErrorHandler(static function (): void {
        }), $jsonBody ?? new JsonBody()], Layers::echo());
    }

    /** @param array<string, string> $headers @param resource|string $body */
    private static function post(Pipeline $app, mixed $body, array $headers = ['Content-Type' => 'application/json']): Response
    {
        return $app->handle(new ServerRequest('POST', '/items?x=1', $headers, $body));
    }

    public function testJsonBodyEnforcesMediaTypeAndSyntaxAndHandsValidJsonOn(): void
    {
        $app = self::app(new JsonBody(1024));
        foreach (['text/plain', 'text/json', 'application/json-patch+json', 'application/x-www-form-urlencoded', null] as $type) {
            $response = self::post($app, '{"a":1}', $type === null ? [] : ['Content-Type' => $type]);
            $this->assertSame(415, $response->getStatusCode(), 'Content-Type ' . json_encode($type) . ' must be rejected with 415: accept exactly application/json, parameters aside.');
            $body = json_decode($response->getBody(), true);
            $this->assertTrue(($body['status'] ?? null) === 415 && ($body['title'] ?? null) === 'Unsupported Media Type', 'Throw new HttpError(415, \'Unsupported Media Type\'), so the problem body says {"title":"Unsupported Media Type","status":415}; got ' . substr($response->getBody(), 0, 120));
        }
        foreach (['{"name": ', '', 'undefined', "{'a':1}", '{"a":1}}'] as $body) {
            $this->assertSame(400, self::post($app, $body)->getStatusCode(), 'Malformed JSON ' . json_encode($body) . ' must be rejected with 400 Bad Request, not 500: decode with JSON_THROW_ON_ERROR and turn the JsonException into HttpError(400).');
        }
        $payload = ['name' => 'Ada', 'n' => random_int(0, 999999), 'list' => [1, null, 'x'], 'city' => 'Kraków'];
        foreach (['application/json; charset=utf-8', 'Application/JSON', 'application/json ; charset=UTF-8'] as $type) {
            $response = self::post($app, json_encode($payload, JSON_UNESCAPED_UNICODE), ['Content-Type' => $type]);
            $this->assertSame(200, $response->getStatusCode(), "Valid JSON sent as \"$type\" must reach the handler: compare the media type case-insensitively and trimmed, without parameters.");
            $this->assertSame($payload, json_decode($response->getBody(), true)['body'] ?? null, 'The decoded body (objects as arrays) must reach the handler as $request->getParsedBody(): pass $request->withParsedBody($data) on (a new request: PSR-7 requests are immutable).');
        }
    }

    public function testJsonBodyRejectsJsonNestedTooDeeply(): void
    {
        $app = self::app(new JsonBody(4096));
        $this->assertSame(200, self::post($app, str_repeat('[', 20) . str_repeat(']', 20))->getStatusCode(), 'JSON nested 20 levels deep is fine.');
        $this->assertSame(400, self::post($app, str_repeat('[', 200) . str_repeat(']', 200))->getStatusCode(), 'JSON nested 200 levels deep must be rejected with 400: pass a depth of 64 to json_decode(), so deeply nested input cannot exhaust the stack.');
        $this->assertSame(200, self::post($app, str_repeat('{"a":', 60) . '1' . str_repeat('}', 60))->getStatusCode(), 'Objects nested 60 levels deep are within the limit of 64.');
        foreach ([70, 90] as $levels) {
            $this->assertSame(400, self::post($app, str_repeat('{"a":', $levels) . '1' . str_repeat('}', $levels))->getStatusCode(), "JSON nested $levels levels deep is more than 64 levels and must be rejected with 400: pass a depth of 64 to json_decode(), not a larger one.");
        }
    }

    public function testJsonBodyCountsBytesExactlyTheLimitPassesOneByteMoreIs413(): void
    {
        $limit = random_int(512, 1023);
        $app = self::app(new JsonBody($limit));
        $this->assertSame(200, self::post($app, json_encode(str_repeat('x', $limit - 2)))->getStatusCode(), "A body of exactly $limit bytes is within the limit: reject only when size > limit.");
        $over = self::post($app, json_encode(str_repeat('x', $limit - 1)));
        $this->assertSame(413, $over->getStatusCode(), 'A body of ' . ($limit + 1) . ' bytes must be rejected with 413.');
        $this->assertSame('Content Too Large', json_decode($over->getBody(), true)['title'] ?? null, 'Throw new HttpError(413, \'Content Too Large\').');
        $accented = json_encode(str_repeat('é', intdiv($limit, 2)), JSON_UNESCAPED_UNICODE); // under the limit in characters, over it in bytes
        $this->assertSame(413, self::post($app, $accented)->getStatusCode(), 'The limit is in bytes: strlen(), not mb_strlen() ("é" is 2 bytes).');
    }

    public function testJsonBodyWithoutALimitStillHasOne(): void
    {
        $app = self::app(null);
        $this->assertSame(200, self::post($app, json_encode(str_repeat('k', 90 * 1024)))->getStatusCode(), 'new JsonBody() with no argument must accept a 90 KiB body (the default limit is 100 KiB).');
        $this->assertSame(413, self::post($app, CountingBody::open(110 * 1024, 'k'), ['Content-Type' => 'application/json', 'Transfer-Encoding' => 'chunked'])->getStatusCode(), 'new JsonBody() with no argument must still cap the body at 100 KiB (102 400 bytes): a reader without a cap lets one client fill the memory.');
    }

    public function testJsonBodyLimitsABodyWithoutContentLengthAndStopsReading(): void
    {
        $app = self::app(new JsonBody(1024));
        $response = self::post($app, CountingBody::open(8 * 1024 * 1024), ['Content-Type' => 'application/json', 'Transfer-Encoding' => 'chunked']);
        $this->assertSame(413, $response->getStatusCode(), 'A chunked body (no Content-Length) of 8 MiB must be rejected with 413.');
        $this->assertLessThanOrEqual(64 * 1024, CountingBody::$served, 'JsonBody read ' . CountingBody::$served . ' bytes of a body that keeps coming: read at most limit + 1 bytes (stream_get_contents($stream, $limit + 1)) and throw 413, instead of reading to the end.');
    }

    public function testJsonBodyAnswers413FromATooLargeContentLengthWithoutReading(): void
    {
        $app = self::app(new JsonBody(1024));
        // The client announces 50 000 bytes: the header alone says the body is too large.
        $response = self::post($app, CountingBody::open(50000), ['Content-Type' => 'application/json', 'Content-Length' => '50000']);
        $this->assertSame(413, $response->getStatusCode(), 'A Content-Length of 50 000 with a limit of 1 024 must be rejected with 413.');
        $this->assertSame(0, CountingBody::$served, 'Check Content-Length before reading: when it already says more than the limit, throw 413 at once instead of reading ' . CountingBody::$served . ' bytes (with php://input those bytes come from a client that may be stalling).');
    }
}
