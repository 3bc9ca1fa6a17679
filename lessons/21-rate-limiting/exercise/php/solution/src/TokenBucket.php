<?php

declare(strict_types=1);

namespace Exercise;

/**
 * A token bucket policy: up to $capacity tokens, refilled continuously at $refillPerSec.
 * The state lives outside (PHP forgets everything when a request ends), so take() receives
 * it and returns the new one. The time is a parameter: no clock calls in here.
 */
final class TokenBucket
{
    public function __construct(
        public readonly int $capacity,
        public readonly float $refillPerSec,
    ) {
        if ($capacity < 1) {
            throw new \InvalidArgumentException('capacity must be a positive integer');
        }
        if (!is_finite($refillPerSec) || $refillPerSec <= 0) {
            throw new \InvalidArgumentException('refillPerSec must be a positive number');
        }
    }

    /** A new bucket starts full. */
    public function full(int $nowMs): BucketState
    {
        return new BucketState($this->capacity, $nowMs);
    }

    /** Refill lazily up to now, then try to spend one token. */
    public function take(BucketState $state, int $nowMs): Take
    {
        $elapsedSec = max(0, $nowMs - $state->updatedMs) / 1000; // a clock stepping back adds nothing
        $tokens = min($this->capacity, $state->tokens + $elapsedSec * $this->refillPerSec);

        $allowed = $tokens >= 1;
        if ($allowed) {
            $tokens -= 1;
        }
        $whole = (int) floor($tokens);
        $resetSec = max(1, (int) ceil(($whole + 1 - $tokens) / $this->refillPerSec));

        return new Take($allowed, $whole, $resetSec, new BucketState($tokens, $nowMs));
    }
}
