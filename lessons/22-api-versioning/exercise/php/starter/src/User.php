<?php

declare(strict_types=1);

namespace Exercise;

/**
 * The domain model. It knows nothing about HTTP or API versions, and it holds
 * fields that no version of the API may expose (email, passwordHash).
 */
final class User
{
    public function __construct(
        public readonly string $id,
        public readonly string $firstName,
        public readonly string $lastName,
        public readonly string $email = '',
        public readonly string $passwordHash = '',
    ) {
    }
}
