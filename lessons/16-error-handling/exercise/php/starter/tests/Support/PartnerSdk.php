<?php

declare(strict_types=1);

// Exceptions of a third-party SDK whose class names happen to match yours.
// They are not your client errors: the handler must treat them as 500s.

namespace Exercise\Tests\Support\PartnerSdk;

final class NotFound extends \RuntimeException
{
}

final class ValidationFailed extends \InvalidArgumentException
{
    /** @param list<array{pointer: string, detail: string}> $errors */
    public function __construct(string $message, public readonly array $errors)
    {
        parent::__construct($message);
    }
}
