<?php

declare(strict_types=1);

namespace Exercise;

/**
 * A token bucket policy: up to $capacity tokens, refilled continuously at $refillPerSec
 * tokens per second. PHP forgets everything when a request ends, so the state lives
 * outside: take() receives the stored BucketState and returns the new one in its Take.
 * The time is a parameter (milliseconds): no clock calls and no sleeping in here.
 */
final class TokenBucket
{
    /**
     * Throw an \InvalidArgumentException when $capacity is not positive or $refillPerSec is
     * not a positive, finite number.
     */
    public function __construct(
        public readonly int $capacity,
        public readonly float $refillPerSec,
    ) {
        throw new \LogicException('Not implemented yet: TokenBucket::__construct() in src/TokenBucket.php');
    }

    /** The state of a new bucket: it starts full. */
    public function full(int $nowMs): BucketState
    {
        throw new \LogicException('Not implemented yet: TokenBucket::full() in src/TokenBucket.php');
    }

    /**
     * Refill the bucket for the time since $state->updatedMs (never above capacity; a clock
     * that stepped backwards adds nothing), then spend one token if at least one whole token
     * is there. remaining = whole tokens left (floor); resetSec = whole seconds, rounded UP
     * and at least 1, until one more whole token exists.
     */
    public function take(BucketState $state, int $nowMs): Take
    {
        throw new \LogicException('Not implemented yet: TokenBucket::take() in src/TokenBucket.php');
    }
}
