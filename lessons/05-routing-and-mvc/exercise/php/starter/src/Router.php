<?php

declare(strict_types=1);

namespace Exercise;

/**
 * Maps method + path to handlers.
 *
 * A handler is any callable with the signature
 *     fn (Request $request, array $params): Response
 * where $params maps each {name} in the pattern to its decoded value (a string).
 *
 * See README.md for the exact rules your router must follow.
 */
final class Router
{
    /**
     * Register a route.
     *
     * @param string   $method  An HTTP method such as 'GET' or 'DELETE'.
     * @param string   $pattern A path such as '/users/{id:\d+}' or '/files/{name}'.
     * @param callable $handler Called as $handler($request, $params).
     */
    public function add(string $method, string $pattern, callable $handler): void
    {
        throw new \LogicException('Not implemented yet: Router::add()');
    }

    public function dispatch(Request $request): Response
    {
        throw new \LogicException('Not implemented yet: Router::dispatch()');
    }
}
