<?php

declare(strict_types=1);

namespace Exercise\Shop;

/**
 * An order as it arrives from the shop's front end, as JSON:
 *
 *   {"currency": "EUR", "placedAt": "2026-03-28T23:30:00+00:00",
 *    "lines": [{"name": "Tee", "cents": 2499, "quantity": 2}]}
 *
 * Make it `final readonly` like Money once it works.
 */
final class Order
{
    /**
     * @param list<array{name: string, unitPrice: Money, quantity: int}> $lines
     */
    private function __construct(
        public Currency $currency,
        public array $lines,
        public \DateTimeImmutable $placedAt,
    ) {
    }

    /**
     * Decodes the JSON above.
     * - malformed JSON -> \JsonException (json_decode with JSON_THROW_ON_ERROR)
     * - unknown currency -> \ValueError (Currency::from())
     * - placedAt not ISO 8601 with an offset (DATE_ATOM) -> \InvalidArgumentException
     * - "cents" or "quantity" that are not JSON integers -> \TypeError (no casts!)
     */
    public static function fromJson(string $json): self
    {
        throw new \LogicException('Not implemented yet: Order::fromJson()');
    }

    /** A Cart holding every line (Cart::add() rejects quantities below 1). */
    public function cart(): Cart
    {
        throw new \LogicException('Not implemented yet: Order::cart()');
    }

    /**
     * One row per line: ['name' => string, 'quantity' => int, 'total' => Money (unit x quantity)],
     * as a list sorted by total, largest first; equal totals sorted by name A to Z.
     *
     * @return list<array{name: string, quantity: int, total: Money}>
     */
    public function summary(): array
    {
        throw new \LogicException('Not implemented yet: Order::summary()');
    }

    /** The calendar day the order was placed on in $timeZone (e.g. 'Europe/Berlin'), as 'Y-m-d'. */
    public function localDate(string $timeZone): string
    {
        throw new \LogicException('Not implemented yet: Order::localDate()');
    }

    /** A name longer than $max characters becomes its first $max - 1 characters plus '…'. */
    public static function shorten(string $name, int $max): string
    {
        throw new \LogicException('Not implemented yet: Order::shorten()');
    }
}
