<?php

declare(strict_types=1);

namespace Exercise;

/**
 * A transient failure: a timeout, a 503 or 429 from a provider, a lock that was busy.
 * Trying again later may succeed. $retryAfterSeconds carries an upstream Retry-After.
 */
final class RetryableException extends \RuntimeException
{
    public function __construct(
        string $message,
        public readonly ?int $retryAfterSeconds = null,
        ?\Throwable $previous = null,
    ) {
        parent::__construct($message, 0, $previous);
    }
}
