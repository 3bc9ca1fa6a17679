<?php

declare(strict_types=1);

namespace Exercise;

/**
 * One entry of SIGNING_KEYS: the key id that travels in every token, and its secret.
 * You do not need to edit this file.
 */
final class SigningKey
{
    public function __construct(
        public readonly string $kid,
        public readonly Secret $secret,
    ) {
    }
}
