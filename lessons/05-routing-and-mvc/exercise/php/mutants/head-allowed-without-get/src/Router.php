<?php

declare(strict_types=1);

namespace Exercise;

/**
 * Maps method + path to handlers.
 *
 * A handler is any callable with the signature
 *     fn (Request $request, array $params): Response
 * where $params maps each {name} in the pattern to its decoded value (a string).
 */
final class Router
{
    /** @var list<array{method: string, segments: list<array{literal: ?string, name: ?string, regex: ?string}>, handler: callable}> */
    private array $routes = [];

    public function add(string $method, string $pattern, callable $handler): void
    {
        if (!str_starts_with($pattern, '/')) {
            throw new \InvalidArgumentException("Route pattern must start with '/': $pattern");
        }

        $segments = [];
        foreach (self::split($pattern) as $part) {
            if (preg_match('~\A\{([A-Za-z_][A-Za-z0-9_]*)(?::(.+))?\}\z~', $part, $m) === 1) {
                $regex = isset($m[2]) ? '~\A(?:' . str_replace('~', '\~', $m[2]) . ')\z~u' : null;
                if ($regex !== null && @preg_match($regex, '') === false) {
                    throw new \InvalidArgumentException("Invalid pattern for parameter '{$m[1]}' in $pattern");
                }
                $segments[] = ['literal' => null, 'name' => $m[1], 'regex' => $regex];
            } else {
                $segments[] = ['literal' => $part, 'name' => null, 'regex' => null];
            }
        }

        $this->routes[] = ['method' => strtoupper($method), 'segments' => $segments, 'handler' => $handler];
    }

    public function dispatch(Request $request): Response
    {
        $path = $request->path;

        // Trailing-slash policy: one canonical URL, reached by a permanent redirect.
        if ($path !== '/' && str_ends_with($path, '/')) {
            $canonical = substr($path, 0, -1);
            if (($this->candidates($canonical) ?? []) === []) {
                return Response::text(404, 'Not Found');
            }
            $location = $canonical . ($request->query !== '' ? '?' . $request->query : '');
            return (new Response(308))->withHeader('Location', $location);
        }

        $candidates = $this->candidates($path);
        if ($candidates === null) {
            return Response::text(400, 'Bad Request');
        }

        $allowed = [];
        foreach ($candidates as [$route, $params]) {
            if ($route['method'] === $request->method) {
                return ($route['handler'])($request, $params);
            }
            $allowed[$route['method']] = true;
        }

        // HEAD is GET without content: reuse the GET handler, drop the body.
        if ($request->method === 'HEAD' && isset($allowed['GET'])) {
            foreach ($candidates as [$route, $params]) {
                if ($route['method'] === 'GET') {
                    return ($route['handler'])($request, $params)->withBody('');
                }
            }
        }

        if ($allowed === []) {
            return Response::text(404, 'Not Found');
        }

        $allowed['HEAD'] = true;
        $methods = array_keys($allowed);
        sort($methods);
        $allow = implode(', ', $methods);

        // OPTIONS asks what the resource supports: the same list, as a success.
        if ($request->method === 'OPTIONS') {
            return (new Response(204))->withHeader('Allow', $allow);
        }

        return Response::text(405, 'Method Not Allowed')->withHeader('Allow', $allow);
    }

    /**
     * Every route whose pattern matches the path, in registration order, with
     * its parameters. Null when the path contains a '.' or '..' segment.
     *
     * @return list<array{0: array, 1: array<string, string>}>|null
     */
    private function candidates(string $path): ?array
    {
        // Split the raw path first, then decode each segment exactly once,
        // so '%2F' inside a segment becomes part of a value, never a separator.
        $values = array_map('rawurldecode', self::split($path));
        foreach ($values as $value) {
            if ($value === '.' || $value === '..') {
                return null;
            }
        }

        $found = [];
        foreach ($this->routes as $route) {
            $params = self::match($route['segments'], $values);
            if ($params !== null) {
                $found[] = [$route, $params];
            }
        }
        return $found;
    }

    /**
     * @param list<array{literal: ?string, name: ?string, regex: ?string}> $segments
     * @param list<string> $values
     * @return array<string, string>|null
     */
    private static function match(array $segments, array $values): ?array
    {
        if (count($segments) !== count($values)) {
            return null;
        }
        $params = [];
        foreach ($segments as $i => $segment) {
            $value = $values[$i];
            if ($segment['literal'] !== null) {
                if ($segment['literal'] !== $value) {
                    return null;
                }
                continue;
            }
            if ($value === '' || ($segment['regex'] !== null && preg_match($segment['regex'], $value) !== 1)) {
                return null;
            }
            $params[$segment['name']] = $value;
        }
        return $params;
    }

    /** @return list<string> */
    private static function split(string $path): array
    {
        return $path === '/' ? [] : explode('/', substr($path, 1));
    }
}
