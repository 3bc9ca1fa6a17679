<?php

declare(strict_types=1);

namespace Exercise;

/**
 * An incoming request as the router sees it. The path is kept exactly as it
 * arrived (still percent-encoded); the router decides when to decode it.
 */
final class Request
{
    public readonly string $method;
    public readonly string $path;
    public readonly string $query;

    /** @param array<string, string> $headers */
    public function __construct(
        string $method,
        string $target,
        private readonly array $headers = [],
        public readonly string $body = '',
    ) {
        $this->method = $method;
        $cut = strpos($target, '?');
        $this->path = $cut === false ? $target : substr($target, 0, $cut);
        $this->query = $cut === false ? '' : substr($target, $cut + 1);
    }

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
