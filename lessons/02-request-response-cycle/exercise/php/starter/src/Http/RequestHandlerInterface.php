<?php

declare(strict_types=1);

namespace Exercise\Http;

/** Turns a request into a response, shaped like PSR-15's RequestHandlerInterface. */
interface RequestHandlerInterface
{
    public function handle(ServerRequest $request): Response;
}
