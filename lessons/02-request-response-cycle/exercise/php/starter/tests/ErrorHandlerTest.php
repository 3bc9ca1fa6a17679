<?php

declare(strict_types=1);

namespace Exercise\Tests;

use Exercise\ErrorHandler;
use Exercise\Http\HttpError;
use Exercise\Http\Response;
use Exercise\Http\ServerRequest;
use Exercise\JsonBody;
use Exercise\Pipeline;
use Exercise\Tests\Support\Layers;
use PHPUnit\Framework\TestCase;

require_once __DIR__ . '/Support/Layers.php';

final class ErrorHandlerTest extends TestCase
{
    /** @param list<\Throwable> $logged */
    private static function app(\Closure $core, array &$logged, array $inner = []): Pipeline
    {
        return new Pipeline([new ErrorHandler(static function (\Throwable $e) use (&$logged): void {
            $logged[] = $e;
        }), ...$inner], Layers::handler($core));
    }

    public function testUnexpectedErrorsBecomeAGeneric500Problem(): void
    {
        $logged = [];
        $throwers = [
            'RuntimeException' => static fn () => throw new \RuntimeException('db password=hunter2'),
            'TypeError' => static fn () => throw new \TypeError('hunter2 must be of type int'),
            'Error from calling a method on null' => static function (): Response {
                $user = null;
                return $user->hunter2(); // @phpstan-ignore-line
            },
            'HttpError 502 from a dependency' => static fn () => throw new HttpError(502, 'upstream hunter2'),
            'HttpError 500' => static fn () => throw new HttpError(500, 'pool hunter2 exhausted'),
            'HttpError 302' => static fn () => throw new HttpError(302, 'moved hunter2'),
            'a library exception whose code is 404' => static fn () => throw new \RuntimeException('row hunter2 not found', 404),
        ];
        foreach ($throwers as $what => $thrower) {
            try {
                $response = self::app($thrower, $logged)->handle(new ServerRequest('GET', '/'));
            } catch (\Throwable $e) {
                $this->fail("$what escaped ErrorHandler as " . get_class($e) . ': catch \\Throwable (it covers \\Error and TypeError too), not only \\Exception, and answer 500.');
            }
            $this->assertSame(500, $response->getStatusCode(), "$what: an unexpected error (anything but an HttpError with a 4xx status) must become 500. Catch \\Throwable, not \\Exception, and do not trust an exception's getCode().");
            $this->assertMatchesRegularExpression('~\Aapplication/problem\+json~', $response->getHeaderLine('Content-Type'), "$what: the 500 must be sent as application/problem+json.");
            $body = json_decode($response->getBody(), true);
            $this->assertSame('Internal Server Error', $body['title'] ?? null, "$what: a 500 must carry the generic title \"Internal Server Error\".");
            $this->assertSame(500, $body['status'] ?? null, "$what: the problem body must repeat \"status\": 500.");
            $this->assertStringNotContainsString('hunter2', $response->getBody(), "$what: never send the message, title or trace of an unexpected error to the client; pass it to the log instead.");
            $this->assertStringNotContainsString('.php', $response->getBody(), "$what: never send a stack trace or file name to the client.");
        }
        $this->assertCount(count($throwers), $logged, 'ErrorHandler must pass each unexpected error to its log closure, once.');
        $this->assertSame('db password=hunter2', $logged[0]->getMessage(), 'The log must receive the original exception, with its details.');
    }

    public function testClientErrorsKeepTheirStatusAndTitleAndAreNotLogged(): void
    {
        $logged = [];
        foreach ([[400, 'Bad Request'], [404, 'Not Found'], [409, 'Conflict'], [422, 'Unprocessable Content'], [499, 'Client Closed Request']] as [$status, $title]) {
            $response = self::app(static fn () => throw new HttpError($status, $title), $logged)->handle(new ServerRequest('GET', '/'));
            $this->assertSame($status, $response->getStatusCode(), "An HttpError($status) is meant for the client: answer $status.");
            $this->assertMatchesRegularExpression('~\Aapplication/problem\+json~', $response->getHeaderLine('Content-Type'), 'A 4xx from ErrorHandler must be sent as application/problem+json.');
            $body = json_decode($response->getBody(), true);
            $this->assertSame(['title' => $title, 'status' => $status], ['title' => $body['title'] ?? null, 'status' => $body['status'] ?? null], "A 4xx problem body must carry the error's title and status ({\"title\":\"$title\",\"status\":$status}).");
        }
        $this->assertSame([], $logged, 'Client errors are expected traffic: do not log them as failures.');
    }

    public function testAnErrorThrownBehindJsonBodyStillReachesTheErrorHandler(): void
    {
        $logged = [];
        $app = self::app(static function (ServerRequest $r): Response {
            json_decode('{broken', true, 512, JSON_THROW_ON_ERROR); // the handler's own bug
            return new Response(200);
        }, $logged, [new JsonBody(1024)]);
        $response = $app->handle(new ServerRequest('POST', '/', ['Content-Type' => 'application/json'], '{"a":1}'));
        $this->assertSame(500, $response->getStatusCode(), 'A JsonException thrown by the HANDLER behind JsonBody is a server bug, so 500: keep JsonBody\'s try/catch around its own json_decode() only, and call $handler->handle() outside it.');
        $this->assertCount(1, $logged, 'The handler\'s error must be logged by ErrorHandler.');
        $this->assertInstanceOf(\JsonException::class, $logged[0], 'The log must receive the handler\'s own exception.');
    }
}
