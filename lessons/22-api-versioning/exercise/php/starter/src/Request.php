<?php

declare(strict_types=1);

namespace Exercise;

/**
 * An incoming request: the method, the request-target exactly as it arrived
 * (path and query string, like $_SERVER['REQUEST_URI']) and the header fields.
 */
final class Request
{
    /** @param array<string, string> $headers */
    public function __construct(
        public readonly string $method,
        public readonly string $target,
        private readonly array $headers = [],
    ) {
    }

    /** The path part of the target, without the query string. */
    public function path(): string
    {
        $cut = strpos($this->target, '?');
        return $cut === false ? $this->target : substr($this->target, 0, $cut);
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
