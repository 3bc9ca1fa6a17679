<?php

declare(strict_types=1);

namespace Exercise;

use Exercise\Http\Response;
use Exercise\Log\Logger;

/**
 * The ONE place where exceptions become HTTP responses (RFC 9457 problem details).
 */
final class ExceptionHandler
{
    public function __construct(private readonly Logger $logger)
    {
    }

    /**
     * Maps any Throwable to an application/problem+json response:
     *  - Errors\NotFound         => 404, detail = the exception message
     *  - Errors\ValidationFailed => 422, plus an "errors" member with $e->errors
     *  - anything else           => 500 with a GENERIC detail, logged once at error level
     *                               with ['exception' => $e, 'requestId' => $requestId]
     * Every body has type, title, status, detail and requestId.
     */
    public function toResponse(\Throwable $e, string $requestId): Response
    {
        throw new \LogicException('Not implemented yet: ExceptionHandler::toResponse()');
    }
}
