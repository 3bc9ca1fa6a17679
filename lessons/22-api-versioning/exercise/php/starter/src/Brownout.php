<?php

declare(strict_types=1);

namespace Exercise;

use DateTimeImmutable;

/** An announced window in which a deprecated version fails on purpose: start <= now < end. */
final class Brownout
{
    public function __construct(
        public readonly DateTimeImmutable $start,
        public readonly DateTimeImmutable $end,
    ) {
    }
}
