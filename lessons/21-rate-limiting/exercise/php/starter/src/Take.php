<?php

declare(strict_types=1);

namespace Exercise;

/** The outcome of TokenBucket::take(). You do not need to edit this file. */
final class Take
{
    /**
     * @param bool $allowed     true if a token was spent
     * @param int $remaining    whole tokens left after this call, never negative
     * @param int $resetSec     whole seconds (at least 1, rounded up) until one more token is
     *                          added; for a refused request this is the Retry-After value
     * @param BucketState $state the state to store for the next take()
     */
    public function __construct(
        public readonly bool $allowed,
        public readonly int $remaining,
        public readonly int $resetSec,
        public readonly BucketState $state,
    ) {
    }
}
