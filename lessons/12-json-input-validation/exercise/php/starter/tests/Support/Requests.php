<?php

declare(strict_types=1);

namespace Exercise\Tests\Support;

use Exercise\Http\Request;

/** Builds requests the way a front controller would: the body is a stream. */
final class Requests
{
    /** @return resource */
    public static function stream(string $bytes): mixed
    {
        $stream = fopen('php://temp', 'w+b');
        fwrite($stream, $bytes);
        rewind($stream);
        return $stream;
    }

    /**
     * @param ?string $contentType null sends no Content-Type header
     * @param bool $chunked true sends no Content-Length header, as a chunked request does
     */
    public static function make(string $body = '', string $method = 'POST', string $target = '/users', ?string $contentType = 'application/json', bool $chunked = false): Request
    {
        $headers = [];
        if ($contentType !== null) {
            $headers['Content-Type'] = $contentType;
        }
        if (!$chunked) {
            $headers['Content-Length'] = (string) strlen($body);
        }
        return new Request($method, $target, $headers, self::stream($body));
    }
}
