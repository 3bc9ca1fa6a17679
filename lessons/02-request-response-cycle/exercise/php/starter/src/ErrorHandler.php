<?php

declare(strict_types=1);

namespace Exercise;

use Closure;
use Exercise\Http\MiddlewareInterface;
use Exercise\Http\RequestHandlerInterface;
use Exercise\Http\Response;
use Exercise\Http\ServerRequest;

/**
 * The outermost layer: turns whatever the inner layers throw into an
 * application/problem+json response. See README.md for the rules.
 */
final class ErrorHandler implements MiddlewareInterface
{
    /** @param Closure(\Throwable): void $log receives every unexpected error */
    public function __construct(private readonly Closure $log)
    {
    }

    public function process(ServerRequest $request, RequestHandlerInterface $handler): Response
    {
        throw new \LogicException('Not implemented yet: ErrorHandler::process() in src/ErrorHandler.php');
    }
}
