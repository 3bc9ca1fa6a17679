<?php

declare(strict_types=1);

namespace App\Http;

use RuntimeException;
use Throwable;

/**
 * An error the client caused (or may retry), carrying everything needed to
 * answer with a problem+json response. The message is shown to the client,
 * so never put internal details (SQL, paths, stack traces) in it.
 */
final class HttpException extends RuntimeException
{
    /**
     * @param array<string, string> $headers    extra response headers, e.g. Allow
     * @param array<string, mixed>  $extensions extra problem members, e.g. "errors"
     */
    public function __construct(
        public readonly int $status,
        string $detail = '',
        public readonly array $headers = [],
        public readonly array $extensions = [],
        ?Throwable $previous = null,
    ) {
        parent::__construct($detail, $status, $previous);
    }

    public static function badRequest(string $detail): self
    {
        return new self(400, $detail);
    }

    public static function notFound(string $detail = 'No resource exists at this URL.'): self
    {
        return new self(404, $detail);
    }

    /** @param list<string> $allowed */
    public static function methodNotAllowed(array $allowed): self
    {
        // RFC 9110 requires a 405 to say which methods *are* allowed.
        return new self(405, 'This URL does not support that method.', ['Allow' => implode(', ', $allowed)]);
    }

    public static function payloadTooLarge(int $maxBytes): self
    {
        return new self(413, sprintf('The request body must not exceed %d bytes.', $maxBytes));
    }

    public static function unsupportedMediaType(string $expected): self
    {
        return new self(415, sprintf('Send the request body as %s.', $expected), ['Accept-Post' => $expected]);
    }

    /** @param list<array{pointer: string, detail: string}> $errors */
    public static function unprocessable(string $detail, array $errors): self
    {
        return new self(422, $detail, [], ['errors' => $errors]);
    }
}
