<?php

declare(strict_types=1);

namespace Exercise;

use Exercise\Http\HttpError;
use Exercise\Http\MiddlewareInterface;
use Exercise\Http\RequestHandlerInterface;
use Exercise\Http\Response;
use Exercise\Http\ServerRequest;

/**
 * Reads a JSON request body defensively: reference solution.
 */
final class JsonBody implements MiddlewareInterface
{
    private const MAX_DEPTH = 100;

    public function __construct(private readonly int $limit = 102400)
    {
    }

    public function process(ServerRequest $request, RequestHandlerInterface $handler): Response
    {
        // 1. The media type, before reading anything: the part before ";", trimmed, any case.
        $type = strtolower(trim(explode(';', $request->getHeaderLine('Content-Type'))[0]));
        if ($type !== 'application/json') {
            throw new HttpError(415, 'Unsupported Media Type');
        }
        // 2. The size: a declared length over the limit is refused without reading a byte...
        $declared = $request->getHeaderLine('Content-Length');
        if (ctype_digit($declared) && (int) $declared > $this->limit) {
            throw new HttpError(413, 'Content Too Large');
        }
        // ...and the stream is read to one byte past the limit at most (chunked bodies have no length).
        $raw = stream_get_contents($request->getBody(), $this->limit + 1);
        if ($raw === false || strlen($raw) > $this->limit) {
            throw new HttpError(413, 'Content Too Large');
        }
        // 3. Parse; failure is the client's fault.
        try {
            $data = json_decode($raw, true, self::MAX_DEPTH, JSON_THROW_ON_ERROR);
        } catch (\JsonException) {
            throw new HttpError(400, 'Bad Request');
        }
        // Outside the try: a JsonException from the inner layers is their bug (500), not a 400.
        return $handler->handle($request->withParsedBody($data));
    }
}
