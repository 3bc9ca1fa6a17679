<?php

declare(strict_types=1);

namespace Exercise\Shop;

/**
 * The currencies the shop accepts. Backed by ISO 4217 codes, so a value
 * read from a request or a database row is validated with from()/tryFrom().
 */
enum Currency: string
{
    case EUR = 'EUR';
    case USD = 'USD';

    public function symbol(): string
    {
        return match ($this) {
            self::EUR => '€',
            self::USD => '$',
        };
    }
}
