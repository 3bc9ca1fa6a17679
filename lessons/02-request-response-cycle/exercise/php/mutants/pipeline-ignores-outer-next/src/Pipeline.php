<?php

declare(strict_types=1);

namespace Exercise;

use Exercise\Http\MiddlewareInterface;
use Exercise\Http\RequestHandlerInterface;
use Exercise\Http\Response;
use Exercise\Http\ServerRequest;

/**
 * Runs middlewares in onion order around a core handler: reference solution.
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
        if ($this->handler === null) {
            throw new \LogicException('This Pipeline has no core handler: pass one to the constructor, or use it as a middleware.');
        }
        return (new PipelineStep($this->middlewares, 0, $this->handler))->handle($request);
    }

    public function process(ServerRequest $request, RequestHandlerInterface $handler): Response
    {
        // Used as a middleware: the outer chain's $handler takes the place of our own core.
        $end = new class implements RequestHandlerInterface {
            public function handle(ServerRequest $request): Response
            {
                return new Response(404);
            }
        };
        return (new PipelineStep($this->middlewares, 0, $this->handler ?? $end))->handle($request);
    }
}

/**
 * "The rest of the chain from middleware $index on", created fresh for every request, so
 * all per-request state (which layer runs next, whether it already ran) lives here and
 * never in the long-lived Pipeline object.
 */
final class PipelineStep implements RequestHandlerInterface
{
    private bool $called = false;

    /** @param list<MiddlewareInterface> $middlewares */
    public function __construct(
        private readonly array $middlewares,
        private readonly int $index,
        private readonly RequestHandlerInterface $core,
    ) {
    }

    public function handle(ServerRequest $request): Response
    {
        if ($this->called) {
            throw new \LogicException('next() called multiple times');
        }
        $this->called = true;
        if ($this->index === count($this->middlewares)) {
            return $this->core->handle($request);
        }
        return $this->middlewares[$this->index]->process($request, new self($this->middlewares, $this->index + 1, $this->core));
    }
}
