<?php

declare(strict_types=1);

namespace Exercise\Http;

/**
 * A layer of the onion, shaped like PSR-15's MiddlewareInterface: do something before, call
 * $handler->handle() to run the inner layers (or don't, to answer early), do something after.
 */
interface MiddlewareInterface
{
    public function process(ServerRequest $request, RequestHandlerInterface $handler): Response;
}
