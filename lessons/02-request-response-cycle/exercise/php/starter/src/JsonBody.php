<?php

declare(strict_types=1);

namespace Exercise;

use Exercise\Http\HttpError;
use Exercise\Http\MiddlewareInterface;
use Exercise\Http\RequestHandlerInterface;
use Exercise\Http\Response;
use Exercise\Http\ServerRequest;

/**
 * Reads a JSON request body and hands the decoded value (objects as arrays) to the inner
 * layers with $request->withParsedBody(). Throws HttpError 415, 413 or 400; see README.md.
 */
final class JsonBody implements MiddlewareInterface
{
    public function __construct(private readonly int $limit = 102400)
    {
    }

    public function process(ServerRequest $request, RequestHandlerInterface $handler): Response
    {
        throw new \LogicException('Not implemented yet: JsonBody::process() in src/JsonBody.php');
    }
}
