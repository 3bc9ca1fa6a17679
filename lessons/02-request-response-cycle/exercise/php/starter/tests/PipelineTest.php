<?php

declare(strict_types=1);

namespace Exercise\Tests;

use Exercise\ErrorHandler;
use Exercise\Http\RequestHandlerInterface;
use Exercise\Http\Response;
use Exercise\Http\ServerRequest;
use Exercise\Pipeline;
use Exercise\Tests\Support\Layers;
use Fiber;
use PHPUnit\Framework\TestCase;

require_once __DIR__ . '/Support/Layers.php';

final class PipelineTest extends TestCase
{
    /** @param list<string> $log */
    private static function layer(array &$log, string $name): \Exercise\Http\MiddlewareInterface
    {
        return Layers::middleware(static function (ServerRequest $request, RequestHandlerInterface $next) use (&$log, $name): Response {
            $log[] = "$name:before";
            $response = $next->handle($request);
            $log[] = "$name:after";
            return $response;
        });
    }

    public function testMiddlewaresRunInOnionOrderAroundTheHandler(): void
    {
        foreach ([['a', 'b'], ['a', 'b', 'c'], ['auth', 'body', 'log', 'cors', 'etag']] as $names) {
            $log = [];
            $layers = [];
            foreach ($names as $n) {
                $layers[] = self::layer($log, $n);
            }
            $pipeline = new Pipeline($layers, Layers::handler(static function () use (&$log): Response {
                $log[] = 'handler';
                return new Response(204);
            }));
            $response = $pipeline->handle(new ServerRequest('GET', '/'));
            $this->assertSame([...array_map(static fn ($n) => "$n:before", $names), 'handler', ...array_map(static fn ($n) => "$n:after", array_reverse($names))], $log, 'With ' . count($names) . ' layers, each middleware runs its "before" part, calls $handler->handle() to run the inner layers, then its "after" part: run the middlewares in order and the core handler last.');
            $this->assertSame(204, $response->getStatusCode(), "The core handler's response must travel back out through every layer unchanged.");
        }
    }

    public function testAPipelineIsItselfAMiddlewareSoPipelinesNest(): void
    {
        $log = [];
        $inner = new Pipeline([self::layer($log, 'inner')]);
        $core = Layers::handler(static function () use (&$log): Response {
            $log[] = 'handler';
            return new Response(200);
        });
        $outer = new Pipeline([self::layer($log, 'outer'), $inner, self::layer($log, 'last')], $core);
        $outer->handle(new ServerRequest('GET', '/'));
        $this->assertSame(['outer:before', 'inner:before', 'last:before', 'handler', 'last:after', 'inner:after', 'outer:after'], $log, 'Pipeline::process($request, $next) must run its own middlewares and then call $next (the rest of the OUTER chain): a pipeline is itself a middleware.');

        $stopper = new Pipeline([Layers::middleware(static fn (): Response => new Response(401))]);
        $ran = false;
        $response = (new Pipeline([$stopper], Layers::handler(static function () use (&$ran): Response {
            $ran = true;
            return new Response(200);
        })))->handle(new ServerRequest('GET', '/'));
        $this->assertSame(401, $response->getStatusCode(), 'A nested pipeline whose middleware answers early returns that response.');
        $this->assertFalse($ran, 'When a nested middleware does not call $handler->handle(), the outer core handler must not run.');
    }

    public function testAMiddlewareThatAnswers401StopsTheChain(): void
    {
        $handlerCalls = 0;
        $auth = Layers::middleware(static function (ServerRequest $request, RequestHandlerInterface $next): Response {
            if ($request->getHeaderLine('Authorization') !== 'Bearer letmein') {
                return (new Response(401))->withHeader('WWW-Authenticate', 'Bearer');
            }
            return $next->handle($request);
        });
        $pipeline = new Pipeline([new ErrorHandler(static function (): void {
        }), $auth], Layers::handler(static function () use (&$handlerCalls): Response {
            $handlerCalls++;
            return Response::json(200, ['ok' => true]);
        }));
        $this->assertSame(401, $pipeline->handle(new ServerRequest('GET', '/private'))->getStatusCode(), "The auth middleware's 401 must reach the client.");
        $this->assertSame(0, $handlerCalls, 'When a middleware does not call $handler->handle(), later middlewares and the core handler must not run.');
        $this->assertSame(200, $pipeline->handle(new ServerRequest('GET', '/private', ['Authorization' => 'Bearer letmein']))->getStatusCode(), 'When the middleware calls $handler->handle(), the core handler must run and answer.');
        $this->assertSame(1, $handlerCalls, 'The core handler runs once per request that gets through.');
    }

    public function testOnePipelineServesManyRequestsOneAfterAnother(): void
    {
        // In PHP-FPM the pipeline is rebuilt for each request; in a long-lived worker
        // (FrankenPHP worker mode, RoadRunner, Swoole) the same object serves them all.
        $seen = [];
        $pipeline = new Pipeline([
            Layers::middleware(static fn (ServerRequest $r, RequestHandlerInterface $next): Response => $next->handle($r->withAttribute('n', (int) $r->getRequestTarget()[1]))),
            Layers::middleware(static fn (ServerRequest $r, RequestHandlerInterface $next): Response => $next->handle($r)),
        ], Layers::handler(static function (ServerRequest $r) use (&$seen): Response {
            $seen[] = $r->getAttribute('n');
            return new Response(200);
        }));
        for ($i = 1; $i <= 5; $i++) {
            $this->assertSame(200, $pipeline->handle(new ServerRequest('GET', "/$i"))->getStatusCode(), "Request $i through the same Pipeline object must answer 200: keep the position in the chain per request, not in a property of the Pipeline.");
        }
        $this->assertSame([1, 2, 3, 4, 5], $seen, 'Every request must run the whole chain once.');
    }

    public function testTwoRequestsInFlightAtOnceDoNotSharePipelineState(): void
    {
        // An async runtime (AMPHP, ReactPHP with fibers, Swoole) interleaves requests in ONE
        // process: a fiber suspends while waiting for I/O, another request runs meanwhile.
        $through = [];
        $pipeline = new Pipeline([
            Layers::middleware(static function (ServerRequest $r, RequestHandlerInterface $next): Response {
                Fiber::suspend(); // "waiting for the database"
                return $next->handle($r);
            }),
            Layers::middleware(static function (ServerRequest $r, RequestHandlerInterface $next) use (&$through): Response {
                $through[] = $r->getRequestTarget();
                return $next->handle($r);
            }),
        ], Layers::handler(static fn (ServerRequest $r): Response => new Response((int) substr($r->getRequestTarget(), 1))));
        $slow = new Fiber(static fn (): Response => $pipeline->handle(new ServerRequest('GET', '/201')));
        $fast = new Fiber(static fn (): Response => $pipeline->handle(new ServerRequest('GET', '/202')));
        $error = null;
        try {
            $slow->start();
            $fast->start();
            $fast->resume();
            $slow->resume();
        } catch (\Throwable $e) {
            $error = $e;
        }
        $this->assertNull($error, 'Two overlapping requests through one Pipeline must not interfere: keep the "which middleware runs next" state in a per-request object, not in the Pipeline (' . ($error?->getMessage() ?? '') . ').');
        $this->assertSame(202, $fast->getReturn()->getStatusCode(), 'The request that finished first must get its own answer (202).');
        $this->assertSame(201, $slow->getReturn()->getStatusCode(), 'The request that finished last must get its own answer (201).');
        sort($through);
        $this->assertSame(['/201', '/202'], $through, 'Each of the two overlapping requests must pass through every middleware exactly once (got ' . json_encode($through) . '): the position in the chain belongs to the request, not to the shared Pipeline object.');
    }

    public function testCallingNextTwiceIsAnErrorAndTheRestOfTheChainRunsOnce(): void
    {
        $downstream = 0;
        $pipeline = new Pipeline([
            Layers::middleware(static function (ServerRequest $r, RequestHandlerInterface $next): Response {
                $next->handle($r);
                return $next->handle($r);
            }),
            Layers::middleware(static function (ServerRequest $r, RequestHandlerInterface $next) use (&$downstream): Response {
                $downstream++;
                return $next->handle($r);
            }),
        ], Layers::handler(static fn (): Response => new Response(200)));
        try {
            $pipeline->handle(new ServerRequest('GET', '/'));
            $this->fail('A second $handler->handle() call from the same middleware must throw a LogicException ("next() called multiple times").');
        } catch (\LogicException $e) {
            $this->assertStringContainsString('next() called multiple times', $e->getMessage(), 'The exception for a second call must say "next() called multiple times".');
        }
        $this->assertSame(1, $downstream, 'The downstream middleware must not run a second time.');
    }

    public function testExceptionsLeaveThePipelineUnchanged(): void
    {
        $boom = new \RuntimeException('db down');
        $pipeline = new Pipeline([Layers::middleware(static fn (ServerRequest $r, RequestHandlerInterface $next): Response => $next->handle($r))], Layers::handler(static fn (): Response => throw $boom));
        try {
            $pipeline->handle(new ServerRequest('GET', '/'));
            $this->fail('An exception thrown by the core handler must come out of Pipeline::handle() (only ErrorHandler turns errors into responses).');
        } catch (\RuntimeException $e) {
            $this->assertSame($boom, $e, 'The pipeline must let the very exception that was thrown propagate, unwrapped, so the outer layers can see it.');
        }
    }
}
