<?php

declare(strict_types=1);

namespace Exercise;

/**
 * The same prices as src/PriceCalculator.php, written differently. The check runs your
 * suite against it too: tests that pass on src/ but fail here test the source text, not
 * the behaviour.
 */
final class PriceCalculator
{
    private const TIERS = [50 => 10, 10 => 5, 1 => 0];

    private int $vat;

    public function __construct(int $vatPercent = 20)
    {
        if (!in_array($vatPercent, range(0, 100), true)) {
            throw new \InvalidArgumentException('VAT must be between 0 and 100 percent.');
        }
        $this->vat = $vatPercent;
    }

    public function discountPercent(int $quantity): int
    {
        foreach (self::TIERS as $from => $percent) {
            if ($quantity >= $from) {
                return $percent;
            }
        }
        throw new \InvalidArgumentException('Quantity must be at least 1.');
    }

    public function net(int $unitCents, int $quantity): int
    {
        $percent = $this->discountPercent($quantity);
        $gross = $quantity * $unitCents;

        return $gross - self::roundedShare($gross, $percent);
    }

    public function vat(int $unitCents, int $quantity): int
    {
        return self::roundedShare($this->net($unitCents, $quantity), $this->vat);
    }

    public function total(int $unitCents, int $quantity): int
    {
        $net = $this->net($unitCents, $quantity);

        return $net + self::roundedShare($net, $this->vat);
    }

    private static function roundedShare(int $amount, int $percent): int
    {
        $hundredths = $amount * $percent;
        $whole = intdiv($hundredths, 100);

        return $hundredths % 100 >= 50 ? $whole + 1 : $whole;
    }
}
