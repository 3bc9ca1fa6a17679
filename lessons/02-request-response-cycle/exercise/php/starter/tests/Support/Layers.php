<?php

declare(strict_types=1);

namespace Exercise\Tests\Support;

use Closure;
use Exercise\Http\MiddlewareInterface;
use Exercise\Http\RequestHandlerInterface;
use Exercise\Http\Response;
use Exercise\Http\ServerRequest;

/** Test helpers: middlewares and handlers from closures. */
final class Layers
{
    /** @param Closure(ServerRequest, RequestHandlerInterface): Response $process */
    public static function middleware(Closure $process): MiddlewareInterface
    {
        return new class ($process) implements MiddlewareInterface {
            public function __construct(private readonly Closure $process)
            {
            }

            public function process(ServerRequest $request, RequestHandlerInterface $handler): Response
            {
                return ($this->process)($request, $handler);
            }
        };
    }

    /** @param Closure(ServerRequest): Response $handle */
    public static function handler(Closure $handle): RequestHandlerInterface
    {
        return new class ($handle) implements RequestHandlerInterface {
            public function __construct(private readonly Closure $handle)
            {
            }

            public function handle(ServerRequest $request): Response
            {
                return ($this->handle)($request);
            }
        };
    }

    /** A handler that answers 200 with the parsed body and the client_ip attribute as JSON. */
    public static function echo(): RequestHandlerInterface
    {
        return self::handler(static fn (ServerRequest $r): Response => Response::json(200, ['body' => $r->getParsedBody(), 'ip' => $r->getAttribute('client_ip')]));
    }

    private function __construct()
    {
    }
}
