<?php

declare(strict_types=1);

namespace Exercise;

/**
 * The author entity, mapped from one row of the `users` table.
 * It holds everything the row holds, including fields that must never
 * leave the server (email, password hash).
 */
final class Author
{
    public function __construct(
        public readonly int $id,
        public readonly string $name,
        public readonly string $email,
        public readonly string $passwordHash,
    ) {
    }
}
