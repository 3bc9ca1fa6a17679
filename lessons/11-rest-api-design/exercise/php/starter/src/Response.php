<?php

declare(strict_types=1);

namespace Exercise;

/** An immutable HTTP response: status, header fields and content. */
final class Response
{
    /** @param array<string, string> $headers */
    public function __construct(
        public readonly int $status,
        private readonly array $headers = [],
        public readonly string $body = '',
    ) {
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

    /** @return array<string, string> */
    public function headers(): array
    {
        return $this->headers;
    }

    public function withBody(string $body): self
    {
        return new self($this->status, $this->headers, $body);
    }
}
