<?php

declare(strict_types=1);

namespace Exercise\Shop;

/**
 * The currencies the shop accepts.
 *
 * Replace this constants-only class with a string-backed enum:
 *   enum Currency: string { case EUR = 'EUR'; case USD = 'USD'; ... }
 * and give it a symbol() method that returns '€' for EUR and '$' for USD
 * (use match).
 */
final class Currency
{
    public const EUR = 'EUR';
    public const USD = 'USD';
}
