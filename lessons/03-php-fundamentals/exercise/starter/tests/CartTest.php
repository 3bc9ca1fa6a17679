<?php

declare(strict_types=1);

namespace Exercise\Tests;

use Exercise\Shop\Cart;
use Exercise\Shop\Currency;
use Exercise\Shop\Money;
use PHPUnit\Framework\TestCase;

final class CartTest extends TestCase
{
    private Cart $cart;

    protected function setUp(): void
    {
        $this->assertTrue(enum_exists(Currency::class), 'Currency must be an enum: write `enum Currency: string` in src/Shop/Currency.php.');
        // Fixture: 2 x 24.99 + 1 x 20.47 = 70.45 EUR
        $this->cart = new Cart(Currency::EUR);
        $this->cart->add(new Money(2499, Currency::EUR), 2);
        $this->cart->add(new Money(2047, Currency::EUR));
    }

    public function testEmptyCartIsZero(): void
    {
        $total = (new Cart(Currency::USD))->total();
        $this->assertSame(0, $total->cents, 'An empty cart must total 0 cents.');
        $this->assertSame(Currency::USD, $total->currency, "An empty cart's total must be in the cart's currency.");
    }

    public function testSubtotalAndTotalWithoutCode(): void
    {
        $this->assertSame(7045, $this->cart->subtotal()->cents, 'subtotal() must be 2 x 2499 + 1 x 2047 = 7045 cents.');
        $this->assertSame(7045, $this->cart->total()->cents, 'total() without a code must equal the subtotal (7045 cents).');
        $this->assertSame('€70.45', $this->cart->total()->format(), 'The formatted total must be "€70.45".');
    }

    public function testWelcome10RoundsHalfUp(): void
    {
        // 7045 * 0.9 = 6340.5 cents, which rounds half-up to 6341.
        $this->assertSame(6341, $this->cart->total('WELCOME10')->cents, 'WELCOME10 takes 10% off and rounds half-up: 7045 cents becomes 6341 cents.');
    }

    public function testUnknownCodeThrows(): void
    {
        $this->expectException(\InvalidArgumentException::class);
        $this->cart->total('FREEBIES');
    }

    public function testQuantityMustBePositive(): void
    {
        $this->expectException(\InvalidArgumentException::class);
        $this->cart->add(new Money(100, Currency::EUR), 0);
    }

    public function testPriceInAnotherCurrencyIsRejected(): void
    {
        $this->expectException(\DomainException::class);
        $this->cart->add(new Money(100, Currency::USD));
    }
}
