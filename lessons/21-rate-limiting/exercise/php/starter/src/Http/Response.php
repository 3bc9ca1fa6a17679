<?php

declare(strict_types=1);

namespace Exercise\Http;

/** What a handler answers. You do not need to edit this file. */
final class Response
{
    /** @param array<string, string> $headers */
    public function __construct(
        public readonly int $status,
        public readonly array $headers = [],
        public readonly string $body = '',
    ) {
    }

    /** A header's value (names are case-insensitive), or null. */
    public function header(string $name): ?string
    {
        foreach ($this->headers as $key => $value) {
            if (strcasecmp($key, $name) === 0) {
                return $value;
            }
        }
        return null;
    }

    /** The same response with one more header (or a header replaced). */
    public function withHeader(string $name, string $value): self
    {
        $headers = array_filter($this->headers, static fn(string $key) => strcasecmp($key, $name) !== 0, ARRAY_FILTER_USE_KEY);
        return new self($this->status, $headers + [$name => $value], $this->body);
    }
}
