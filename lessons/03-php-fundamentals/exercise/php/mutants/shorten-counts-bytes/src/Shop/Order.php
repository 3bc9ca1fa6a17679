<?php

declare(strict_types=1);

namespace Exercise\Shop;

/**
 * An order as it arrives from the shop's front end, as JSON. Immutable.
 */
final readonly class Order
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

    public static function fromJson(string $json): self
    {
        // Throws \JsonException on malformed input instead of returning null.
        $data = json_decode($json, true, 16, JSON_THROW_ON_ERROR);
        if (!is_array($data) || !is_array($data['lines'] ?? null) || !is_string($data['placedAt'] ?? null)) {
            throw new \InvalidArgumentException('An order needs "currency", "placedAt" and a "lines" list.');
        }

        // from() throws \ValueError for a code that is not a case: no silent default.
        $currency = Currency::from($data['currency'] ?? '');

        // An explicit offset is required: no reader should have to guess the time zone.
        $placedAt = \DateTimeImmutable::createFromFormat(DATE_ATOM, $data['placedAt']);
        if ($placedAt === false) {
            throw new \InvalidArgumentException('placedAt must be ISO 8601 with an offset, e.g. 2026-03-28T23:30:00+00:00.');
        }

        $lines = array_map(
            fn(array $line): array => self::line($line['name'], $line['cents'], $line['quantity'], $currency),
            $data['lines'],
        );

        return new self($currency, array_values($lines), $placedAt);
    }

    /**
     * No casts: the typed parameters let strict_types reject "2499" or 24.99 with a TypeError.
     *
     * @return array{name: string, unitPrice: Money, quantity: int}
     */
    private static function line(string $name, int $cents, int $quantity, Currency $currency): array
    {
        return ['name' => $name, 'unitPrice' => new Money($cents, $currency), 'quantity' => $quantity];
    }

    /** A cart with every line; Cart::add() rejects quantities below 1. */
    public function cart(): Cart
    {
        $cart = new Cart($this->currency);
        foreach ($this->lines as ['unitPrice' => $unitPrice, 'quantity' => $quantity]) {
            $cart->add($unitPrice, $quantity);
        }

        return $cart;
    }

    /**
     * @return list<array{name: string, quantity: int, total: Money}> largest line total first,
     *         equal totals by name A to Z
     */
    public function summary(): array
    {
        $rows = array_map(
            fn(array $line): array => [
                'name' => $line['name'],
                'quantity' => $line['quantity'],
                'total' => $line['unitPrice']->multiply($line['quantity']),
            ],
            $this->lines,
        );
        usort($rows, fn(array $a, array $b): int
            => $b['total']->cents <=> $a['total']->cents ?: $a['name'] <=> $b['name']);

        return $rows;
    }

    /** The calendar day the order was placed on, in $timeZone (e.g. 'Europe/Berlin'), as Y-m-d. */
    public function localDate(string $timeZone): string
    {
        return $this->placedAt->setTimezone(new \DateTimeZone($timeZone))->format('Y-m-d');
    }

    /** Names longer than $max characters become $max - 1 characters plus '…'. */
    public static function shorten(string $name, int $max): string
    {
        if (strlen($name) <= $max) {
            return $name;
        }

        return mb_substr($name, 0, $max - 1) . '…';
    }
}
