<?php

declare(strict_types=1);

namespace Exercise;

/**
 * Prices for one order line, in integer cents.
 *
 * Quantity discount tiers:
 *   1-9 items   => 0 %
 *   10-49 items => 5 %
 *   50+ items   => 10 %
 * The discount and the VAT are each rounded half-up to the cent.
 */
final class PriceCalculator
{
    public function __construct(private readonly int $vatPercent = 20)
    {
        if ($vatPercent < 0 || $vatPercent > 100) {
            throw new \InvalidArgumentException('VAT must be between 0 and 100 percent.');
        }
    }

    public function discountPercent(int $quantity): int
    {
        if ($quantity < 1) {
            throw new \InvalidArgumentException('Quantity must be at least 1.');
        }

        return match (true) {
            $quantity >= 50 => 10,
            $quantity >= 10 => 5,
            default => 0,
        };
    }

    /** unit price x quantity, minus the tier discount. */
    public function net(int $unitCents, int $quantity): int
    {
        $gross = $unitCents * $quantity;

        return $gross - self::percentOf($gross, $this->discountPercent($quantity));
    }

    /** VAT on the net amount. */
    public function vat(int $unitCents, int $quantity): int
    {
        return self::percentOf($this->net($unitCents, $quantity), $this->vatPercent);
    }

    /** What the customer pays: net + VAT. */
    public function total(int $unitCents, int $quantity): int
    {
        return $this->net($unitCents, $quantity) + $this->vat($unitCents, $quantity);
    }

    /** $percent % of $cents, rounded half-up (for non-negative amounts). */
    private static function percentOf(int $cents, int $percent): int
    {
        return intdiv($cents * $percent + 50, 100);
    }
}
