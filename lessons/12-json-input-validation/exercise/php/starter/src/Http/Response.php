<?php

declare(strict_types=1);

namespace Exercise\Http;

/** What the endpoint answers. You do not need to edit this file. */
final class Response
{
    /** @param array<string, string> $headers */
    public function __construct(
        public readonly int $status,
        public readonly array $headers,
        public readonly string $body,
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

    /** A JSON response: the body is json_encode($data). */
    public static function json(int $status, mixed $data, array $headers = []): self
    {
        return new self($status, ['Content-Type' => 'application/json'] + $headers, json_encode($data, JSON_THROW_ON_ERROR | JSON_UNESCAPED_SLASHES));
    }
}
