<?php

declare(strict_types=1);

namespace Exercise;

/** An immutable HTTP response: status, header fields and content. */
final class Response
{
    /** @param array<string, string> $headers */
    public function __construct(
        public readonly int $status = 200,
        private readonly array $headers = [],
        public readonly string $body = '',
    ) {
    }

    /**
     * A JSON response. Pass 'application/problem+json' as $type for an RFC 9457 problem.
     *
     * @param array<string, string> $headers
     */
    public static function json(mixed $data, int $status = 200, array $headers = [], string $type = 'application/json'): self
    {
        $json = json_encode($data, JSON_THROW_ON_ERROR | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE);
        return new self($status, ['Content-Type' => $type] + $headers, $json);
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
