<?php

declare(strict_types=1);

namespace Exercise\Http;

/** A minimal HTTP response: status, headers and body. */
final readonly class Response
{
    /** @param array<string, string> $headers */
    public function __construct(
        public int $status,
        public array $headers,
        public string $body,
    ) {
    }
}
