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

    public static function text(int $status, string $text): self
    {
        return new self($status, ['Content-Type' => 'text/plain; charset=utf-8'], $text);
    }

    public static function json(mixed $data, int $status = 200): self
    {
        $json = json_encode($data, JSON_THROW_ON_ERROR | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE);
        return new self($status, ['Content-Type' => 'application/json'], $json);
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

    public function withHeader(string $name, string $value): self
    {
        $headers = array_filter(
            $this->headers,
            static fn (string $key): bool => strcasecmp($key, $name) !== 0,
            ARRAY_FILTER_USE_KEY,
        );
        $headers[$name] = $value;
        return new self($this->status, $headers, $this->body);
    }

    public function withBody(string $body): self
    {
        return new self($this->status, $this->headers, $body);
    }
}
