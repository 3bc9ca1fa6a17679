<?php

declare(strict_types=1);

namespace Exercise;

/**
 * An incoming request: the method, the request-target exactly as it arrived
 * (path and query string, like $_SERVER['REQUEST_URI']), the header fields and
 * the content as a stream (php://input in production), so it can be read with a limit.
 */
final class Request
{
    /** @var resource */
    private $body;

    /**
     * @param array<string, string> $headers
     * @param resource|string $body a readable stream, or a string for convenience
     */
    public function __construct(
        public readonly string $method,
        public readonly string $target,
        private readonly array $headers = [],
        mixed $body = '',
    ) {
        if (is_string($body)) {
            $stream = fopen('php://memory', 'w+b');
            fwrite($stream, $body);
            rewind($stream);
            $body = $stream;
        }
        $this->body = $body;
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

    /**
     * The content stream. Read it with a limit, e.g. stream_get_contents($stream, $max + 1):
     * a chunked request has no Content-Length, so the header alone proves nothing.
     *
     * @return resource
     */
    public function body()
    {
        return $this->body;
    }
}
