<?php

declare(strict_types=1);

namespace Exercise;

/**
 * What is stored per key: the tokens in the bucket (a float: refill is continuous) and the
 * clock reading, in milliseconds, when they were counted. You do not need to edit this file.
 */
final class BucketState
{
    public function __construct(
        public readonly float $tokens,
        public readonly int $updatedMs,
    ) {
    }
}
