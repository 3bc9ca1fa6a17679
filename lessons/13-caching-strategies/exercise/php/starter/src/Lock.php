<?php

declare(strict_types=1);

namespace Exercise;

/** A named, exclusive lock across processes. You do not need to edit this file. */
interface Lock
{
    /** Wait until the lock called $name is ours (throws \RuntimeException after a timeout). */
    public function acquire(string $name): void;

    /** Let the next waiter in. */
    public function release(string $name): void;
}
