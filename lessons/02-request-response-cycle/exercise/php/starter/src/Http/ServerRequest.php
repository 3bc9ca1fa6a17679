<?php

declare(strict_types=1);

namespace Exercise\Http;

/**
 * An immutable server request, shaped like PSR-7's ServerRequestInterface (a subset of it, so
 * the exercise needs no Composer packages). Every with*() method returns a NEW request and
 * leaves this one unchanged: use the value it returns.
 */
final class ServerRequest
{
    /** @var array<string, list<string>> header values by lower-cased name */
    private array $headers = [];
    /** @var array<string, mixed> */
    private array $attributes = [];
    private mixed $parsedBody = null;
    /** @var resource */
    private $body;

    /**
     * @param array<string, string|list<string>> $headers a name may have several lines (a list)
     * @param resource|string $body the content stream (php://input in production), or a string
     * @param array<string, string> $serverParams like $_SERVER, e.g. ['REMOTE_ADDR' => '10.0.0.5']
     */
    public function __construct(
        private readonly string $method,
        private readonly string $target,
        array $headers = [],
        mixed $body = '',
        private readonly array $serverParams = [],
    ) {
        foreach ($headers as $name => $value) {
            $this->headers[strtolower($name)] = array_values((array) $value);
        }
        if (is_string($body)) {
            $stream = fopen('php://memory', 'w+b');
            fwrite($stream, $body);
            rewind($stream);
            $body = $stream;
        }
        $this->body = $body;
    }

    public function getMethod(): string
    {
        return $this->method;
    }

    public function getRequestTarget(): string
    {
        return $this->target;
    }

    /** @return list<string> every line of this header, in order (empty when absent) */
    public function getHeader(string $name): array
    {
        return $this->headers[strtolower($name)] ?? [];
    }

    /** All lines of this header joined with ", " ('' when absent), as PSR-7 defines it. */
    public function getHeaderLine(string $name): string
    {
        return implode(', ', $this->getHeader($name));
    }

    /** @return resource the content stream; read it with a limit */
    public function getBody()
    {
        return $this->body;
    }

    /** @return array<string, string> */
    public function getServerParams(): array
    {
        return $this->serverParams;
    }

    public function getAttribute(string $name, mixed $default = null): mixed
    {
        return array_key_exists($name, $this->attributes) ? $this->attributes[$name] : $default;
    }

    public function withAttribute(string $name, mixed $value): self
    {
        $copy = clone $this;
        $copy->attributes[$name] = $value;
        return $copy;
    }

    public function getParsedBody(): mixed
    {
        return $this->parsedBody;
    }

    public function withParsedBody(mixed $data): self
    {
        $copy = clone $this;
        $copy->parsedBody = $data;
        return $copy;
    }
}
