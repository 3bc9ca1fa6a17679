<?php

declare(strict_types=1);

namespace Exercise;

/** Thrown by Http::readJson() for a body the API cannot use; answer it with Http::problem(). */
final class Problem extends \RuntimeException
{
    public function __construct(public readonly int $status, public readonly string $title)
    {
        parent::__construct("$status $title");
    }
}
