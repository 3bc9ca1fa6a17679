<?php

declare(strict_types=1);

namespace Exercise;

final class SystemClock implements Clock
{
    public function now(): int
    {
        return time();
    }
}
