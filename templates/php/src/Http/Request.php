<?php

declare(strict_types=1);

namespace App\Http;

use JsonException;

/**
 * An incoming HTTP request as a value object.
 *
 * Code below the front controller reads the request from here instead of
 * touching $_SERVER, $_GET or php://input. That keeps it testable: a test
 * just builds `new Request('GET', '/notes')`.
 *
 * "with*" methods return a modified copy; the original never changes.
 */
final class Request
{
    public const MAX_JSON_BYTES = 1_048_576; // 1 MiB is plenty for a JSON API

    /** @var array<string, string> lower-cased header name => value */
    private array $headers = [];

    /**
     * @param array<string, mixed>  $query
     * @param array<string, string> $headers
     * @param array<string, string> $attributes values taken from the URL by the router, e.g. {id}
     */
    public function __construct(
        private readonly string $method,
        private readonly string $path,
        private readonly array $query = [],
        array $headers = [],
        private readonly string $body = '',
        private array $attributes = [],
    ) {
        // Header names are case-insensitive (RFC 9110), so store them lower-cased.
        foreach ($headers as $name => $value) {
            $this->headers[strtolower($name)] = $value;
        }
    }

    /** Build the request PHP is currently handling. Only the front controller should call this. */
    public static function fromGlobals(): self
    {
        $headers = [];
        foreach ($_SERVER as $key => $value) {
            if (str_starts_with($key, 'HTTP_')) {
                // HTTP_CONTENT_TYPE-style keys become content-type.
                $headers[str_replace('_', '-', substr($key, 5))] = (string) $value;
            }
        }
        // PHP stores these two without the HTTP_ prefix.
        foreach (['CONTENT_TYPE' => 'content-type', 'CONTENT_LENGTH' => 'content-length'] as $key => $name) {
            if (isset($_SERVER[$key]) && $_SERVER[$key] !== '') {
                $headers[$name] = (string) $_SERVER[$key];
            }
        }

        // Take the path from REQUEST_URI by hand: parse_url() would read "//x" as a host name.
        $uri = (string) ($_SERVER['REQUEST_URI'] ?? '/');
        $path = explode('?', $uri, 2)[0];

        return new self(
            strtoupper((string) ($_SERVER['REQUEST_METHOD'] ?? 'GET')),
            $path === '' ? '/' : $path,
            $_GET,
            $headers,
            (string) file_get_contents('php://input'),
        );
    }

    public function method(): string
    {
        return $this->method;
    }

    public function path(): string
    {
        return $this->path;
    }

    public function query(string $name, ?string $default = null): ?string
    {
        $value = $this->query[$name] ?? $default;

        // ?limit[]=1 makes PHP hand us an array; treat anything that is not a string as missing.
        return is_string($value) ? $value : $default;
    }

    public function header(string $name): ?string
    {
        return $this->headers[strtolower($name)] ?? null;
    }

    public function body(): string
    {
        return $this->body;
    }

    public function attribute(string $name): ?string
    {
        return $this->attributes[$name] ?? null;
    }

    /** @param array<string, string> $attributes */
    public function withAttributes(array $attributes): self
    {
        $copy = clone $this;
        $copy->attributes = $attributes + $this->attributes;

        return $copy;
    }

    /** The media type without parameters: "application/json; charset=utf-8" -> "application/json". */
    public function mediaType(): ?string
    {
        $type = $this->header('content-type');
        if ($type === null) {
            return null;
        }

        return strtolower(trim(explode(';', $type, 2)[0]));
    }

    /**
     * Decode a JSON object body, answering the client's mistakes with the right status:
     * 415 wrong media type, 413 too large, 400 empty or malformed.
     *
     * @return array<string, mixed>
     */
    public function json(int $maxBytes = self::MAX_JSON_BYTES): array
    {
        if ($this->mediaType() !== 'application/json') {
            throw HttpException::unsupportedMediaType('application/json');
        }

        // Check the declared length first, then the actual one (the header can lie or be absent).
        $declared = $this->header('content-length');
        if (($declared !== null && (int) $declared > $maxBytes) || strlen($this->body) > $maxBytes) {
            throw HttpException::payloadTooLarge($maxBytes);
        }

        if (trim($this->body) === '') {
            throw HttpException::badRequest('The request body is empty; expected a JSON object.');
        }

        try {
            $data = json_decode($this->body, true, 32, JSON_THROW_ON_ERROR);
        } catch (JsonException) {
            // The parser's message is fine to log but we keep the answer simple.
            throw HttpException::badRequest('The request body is not valid JSON.');
        }

        // With assoc=true both {} and [] decode to an array, so look at the text itself.
        if (!is_array($data) || !str_starts_with(ltrim($this->body), '{')) {
            throw HttpException::badRequest('The request body must be a JSON object.');
        }

        return $data;
    }
}
