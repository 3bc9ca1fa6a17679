<?php

declare(strict_types=1);

namespace App\Http;

/**
 * An outgoing HTTP response as a value object.
 *
 * Controllers *return* a Response instead of calling header()/echo directly,
 * so tests can inspect it and nothing is sent until the very end.
 */
final class Response
{
    private const REASONS = [
        200 => 'OK',
        201 => 'Created',
        204 => 'No Content',
        400 => 'Bad Request',
        401 => 'Unauthorized',
        403 => 'Forbidden',
        404 => 'Not Found',
        405 => 'Method Not Allowed',
        409 => 'Conflict',
        413 => 'Content Too Large',
        415 => 'Unsupported Media Type',
        422 => 'Unprocessable Content',
        429 => 'Too Many Requests',
        500 => 'Internal Server Error',
        503 => 'Service Unavailable',
    ];

    private const JSON_FLAGS = JSON_THROW_ON_ERROR | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE;

    /** @param array<string, string> $headers */
    public function __construct(
        private readonly int $status = 200,
        private array $headers = [],
        private string $body = '',
    ) {
    }

    public static function json(mixed $data, int $status = 200): self
    {
        return new self($status, ['Content-Type' => 'application/json'], json_encode($data, self::JSON_FLAGS));
    }

    /**
     * An RFC 9457 "problem details" response. With type "about:blank" the
     * title must be the HTTP reason phrase; "detail" explains this occurrence.
     *
     * @param array<string, mixed> $extensions
     */
    public static function problem(int $status, ?string $detail = null, ?string $instance = null, array $extensions = []): self
    {
        $problem = ['type' => 'about:blank', 'title' => self::reasonPhrase($status), 'status' => $status];
        if ($detail !== null && $detail !== '') {
            $problem['detail'] = $detail;
        }
        if ($instance !== null) {
            $problem['instance'] = $instance;
        }

        return new self(
            $status,
            ['Content-Type' => 'application/problem+json'],
            json_encode($problem + $extensions, self::JSON_FLAGS),
        );
    }

    public static function reasonPhrase(int $status): string
    {
        return self::REASONS[$status] ?? ($status >= 500 ? 'Server Error' : 'Client Error');
    }

    public function status(): int
    {
        return $this->status;
    }

    public function body(): string
    {
        return $this->body;
    }

    /** @return array<string, string> */
    public function headers(): array
    {
        return $this->headers;
    }

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
        $copy = clone $this;
        // Header names are case-insensitive: replace "content-type" when setting "Content-Type".
        foreach (array_keys($copy->headers) as $key) {
            if (strcasecmp($key, $name) === 0) {
                unset($copy->headers[$key]);
            }
        }
        $copy->headers[$name] = $value;

        return $copy;
    }

    /** @param array<string, string> $headers */
    public function withHeaders(array $headers): self
    {
        $copy = $this;
        foreach ($headers as $name => $value) {
            $copy = $copy->withHeader($name, $value);
        }

        return $copy;
    }

    /** The answer to a HEAD request: same headers (including the length) but no body. */
    public function withoutBody(): self
    {
        $copy = $this->withHeader('Content-Length', (string) strlen($this->body));
        $copy->body = '';

        return $copy;
    }

    /** Emit status, headers and body. The only place that talks to PHP's output. */
    public function send(): void
    {
        if (!headers_sent()) {
            http_response_code($this->status);
            header_remove('X-Powered-By'); // don't advertise the exact PHP version to attackers
            foreach ($this->headers as $name => $value) {
                header($name . ': ' . $value);
            }
            // Stops browsers from guessing ("sniffing") a different content type.
            header('X-Content-Type-Options: nosniff');
            if ($this->header('Content-Length') === null) {
                header('Content-Length: ' . strlen($this->body));
            }
        }

        echo $this->body;
    }
}
