<?php

declare(strict_types=1);

namespace Exercise;

use Closure;
use Exercise\Http\HttpError;
use Exercise\Http\MiddlewareInterface;
use Exercise\Http\RequestHandlerInterface;
use Exercise\Http\Response;
use Exercise\Http\ServerRequest;

/**
 * The outermost layer: reference solution.
 */
final class ErrorHandler implements MiddlewareInterface
{
    /** @param Closure(\Throwable): void $log receives every unexpected error */
    public function __construct(private readonly Closure $log)
    {
    }

    public function process(ServerRequest $request, RequestHandlerInterface $handler): Response
    {
        try {
            return $handler->handle($request);
        } catch (\Throwable $e) { // \Throwable, not \Exception: a TypeError is an Error
            if ($e instanceof HttpError && $e->status >= 400 && $e->status <= 500) {
                return self::problem($e->status, $e->title);
            }
            ($this->log)($e); // the details go to the log, never to the client
            return self::problem(500, 'Internal Server Error');
        }
    }

    private static function problem(int $status, string $title): Response
    {
        return Response::json($status, ['type' => 'about:blank', 'title' => $title, 'status' => $status], 'application/problem+json');
    }
}
