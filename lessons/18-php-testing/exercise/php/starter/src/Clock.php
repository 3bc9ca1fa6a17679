<?php

declare(strict_types=1);

namespace Exercise;

/** Where "now" comes from. Inject it so tests can freeze time (compare PSR-20). */
interface Clock
{
    public function now(): \DateTimeImmutable;
}
