<?php

declare(strict_types=1);

namespace Exercise\Tests\Unit;

use Exercise\PriceCalculator;
use PHPUnit\Framework\Attributes\DataProvider;
use PHPUnit\Framework\Attributes\Test;
use PHPUnit\Framework\TestCase;

final class PriceCalculatorTest extends TestCase
{
    #[Test]
    public function singleItemHasNoDiscount(): void
    {
        $calculator = new PriceCalculator(vatPercent: 20);

        $net = $calculator->net(unitCents: 1000, quantity: 1);

        $this->assertSame(1000, $net);
    }

    /** @return array<string, array{int, int}> quantity => expected discount percent */
    public static function tiers(): array
    {
        return [
            'one item' => [1, 0],
            'last item without discount' => [9, 0],
            'first item of the 5 % tier' => [10, 5],
            'last item of the 5 % tier' => [49, 5],
            'first item of the 10 % tier' => [50, 10],
            'large order' => [500, 10],
        ];
    }

    #[Test]
    #[DataProvider('tiers')]
    public function discountDependsOnQuantityTier(int $quantity, int $expectedPercent): void
    {
        $calculator = new PriceCalculator();

        $this->assertSame($expectedPercent, $calculator->discountPercent($quantity));
    }

    #[Test]
    public function netSubtractsTheTierDiscount(): void
    {
        $calculator = new PriceCalculator();

        $this->assertSame(9500, $calculator->net(unitCents: 1000, quantity: 10));
    }

    #[Test]
    public function discountOfExactlyHalfACentRoundsUp(): void
    {
        // 10 x 1 cent = 10 cents; 5 % of that is 0.5 cents, which rounds UP to 1.
        $calculator = new PriceCalculator();

        $this->assertSame(9, $calculator->net(unitCents: 1, quantity: 10));
    }

    #[Test]
    public function vatOfExactlyHalfACentRoundsUp(): void
    {
        // 10 % of 1225 cents is 122.5 cents, which rounds UP to 123.
        $calculator = new PriceCalculator(vatPercent: 10);

        $this->assertSame(123, $calculator->vat(unitCents: 1225, quantity: 1));
        $this->assertSame(1348, $calculator->total(unitCents: 1225, quantity: 1));
    }

    #[Test]
    public function totalIsNetPlusVat(): void
    {
        // 3 x 999 = 2997 net (no discount); 20 % VAT = 599.4, rounds to 599.
        $calculator = new PriceCalculator(vatPercent: 20);

        $this->assertSame(3596, $calculator->total(unitCents: 999, quantity: 3));
    }


    #[Test]
    public function quantityBelowOneIsRejected(): void
    {
        $calculator = new PriceCalculator();

        $this->expectException(\InvalidArgumentException::class);
        $calculator->net(unitCents: 1000, quantity: 0);
    }

    #[Test]
    public function vatRateOutsideZeroToHundredIsRejected(): void
    {
        $this->expectException(\InvalidArgumentException::class);
        new PriceCalculator(vatPercent: 120);
    }
}
