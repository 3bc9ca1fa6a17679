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
            'a few items' => [5, 0],
            'a dozen-ish items' => [20, 5],
            'thirty items' => [30, 5],
            'a hundred items' => [100, 10],
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

    #[Test]
    public function theSourceHasNoKnownSlips(): void
    {
        $calculator = (string) php_strip_whitespace(__DIR__ . '/../../src/PriceCalculator.php');

        foreach (['$quantity > 10 =>', '$quantity > 50 =>', 'PHP_ROUND_HALF_EVEN', '): float', 'percentOf($unitCents * $quantity, $this->vatPercent)'] as $slip) {
            $this->assertStringNotContainsString($slip, $calculator);
        }
    }
}
