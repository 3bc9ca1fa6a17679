<?php

declare(strict_types=1);

namespace Exercise\Tests\Support;

use Exercise\Lock;

/** Records which locks were taken and released, and passes the calls on. */
final class SpyLock implements Lock
{
    /** @var list<string> */
    public array $acquired = [];
    /** @var list<string> */
    public array $released = [];

    /** Runs right after the lock is taken: a test can play "another process stored the value while we waited". */
    public ?\Closure $whileWaiting = null;

    public function __construct(private readonly Lock $inner)
    {
    }

    public function acquire(string $name): void
    {
        $this->inner->acquire($name);
        $this->acquired[] = $name;
        if ($this->whileWaiting !== null) {
            ($this->whileWaiting)($name);
        }
    }

    public function release(string $name): void
    {
        $this->released[] = $name;
        $this->inner->release($name);
    }
}
