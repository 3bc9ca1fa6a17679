<?php

declare(strict_types=1);

namespace Exercise;

/** An incoming request: method, request-target (path and query), header fields and content. */
final class Request
{
    /** @param array<string, string> $headers */
    public function __construct(
        public readonly string $method,
        public readonly string $target,
        private readonly array $headers = [],
        public readonly string $body = '',
    ) {
    }

    /** The path without the query string. */
    public function path(): string
    {
        return (string) parse_url($this->target, PHP_URL_PATH);
    }

    /** One query parameter as sent (decoded), or null when it is absent. */
    public function query(string $name): ?string
    {
        parse_str((string) parse_url($this->target, PHP_URL_QUERY), $params);
        $value = $params[$name] ?? null;
        return is_string($value) ? $value : null;
    }

    /** Case-insensitive lookup, because field names are case-insensitive. */
    public function header(string $name): ?string
    {
        foreach ($this->headers as $key => $value) {
            if (strcasecmp($key, $name) === 0) {
                return $value;
            }
        }
        return null;
    }
}
