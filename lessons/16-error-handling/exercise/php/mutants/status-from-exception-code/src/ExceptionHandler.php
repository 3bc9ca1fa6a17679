<?php

declare(strict_types=1);

namespace Exercise;

use Exercise\Errors\ClientError;
use Exercise\Errors\NotFound;
use Exercise\Errors\ValidationFailed;
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

    public function toResponse(\Throwable $e, string $requestId): Response
    {
        [$status, $title, $detail, $extra] = match (true) {
            $e instanceof NotFound => [404, 'Not Found', $e->getMessage(), []],
            $e instanceof ValidationFailed => [422, 'Unprocessable Content', $e->getMessage(), ['errors' => $e->errors]],
            $e instanceof ClientError => [400, 'Bad Request', $e->getMessage(), []],
            $e->getCode() >= 400 && $e->getCode() < 500 => [(int) $e->getCode(), 'Client Error', $e->getMessage(), []], default => [500, 'Internal Server Error', 'An unexpected error occurred. Quote the request ID when contacting support.', []],
        };

        if ($status >= 500) {
            // Full details (message, chain, stack trace) go to the log, once.
            $this->logger->error('Unhandled exception', ['exception' => $e, 'requestId' => $requestId]);
        }

        $body = [
            'type' => 'about:blank',
            'title' => $title,
            'status' => $status,
            'detail' => $detail,
            'instance' => '/requests/' . rawurlencode($requestId),
            'requestId' => $requestId,
        ] + $extra;

        return new Response(
            $status,
            ['Content-Type' => 'application/problem+json'],
            json_encode($body, JSON_THROW_ON_ERROR | JSON_UNESCAPED_SLASHES),
        );
    }
}
