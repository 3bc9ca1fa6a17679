<?php

declare(strict_types=1);

namespace Exercise;

/** The current time as Unix seconds. Injected so tests never wait for real time. */
interface Clock
{
    public function now(): int;
}
