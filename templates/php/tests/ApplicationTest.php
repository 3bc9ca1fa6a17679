<?php

declare(strict_types=1);

namespace App\Tests;

use App\Application;
use App\Config;
use App\Http\ErrorHandler;
use App\Http\Request;
use App\Http\Response;
use App\Http\Router;
use PHPUnit\Framework\TestCase;
use RuntimeException;

/**
 * Requests go through the whole application in-process: fast, and no server needed.
 */
final class ApplicationTest extends TestCase
{
    /** @var list<string> */
    private array $logged = [];
    private Application $app;

    protected function setUp(): void
    {
        $config = Config::fromArray(['APP_ENV' => 'test', 'DB_PATH' => ':memory:'], dirname(__DIR__));
        $this->app = Application::create($config, function (string $message): void {
            $this->logged[] = $message;
        });
    }

    public function testCreatesAndShowsANote(): void
    {
        $created = $this->app->handle($this->jsonRequest('POST', '/notes', '{"title":" Hello ","body":"First note"}'));

        $this->assertSame(201, $created->status());
        $note = json_decode($created->body(), true);
        $this->assertSame('Hello', $note['title']);
        $this->assertSame('/notes/' . $note['id'], $created->header('Location'));

        $shown = $this->app->handle(new Request('GET', '/notes/' . $note['id']));
        $this->assertSame(200, $shown->status());
        $this->assertSame($note, json_decode($shown->body(), true));

        $list = json_decode($this->app->handle(new Request('GET', '/notes'))->body(), true);
        $this->assertCount(1, $list['data']);
    }

    public function testRejectsABodyThatIsNotJson(): void
    {
        $response = $this->app->handle(new Request('POST', '/notes', [], ['Content-Type' => 'text/plain'], 'hi'));

        $this->assertProblem($response, 415);
    }

    public function testRejectsMalformedJson(): void
    {
        $this->assertProblem($this->app->handle($this->jsonRequest('POST', '/notes', '{"title":')), 400);
        $this->assertProblem($this->app->handle($this->jsonRequest('POST', '/notes', '["a list"]')), 400);
    }

    public function testRejectsATooLargeBody(): void
    {
        $body = '{"title":"' . str_repeat('x', Request::MAX_JSON_BYTES) . '"}';

        $this->assertProblem($this->app->handle($this->jsonRequest('POST', '/notes', $body)), 413);
    }

    public function testReportsValidationErrorsWithJsonPointers(): void
    {
        $response = $this->app->handle($this->jsonRequest('POST', '/notes', '{"title":"","body":42}'));

        $problem = $this->assertProblem($response, 422);
        $this->assertSame(['#/title', '#/body'], array_column($problem['errors'], 'pointer'));
    }

    public function testUnknownOrInvalidNoteIdsAre404(): void
    {
        $this->assertProblem($this->app->handle(new Request('GET', '/notes/999')), 404);
        $this->assertProblem($this->app->handle(new Request('GET', '/notes/abc')), 404);
    }

    public function testInvalidLimitIs400(): void
    {
        $this->assertProblem($this->app->handle(new Request('GET', '/notes', ['limit' => '0'])), 400);
    }

    public function testHeadKeepsHeadersButDropsTheBody(): void
    {
        $response = $this->app->handle(new Request('HEAD', '/health'));

        $this->assertSame(200, $response->status());
        $this->assertSame('', $response->body());
        $this->assertSame((string) strlen('{"status":"ok"}'), $response->header('Content-Length'));
    }

    public function testUnexpectedErrorsAreLoggedButNotShownToTheClient(): void
    {
        $router = new Router();
        $router->get('/boom', static function (): Response {
            throw new RuntimeException('SQLSTATE[HY000]: secret table details');
        });
        $app = new Application($router, new ErrorHandler(function (string $message): void {
            $this->logged[] = $message;
        }));

        $response = $app->handle(new Request('GET', '/boom'));

        $problem = $this->assertProblem($response, 500);
        $this->assertStringNotContainsString('secret', $response->body());
        $this->assertStringNotContainsString('#0', $response->body()); // no stack trace
        $this->assertCount(1, $this->logged);
        $this->assertStringContainsString('secret table details', $this->logged[0]);
        $this->assertStringContainsString($problem['errorId'], $this->logged[0]);
    }

    private function jsonRequest(string $method, string $path, string $body): Request
    {
        return new Request($method, $path, [], ['Content-Type' => 'application/json'], $body);
    }

    /** @return array<string, mixed> the decoded problem */
    private function assertProblem(Response $response, int $status): array
    {
        $this->assertSame($status, $response->status());
        $this->assertSame('application/problem+json', $response->header('Content-Type'));
        $problem = json_decode($response->body(), true);
        $this->assertIsArray($problem);
        $this->assertSame($status, $problem['status']);
        $this->assertSame(Response::reasonPhrase($status), $problem['title']);

        return $problem;
    }
}
