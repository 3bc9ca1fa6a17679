<?php

declare(strict_types=1);

namespace Exercise\Http;

/** An immutable response, shaped like a small subset of PSR-7's ResponseInterface. */
final class Response
{
    /** @param array<string, string> $headers */
    public function __construct(
        private readonly int $status = 200,
        private readonly array $headers = [],
        private readonly string $body = '',
    ) {
    }

    /** A JSON response; pass 'application/problem+json' as $type for an RFC 9457 problem. */
    public static function json(int $status, mixed $data, string $type = 'application/json'): self
    {
        $body = json_encode($data, JSON_THROW_ON_ERROR | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE);
        return new self($status, ['Content-Type' => $type, 'Content-Length' => (string) strlen($body)], $body);
    }

    public function getStatusCode(): int
    {
        return $this->status;
    }

    public function getHeaderLine(string $name): string
    {
        foreach ($this->headers as $key => $value) {
            if (strcasecmp($key, $name) === 0) {
                return $value;
            }
        }
        return '';
    }

    public function withHeader(string $name, string $value): self
    {
        $headers = array_filter($this->headers, static fn (string $key): bool => strcasecmp($key, $name) !== 0, ARRAY_FILTER_USE_KEY);
        $headers[$name] = $value;
        return new self($this->status, $headers, $this->body);
    }

    public function getBody(): string
    {
        return $this->body;
    }
}
