<?php

declare(strict_types=1);

namespace Exercise;

/** An outgoing response. A real front controller would call http_response_code(), header() and echo. */
final class Response
{
    /** @param array<string, string> $headers */
    public function __construct(
        public int $status,
        public array $headers = [],
        public string $body = '',
    ) {
    }

    /** Case-insensitive header lookup, as in HTTP. */
    public function header(string $name): ?string
    {
        foreach ($this->headers as $key => $value) {
            if (strcasecmp($key, $name) === 0) {
                return $value;
            }
        }
        return null;
    }

    public function withHeader(string $name, string $value): self
    {
        $copy = $this->withoutHeader($name);
        $copy->headers[$name] = $value;
        return $copy;
    }

    public function withoutHeader(string $name): self
    {
        $copy = clone $this;
        foreach (array_keys($copy->headers) as $key) {
            if (strcasecmp($key, $name) === 0) {
                unset($copy->headers[$key]);
            }
        }
        return $copy;
    }
}
