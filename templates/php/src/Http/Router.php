<?php

declare(strict_types=1);

namespace App\Http;

/**
 * Maps "METHOD /path" to a handler: a callable that takes a Request and returns a Response.
 *
 * Patterns may contain placeholders such as /notes/{id}; the matched values
 * are available as $request->attribute('id'). A placeholder matches one path
 * segment (no "/"), and values are URL-decoded.
 *
 * The router answers the two routing errors itself:
 *  - 404 when no route matches the path at all,
 *  - 405 + Allow when the path exists but not for this method.
 * HEAD is served by the GET handler (the front controller drops the body).
 */
final class Router
{
    /** @var list<array{method: string, regex: string, handler: callable(Request): Response}> */
    private array $routes = [];

    /** @param callable(Request): Response $handler */
    public function add(string $method, string $pattern, callable $handler): void
    {
        $this->routes[] = [
            'method' => strtoupper($method),
            'regex' => self::compile($pattern),
            'handler' => $handler,
        ];
    }

    /** @param callable(Request): Response $handler */
    public function get(string $pattern, callable $handler): void
    {
        $this->add('GET', $pattern, $handler);
    }

    /** @param callable(Request): Response $handler */
    public function post(string $pattern, callable $handler): void
    {
        $this->add('POST', $pattern, $handler);
    }

    /** @param callable(Request): Response $handler */
    public function put(string $pattern, callable $handler): void
    {
        $this->add('PUT', $pattern, $handler);
    }

    /** @param callable(Request): Response $handler */
    public function delete(string $pattern, callable $handler): void
    {
        $this->add('DELETE', $pattern, $handler);
    }

    /** @throws HttpException 404 or 405 when no handler fits */
    public function dispatch(Request $request): Response
    {
        // Collect every route whose pattern fits the path, keyed by method.
        $candidates = [];
        foreach ($this->routes as $route) {
            if (preg_match($route['regex'], $request->path(), $matches) === 1) {
                $params = array_map('rawurldecode', array_filter($matches, 'is_string', ARRAY_FILTER_USE_KEY));
                $candidates[$route['method']] ??= [$route['handler'], $params];
            }
        }

        if ($candidates === []) {
            throw HttpException::notFound();
        }

        $method = $request->method();
        if (!isset($candidates[$method]) && $method === 'HEAD' && isset($candidates['GET'])) {
            $method = 'GET';
        }

        if (!isset($candidates[$method])) {
            $allowed = array_keys($candidates);
            if (in_array('GET', $allowed, true) && !in_array('HEAD', $allowed, true)) {
                $allowed[] = 'HEAD';
            }
            sort($allowed);

            throw HttpException::methodNotAllowed($allowed);
        }

        [$handler, $params] = $candidates[$method];

        return $handler($request->withAttributes($params));
    }

    /** "/notes/{id}" -> "#^/notes/(?P<id>[^/]+)$#" */
    private static function compile(string $pattern): string
    {
        $regex = '';
        foreach (preg_split('#(\{[A-Za-z_][A-Za-z0-9_]*\})#', $pattern, -1, PREG_SPLIT_DELIM_CAPTURE) ?: [] as $part) {
            $regex .= str_starts_with($part, '{')
                ? '(?P<' . substr($part, 1, -1) . '>[^/]+)'
                : preg_quote($part, '#');
        }

        return '#^' . $regex . '$#';
    }
}
