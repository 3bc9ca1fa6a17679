<?php

declare(strict_types=1);

namespace Exercise;

use Exercise\Http\MiddlewareInterface;
use Exercise\Http\RequestHandlerInterface;
use Exercise\Http\Response;
use Exercise\Http\ServerRequest;

/**
 * Runs middlewares in onion order around a core handler.
 *
 * - handle($request): runs the middlewares in order, then $handler.
 * - process($request, $next): the same pipeline used as ONE middleware of another pipeline:
 *   after its last middleware it calls $next instead of its own handler.
 * - Each middleware gets a RequestHandlerInterface whose handle() runs the rest of the chain.
 *   Calling it a second time throws \LogicException('next() called multiple times') and
 *   runs nothing again.
 * - One Pipeline object serves many requests, also at the same time in a long-lived worker:
 *   keep per-request state out of its properties.
 */
final class Pipeline implements RequestHandlerInterface, MiddlewareInterface
{
    /** @param list<MiddlewareInterface> $middlewares */
    public function __construct(
        private readonly array $middlewares,
        private readonly ?RequestHandlerInterface $handler = null,
    ) {
    }

    public function handle(ServerRequest $request): Response
    {
        throw new \LogicException('Not implemented yet: Pipeline::handle() in src/Pipeline.php');
    }

    public function process(ServerRequest $request, RequestHandlerInterface $handler): Response
    {
        throw new \LogicException('Not implemented yet: Pipeline::process() in src/Pipeline.php');
    }
}
