<?php

declare(strict_types=1);

namespace Exercise;

/**
 * A wrapper that keeps a secret out of JSON, print_r(), var_dump() and string output.
 * You do not need to edit this file: use it in src/Config.php.
 */
final class Secret implements \JsonSerializable
{
    public function __construct(#[\SensitiveParameter] private readonly string $value)
    {
    }

    /** The only way to read the value: call it where you really need it. */
    public function reveal(): string
    {
        return $this->value;
    }

    public function __toString(): string
    {
        return '[REDACTED]';
    }

    public function jsonSerialize(): string
    {
        return '[REDACTED]';
    }

    /** What print_r() and var_dump() show instead of the private value. */
    public function __debugInfo(): array
    {
        return ['value' => '[REDACTED]'];
    }
}
