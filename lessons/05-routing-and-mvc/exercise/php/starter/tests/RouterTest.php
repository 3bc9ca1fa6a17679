<?php

declare(strict_types=1);

namespace Exercise\Tests;

use Exercise\Request;
use Exercise\Response;
use Exercise\Router;
use PHPUnit\Framework\TestCase;

final class RouterTest extends TestCase
{
    /** @var list<array{string, array<string, string>}> handler name + params of every call */
    private array $calls = [];

    private function router(): Router
    {
        $router = new Router();
        $handler = function (string $name): callable {
            return function (Request $request, array $params) use ($name): Response {
                $this->calls[] = [$name, $params];
                return new Response(200, ['Content-Type' => 'application/json'], '{"handler":"' . $name . '"}');
            };
        };
        // Static route first, so it must win over the parameter route below.
        $router->add('GET', '/users/me', $handler('me'));
        $router->add('GET', '/users/{id:\d+}', $handler('showUser'));
        $router->add('DELETE', '/users/{id:\d+}', $handler('deleteUser'));
        $router->add('GET', '/files/latest', $handler('latestFile'));
        $router->add('GET', '/files/{name}', $handler('showFile'));
        $router->add('PUT', '/files/{name}', $handler('putFile'));
        $router->add('GET', '/', $handler('home'));
        return $router;
    }

    /** @param list<string> $paths */
    private function dispatchAll(array $paths): void
    {
        $router = $this->router();
        foreach ($paths as $path) {
            $router->dispatch(new Request('GET', $path));
        }
    }

    public function testGetWithTypedParameterCallsHandlerWithParams(): void
    {
        $response = $this->router()->dispatch(new Request('GET', '/users/42'));

        $this->assertSame(200, $response->status, 'GET /users/42 must reach the handler and return its 200 response.');
        $this->assertSame([['showUser', ['id' => '42']]], $this->calls, "The handler must receive ['id' => '42'] as its second argument.");
    }

    public function testRootPathMatches(): void
    {
        $response = $this->router()->dispatch(new Request('GET', '/'));

        $this->assertSame(200, $response->status, "The pattern '/' must match the path '/'.");
    }

    public function testQueryStringIsNotPartOfThePath(): void
    {
        $response = $this->router()->dispatch(new Request('GET', '/users/42?fields=name'));

        $this->assertSame(200, $response->status, 'Match on $request->path only; the query string is not part of the route.');
    }

    public function testParameterThatFailsItsPatternGives404(): void
    {
        $response = $this->router()->dispatch(new Request('GET', '/users/abc'));

        $this->assertSame(404, $response->status, "'abc' does not match {id:\\d+}, so no route matches: answer 404.");
        $this->assertSame([], $this->calls, 'No handler may run when the parameter pattern fails.');
    }

    public function testParameterPatternIsAnchoredAtBothEnds(): void
    {
        $router = $this->router();

        $this->assertSame(404, $router->dispatch(new Request('GET', '/users/x42'))->status, "Anchor the parameter regex: 'x42' must not match \\d+ (use \\A...\\z).");
        $this->assertSame(404, $router->dispatch(new Request('GET', '/users/42x'))->status, "Anchor the parameter regex: '42x' must not match \\d+ (use \\A...\\z).");
        $this->assertSame(404, $router->dispatch(new Request('GET', '/users/42%0A'))->status, "'42' followed by a newline must not match: anchor with \\z, not \$ (which allows a trailing newline).");
    }

    public function testUnknownPathGives404(): void
    {
        $response = $this->router()->dispatch(new Request('GET', '/orders/1'));

        $this->assertSame(404, $response->status, 'A path that no route matches must return 404.');
    }

    public function testWrongMethodGives405WithAllowHeader(): void
    {
        $response = $this->router()->dispatch(new Request('POST', '/users/42'));

        $this->assertSame(405, $response->status, 'The path matched but the method did not: answer 405, not 404.');
        $this->assertSame('DELETE, GET, HEAD', $response->header('Allow'), "A 405 must carry Allow with the path's methods, sorted, plus HEAD when GET exists: 'DELETE, GET, HEAD'.");
        $this->assertSame([], $this->calls, 'No handler may run for a 405.');
    }

    public function testAllowListsOnlyTheMethodsOfThatPath(): void
    {
        $router = $this->router();

        $files = $router->dispatch(new Request('DELETE', '/files/report.pdf'));
        $this->assertSame(405, $files->status, 'DELETE /files/report.pdf: the path matches GET and PUT routes, so the answer is 405.');
        $this->assertSame('GET, HEAD, PUT', $files->header('Allow'), "Allow must list the methods of the routes matching THIS path (GET, PUT, plus HEAD), not every method the router knows: 'GET, HEAD, PUT'.");

        $users = $router->dispatch(new Request('PATCH', '/users/7'));
        $this->assertSame('DELETE, GET, HEAD', $users->header('Allow'), "PATCH /users/7: PUT belongs to /files/{name}, not to this path, so Allow is 'DELETE, GET, HEAD'.");
    }

    public function testOptionsReportsAllowWithoutRunningAHandler(): void
    {
        $router = $this->router();

        $response = $router->dispatch(new Request('OPTIONS', '/users/42'));
        $this->assertSame(204, $response->status, 'OPTIONS on a known path without its own route must succeed with 204 No Content.');
        $this->assertSame('DELETE, GET, HEAD', $response->header('Allow'), 'OPTIONS must report the same Allow list a 405 would: the methods of this path, sorted, plus HEAD.');
        $this->assertSame('', $response->body, 'A 204 response carries no content.');
        $this->assertSame([], $this->calls, 'OPTIONS asks what the resource supports; no handler may run.');

        $this->assertSame(404, $router->dispatch(new Request('OPTIONS', '/orders/1'))->status, 'OPTIONS on a path no route matches is still 404.');
    }

    public function testHeadRunsTheGetHandlerWithoutBody(): void
    {
        $get = $this->router()->dispatch(new Request('GET', '/users/42'));
        $head = $this->router()->dispatch(new Request('HEAD', '/users/42'));

        $this->assertSame(200, $head->status, 'HEAD on a GET route must succeed with the GET status (200).');
        $this->assertSame('', $head->body, 'A response to HEAD must have an empty body.');
        $this->assertSame($get->header('Content-Type'), $head->header('Content-Type'), 'HEAD must keep the header fields the GET handler set, including Content-Type.');
    }

    public function testTrailingSlashRedirectsPermanentlyToCanonicalPath(): void
    {
        $response = $this->router()->dispatch(new Request('GET', '/users/42/'));

        $this->assertSame(308, $response->status, 'A trailing slash on a known route must redirect with 308 (permanent, method kept).');
        $this->assertSame('/users/42', $response->header('Location'), 'Location must be the same path without the trailing slash.');
        $this->assertSame([], $this->calls, 'Redirect before running any handler.');
    }

    public function testTrailingSlashRedirectKeepsQueryString(): void
    {
        $response = $this->router()->dispatch(new Request('GET', '/users/42/?tab=posts'));

        $this->assertSame('/users/42?tab=posts', $response->header('Location'), 'Keep the query string when redirecting away from the trailing slash.');
    }

    public function testTrailingSlashRedirectKeepsThePathEncoded(): void
    {
        foreach (['/files/a%2Fb/' => '/files/a%2Fb', '/files/q1%20final/?v=2' => '/files/q1%20final?v=2', '/files/%252F/' => '/files/%252F'] as $path => $location) {
            $response = $this->router()->dispatch(new Request('GET', $path));
            $this->assertSame([308, $location], [$response->status, $response->header('Location')],
                "$path must redirect to $location: cut the slash from the raw path, never from the decoded one (a decoded %2F would become a new separator).");
        }
    }

    public function testTrailingSlashOnUnknownPathIs404NotRedirect(): void
    {
        $router = $this->router();

        $this->assertSame(404, $router->dispatch(new Request('GET', '/orders/'))->status, 'Only redirect when the path without the slash matches a route; otherwise 404.');
        $this->assertSame(404, $router->dispatch(new Request('GET', '//evil.example/'))->status, "Never redirect '//evil.example/' to '//evil.example' (an open redirect): empty segments match nothing.");
    }

    public function testEncodedSlashIsDecodedExactlyOnce(): void
    {
        $router = $this->router();

        $router->dispatch(new Request('GET', '/files/a%2Fb'));
        $router->dispatch(new Request('GET', '/files/a%252Fb'));

        $this->assertSame(['showFile', ['name' => 'a/b']], $this->calls[0] ?? null, "Split the raw path on '/' first, then decode each segment: '/files/a%2Fb' gives name 'a/b'.");
        $this->assertSame(['showFile', ['name' => 'a%2Fb']], $this->calls[1] ?? null, "Decode only once: '/files/a%252Fb' gives name 'a%2Fb', not 'a/b'.");

        $router->dispatch(new Request('GET', '/files/q1+q2%20final'));
        $this->assertSame(['showFile', ['name' => 'q1+q2 final']], $this->calls[2] ?? null, "Decode path segments with rawurldecode(): in a path '+' is a plus sign, only '%20' is a space (urldecode() is for form data).");
    }

    public function testDotSegmentsAreRejected(): void
    {
        $response = $this->router()->dispatch(new Request('GET', '/files/%2e%2e'));

        $this->assertSame(400, $response->status, "A segment that decodes to '..' or '.' must be rejected with 400 before matching.");
        $this->assertSame([], $this->calls, "No handler may receive '..' as a parameter.");

        foreach (['/files/.', '/files/%2E', '/files/..'] as $path) {
            $this->assertSame(400, $this->router()->dispatch(new Request('GET', $path))->status, "$path: a segment that is (or decodes to) '.' is a dot segment too and must be rejected with 400, like '..'.");
        }
        $this->assertSame([], $this->calls, "No handler may receive '.' or '..' as a parameter.");
        // Only a whole segment of '.' or '..' is a dot segment.
        foreach (['.well-known', 'v1..v2.diff', '...', '..hidden', 'report.', '%2E%2E%2E'] as $name) {
            $response = $this->router()->dispatch(new Request('GET', '/files/' . $name));
            $this->assertSame(200, $response->status,
                "/files/$name must reach /files/{name}: only a segment that is exactly '.' or '..' after decoding is a dot segment, not one that starts with a dot or contains '..'.");
        }
    }

    public function testLiteralSegmentsAndTypedParametersMatchCaseSensitively(): void
    {
        $router = $this->router();
        $router->add('GET', '/tags/{tag:[a-z]+}', fn (Request $request, array $params): Response => new Response(200, [], 'tag=' . $params['tag']));

        foreach (['/Users/42', '/USERS/42', '/users/ME', '/Files/latest', '/files/Latest', '/uSers/7'] as $path) {
            $calls = count($this->calls);
            $response = $router->dispatch(new Request('GET', $path));
            if ($path === '/users/ME' || $path === '/files/Latest') {
                // Not the literal route; /files/{name} takes any name, /users/{id:\d+} takes no letters.
                $this->assertNotContains($this->calls[$calls][0] ?? null, ['me', 'latestFile'],
                    "$path reached the route for a lower-case literal: compare literal segments exactly (===), never with strcasecmp() or strtolower().");
                continue;
            }
            $this->assertSame(404, $response->status,
                "$path must not match a route registered in lower case: paths are case-sensitive, so compare literal segments exactly (===) and answer 404.");
            $this->assertCount($calls, $this->calls, "No handler may run for $path.");
        }
        $this->assertSame(['showFile', ['name' => 'Latest']], end($this->calls), "'/files/Latest' is not the literal '/files/latest', so it matches '/files/{name}' with name 'Latest'.");

        $this->assertSame(200, $router->dispatch(new Request('GET', '/tags/php'))->status, '/tags/php must match /tags/{tag:[a-z]+}.');
        $this->assertSame(404, $router->dispatch(new Request('GET', '/tags/PHP'))->status,
            "'/tags/PHP' must not match {tag:[a-z]+}: use the parameter's regex as written (no i flag), so [a-z] means lower case only.");
    }

    public function testOwnHeadAndOptionsRoutesTakePrecedence(): void
    {
        $router = new Router();
        $router->add('GET', '/reports/{id}', static fn (): Response => new Response(200, ['X-Handler' => 'get'], 'full report'));
        $router->add('HEAD', '/reports/{id}', static fn (): Response => new Response(200, ['X-Handler' => 'head']));
        $router->add('OPTIONS', '/reports/{id}', static fn (): Response => new Response(200, ['X-Handler' => 'options', 'Allow' => 'GET, HEAD, OPTIONS']));
        $router->add('GET', '/charts/{id}', static fn (): Response => new Response(200, ['X-Handler' => 'chart'], 'chart'));

        $this->assertSame('head', $router->dispatch(new Request('HEAD', '/reports/' . random_int(1, 999)))->header('X-Handler'),
            'A path with a HEAD route of its own must run that route: the automatic HEAD (GET without a body) is only for paths without one. Try the routes first.');
        $this->assertSame('options', $router->dispatch(new Request('OPTIONS', '/reports/' . random_int(1, 999)))->header('X-Handler'),
            'A path with an OPTIONS route of its own must run that route: the automatic 204 is only for paths without one. Try the routes first.');

        $head = $router->dispatch(new Request('HEAD', '/charts/9'));
        $this->assertSame(['chart', ''], [$head->header('X-Handler'), $head->body], 'A path without a HEAD route still gets the GET handler with an empty body.');
    }

    public function testHeadIsAllowedOnlyWhereGetIs(): void
    {
        $router = new Router();
        $router->add('POST', '/uploads', static fn (): Response => new Response(201));
        $router->add('DELETE', '/uploads/{id}', static fn (): Response => new Response(204));
        $router->add('PUT', '/uploads/{id}', static fn (): Response => new Response(204));

        $this->assertSame('POST', $router->dispatch(new Request('GET', '/uploads'))->header('Allow'),
            'A path with only a POST route allows POST, not HEAD: add HEAD to Allow only when the path has a GET route.');
        $options = $router->dispatch(new Request('OPTIONS', '/uploads/5'));
        $this->assertSame([204, 'DELETE, PUT'], [$options->status, $options->header('Allow')],
            'OPTIONS on a path with DELETE and PUT routes only must answer 204 with Allow: DELETE, PUT (no HEAD without GET).');
        $head = $router->dispatch(new Request('HEAD', '/uploads/5'));
        $this->assertSame([405, 'DELETE, PUT'], [$head->status, $head->header('Allow')],
            'HEAD on a path without a GET route is a 405 like any other method that has no route.');
    }

    public function testAllowNamesEachMethodOnce(): void
    {
        $response = $this->router()->dispatch(new Request('DELETE', '/files/latest'));

        $this->assertSame('GET, HEAD, PUT', $response->header('Allow'),
            "'/files/latest' matches two GET routes ('/files/latest' and '/files/{name}') and one PUT route: Allow lists each method once ('GET, HEAD, PUT').");
    }

    public function testStaticRouteRegisteredFirstWins(): void
    {
        $this->router()->dispatch(new Request('GET', '/users/me'));

        $this->assertSame([['me', []]], $this->calls, "'/users/me' was registered before '/users/{id}': the first matching route must win.");

        $this->dispatchAll(['/files/latest', '/files/other']);
        $this->assertSame([['latestFile', []], ['showFile', ['name' => 'other']]], array_slice($this->calls, 1), "'/files/latest' also matches '/files/{name}', but it was registered first, so it wins; try the routes in registration order and stop at the first match.");
    }

    public function testAParameterNeverMatchesAnEmptySegment(): void
    {
        $router = $this->router();
        $router->add('GET', '/tags/{tag}/posts', fn (Request $request, array $params): Response => new Response(200, [], 'tag=' . $params['tag']));

        $this->assertSame(200, $router->dispatch(new Request('GET', '/tags/php/posts'))->status, '/tags/php/posts must match /tags/{tag}/posts.');
        $this->assertSame(404, $router->dispatch(new Request('GET', '/tags//posts'))->status, "'/tags//posts' has an empty segment where {tag} is: a parameter needs at least one character ([^/]+, not [^/]*), so answer 404.");
    }

    public function testInvalidParameterRegexIsRejectedAtRegistration(): void
    {
        try {
            (new Router())->add('GET', '/broken/{id:[0-9}', static fn (): Response => new Response());
        } catch (\InvalidArgumentException $e) {
            $this->addToAssertionCount(1);
            return;
        }
        $this->fail("add() must throw InvalidArgumentException for the broken regex '[0-9': compile it once (preg_match on '') when the route is added.");
    }
}
