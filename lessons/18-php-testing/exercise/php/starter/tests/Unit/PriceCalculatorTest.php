<?php

declare(strict_types=1);

namespace Exercise\Tests\Unit;

use Exercise\PriceCalculator;
use PHPUnit\Framework\Attributes\DataProvider;
use PHPUnit\Framework\Attributes\Test;
use PHPUnit\Framework\TestCase;

/**
 * Unit tests for PriceCalculator. Write them arrange-act-assert, with assertSame.
 * Cover: every discount tier AND its boundaries (use a data provider),
 * half-cent rounding, VAT, and invalid input.
 */
final class PriceCalculatorTest extends TestCase
{
    #[Test]
    public function singleItemHasNoDiscount(): void
    {
        $calculator = new PriceCalculator(vatPercent: 20);

        $net = $calculator->net(unitCents: 1000, quantity: 1);

        $this->assertSame(1000, $net);
    }
}
