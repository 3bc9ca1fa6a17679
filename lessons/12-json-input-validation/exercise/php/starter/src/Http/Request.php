<?php

declare(strict_types=1);

namespace Exercise\Http;

/**
 * An incoming request. The body is a readable stream (in a real front controller:
 * fopen('php://input', 'rb')), so the endpoint decides how much of it to read.
 * You do not need to edit this file.
 */
final class Request
{
    /** @var array<string, string> header names in lower case */
    private array $headers = [];

    /**
     * @param string $target the request target, e.g. "/users?source=signup"
     * @param array<string, string> $headers
     * @param resource $body
     */
    public function __construct(
        public readonly string $method,
        public readonly string $target,
        array $headers,
        public readonly mixed $body,
    ) {
        foreach ($headers as $name => $value) {
            $this->headers[strtolower($name)] = $value;
        }
    }

    /** A header's value (names are case-insensitive), or null when it was not sent. */
    public function header(string $name): ?string
    {
        return $this->headers[strtolower($name)] ?? null;
    }
}
