<?php

declare(strict_types=1);

namespace App\Http;

use Closure;
use Throwable;

/**
 * Turns any exception into an RFC 9457 application/problem+json response.
 *
 * Two kinds of failure, two policies:
 *  - HttpException: the client's mistake. Its message is written for the
 *    client, so it goes into "detail". Nothing to log.
 *  - anything else: our bug or an outage. The client gets a generic message
 *    and a reference id; the real message and stack trace go to the log only,
 *    because they can reveal SQL, file paths or secrets.
 */
final class ErrorHandler
{
    /** @var Closure(string): void */
    private Closure $log;

    /** @param (callable(string): void)|null $log where to write details; defaults to PHP's error_log */
    public function __construct(?callable $log = null)
    {
        $this->log = $log !== null ? $log(...) : static function (string $message): void {
            error_log($message);
        };
    }

    public function handle(Throwable $error, Request $request): Response
    {
        if ($error instanceof HttpException) {
            return Response::problem($error->status, $error->getMessage(), $request->path(), $error->extensions)
                ->withHeaders($error->headers);
        }

        // A short random id lets a user report "error 3f2a..." and you find the log line.
        $errorId = bin2hex(random_bytes(6));
        ($this->log)(sprintf('[error %s] %s %s: %s', $errorId, $request->method(), $request->path(), (string) $error));

        return Response::problem(
            500,
            'Something went wrong on our side. Please try again later.',
            $request->path(),
            ['errorId' => $errorId],
        );
    }
}
