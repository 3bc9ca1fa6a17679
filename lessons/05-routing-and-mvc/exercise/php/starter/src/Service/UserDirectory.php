<?php

declare(strict_types=1);

namespace Exercise\Service;

/**
 * The "model" side: where users come from and the rules about them.
 * A real app would query a database with prepared statements here;
 * the exercise keeps the data in memory.
 */
final class UserDirectory
{
    /** @param array<int, array{id: int, name: string, email: string, password_hash: string}> $users */
    public function __construct(private readonly array $users)
    {
    }

    /** @return array{id: int, name: string, email: string, password_hash: string}|null */
    public function find(int $id): ?array
    {
        return $this->users[$id] ?? null;
    }
}
