<?php

declare(strict_types=1);

namespace App\Tests\Http;

use App\Http\HttpException;
use App\Http\Request;
use App\Http\Response;
use App\Http\Router;
use PHPUnit\Framework\TestCase;

final class RouterTest extends TestCase
{
    private Router $router;

    protected function setUp(): void
    {
        $this->router = new Router();
        $this->router->get('/notes', static fn (): Response => Response::json(['route' => 'list']));
        $this->router->post('/notes', static fn (): Response => Response::json(['route' => 'create'], 201));
        $this->router->get(
            '/notes/{id}',
            static fn (Request $request): Response => Response::json(['id' => $request->attribute('id')]),
        );
    }

    public function testDispatchesToTheHandlerForMethodAndPath(): void
    {
        $response = $this->router->dispatch(new Request('POST', '/notes'));

        $this->assertSame(201, $response->status());
        $this->assertSame('{"route":"create"}', $response->body());
    }

    public function testPassesDecodedPlaceholdersAsAttributes(): void
    {
        $response = $this->router->dispatch(new Request('GET', '/notes/a%20b'));

        $this->assertSame('{"id":"a b"}', $response->body());
    }

    public function testUnknownPathIsA404(): void
    {
        $error = $this->dispatchExpectingError(new Request('GET', '/nope'));

        $this->assertSame(404, $error->status);
    }

    public function testPlaceholderMatchesExactlyOneSegment(): void
    {
        $this->assertSame(404, $this->dispatchExpectingError(new Request('GET', '/notes/1/extra'))->status);
        $this->assertSame(404, $this->dispatchExpectingError(new Request('GET', '/notes/'))->status);
    }

    public function testKnownPathWithWrongMethodIsA405ListingAllowedMethods(): void
    {
        $error = $this->dispatchExpectingError(new Request('DELETE', '/notes'));

        $this->assertSame(405, $error->status);
        $this->assertSame('GET, HEAD, POST', $error->headers['Allow']);
    }

    public function testHeadIsServedByTheGetHandler(): void
    {
        $response = $this->router->dispatch(new Request('HEAD', '/notes'));

        $this->assertSame(200, $response->status());
        $this->assertSame('{"route":"list"}', $response->body()); // Application strips it later
    }

    private function dispatchExpectingError(Request $request): HttpException
    {
        try {
            $this->router->dispatch($request);
        } catch (HttpException $error) {
            return $error;
        }
        $this->fail('Expected an HttpException for ' . $request->method() . ' ' . $request->path());
    }
}
