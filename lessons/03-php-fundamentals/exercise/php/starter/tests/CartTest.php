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

    /** Fails with $rule unless $action throws a $class. */
    private function assertThrows(string $class, callable $action, string $rule): void
    {
        try {
            $action();
        } catch (\Throwable $e) {
            $this->assertInstanceOf($class, $e, $rule . ' (it threw ' . get_class($e) . ': ' . $e->getMessage() . ')');
            return;
        }
        $this->fail($rule);
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

    public function testWelcome10OnVariedCarts(): void
    {
        mt_srand(20261201);
        for ($i = 0; $i < 25; $i++) {
            $cart = new Cart(Currency::USD);
            $expected = 0;
            for ($line = mt_rand(1, 4); $line > 0; $line--) {
                $cents = mt_rand(1, 99999);
                $quantity = mt_rand(1, 9);
                $cart->add(new Money($cents, Currency::USD), $quantity);
                $expected += $cents * $quantity;
            }
            $this->assertSame($expected, $cart->subtotal()->cents, 'subtotal() must add unit cents x quantity for every line.');
            $this->assertSame(intdiv($expected * 90 + 50, 100), $cart->total('WELCOME10')->cents, "WELCOME10 on $expected cents: take 10% off and round half-up to the cent (intdiv(\$cents * 90 + 50, 100)), never truncate.");
            $this->assertSame(Currency::USD, $cart->total('WELCOME10')->currency, "total() must be in the cart's currency.");
        }
    }

    public function testUnknownCodeThrows(): void
    {
        $this->assertThrows(\InvalidArgumentException::class, fn() => $this->cart->total('FREEBIES'),
            "total('FREEBIES') must throw InvalidArgumentException: give match a default arm that throws for unknown codes.");
        // match compares with ===: a code is exactly WELCOME10 or it is another code.
        foreach (['welcome10', 'Welcome10', ' WELCOME10', 'WELCOME10 ', 'WELCOME1', 'WELCOME100', ''] as $code) {
            $this->assertThrows(\InvalidArgumentException::class, fn() => $this->cart->total($code),
                "total('$code') must throw InvalidArgumentException: only the exact code WELCOME10 gives a discount (match compares with ===; do not change the case or trim the code).");
        }
    }

    public function testQuantityMustBePositive(): void
    {
        $this->assertThrows(\InvalidArgumentException::class, fn() => $this->cart->add(new Money(100, Currency::EUR), 0),
            'add() with quantity 0 must throw InvalidArgumentException: check $quantity < 1 before adding the line.');
        foreach ([-1, -mt_rand(2, 50)] as $quantity) {
            $this->assertThrows(\InvalidArgumentException::class, fn() => $this->cart->add(new Money(100, Currency::EUR), $quantity),
                "add() with quantity $quantity must throw InvalidArgumentException: reject every quantity below 1 (\$quantity < 1), not only 0.");
        }
        $this->assertSame(7045, $this->cart->subtotal()->cents, 'a rejected add() must leave the cart unchanged (7045 cents).');
    }

    public function testPriceInAnotherCurrencyIsRejected(): void
    {
        $this->assertThrows(\DomainException::class, fn() => $this->cart->add(new Money(100, Currency::USD)),
            "add() with a USD price in a EUR cart must throw DomainException: compare the price's currency with the cart's.");
    }
}
