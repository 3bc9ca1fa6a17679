<?php

declare(strict_types=1);

namespace Exercise\Tests;

use Exercise\Shop\Currency;
use Exercise\Shop\Money;
use PHPUnit\Framework\TestCase;

final class MoneyTest extends TestCase
{
    protected function setUp(): void
    {
        $this->assertTrue(enum_exists(Currency::class), 'Currency must be an enum: write `enum Currency: string` in src/Shop/Currency.php.');
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

    public function testMoneyIsFinalAndReadonly(): void
    {
        $class = new \ReflectionClass(Money::class);
        $this->assertTrue($class->isFinal(), 'Declare Money as `final` so no subclass can break its guarantees.');
        $this->assertTrue($class->isReadOnly(), 'Declare Money as a `readonly` class (final readonly class Money).');
    }

    public function testPropertiesCannotBeWritten(): void
    {
        $money = new Money(100, Currency::EUR);
        try {
            $money->cents = 5;
        } catch (\Error $e) {
            $this->assertSame(100, $money->cents, 'The amount must stay 100 cents after a rejected write.');
            return;
        }
        $this->fail('Writing $money->cents must throw an Error: make the class (or its properties) readonly.');
    }

    public function testStringCentsAreRejectedUnderStrictTypes(): void
    {
        // This file declares strict_types=1, so "10" is NOT coerced to 10.
        $this->assertThrows(\TypeError::class, fn() => new Money('10', Currency::EUR),
            'new Money("10", ...) must throw TypeError under strict_types: type the constructor parameter as int.');
    }

    public function testFormat(): void
    {
        $this->assertSame('€10.50', (new Money(1050, Currency::EUR))->format(), 'format() of 1050 EUR must be "€10.50".');
        $this->assertSame('€0.05', (new Money(5, Currency::EUR))->format(), 'format() must pad cents to two digits: 5 EUR cents is "€0.05".');
        $this->assertSame('$1234.56', (new Money(123456, Currency::USD))->format(), 'format() of 123456 USD must be "$1234.56" (symbol from Currency::symbol()).');
        $this->assertSame('-€0.50', (new Money(-50, Currency::EUR))->format(), 'format() of -50 EUR cents (a refund) must be "-€0.50": take the sign first, then format abs($cents); intdiv(-50, 100) is 0 and loses it.');
        $this->assertSame('-$12.05', (new Money(-1205, Currency::USD))->format(), 'format() of -1205 USD cents must be "-$12.05": one minus sign in front, cents from abs().');
    }

    public function testAddReturnsANewAmount(): void
    {
        $a = new Money(1050, Currency::EUR);
        $sum = $a->add(new Money(250, Currency::EUR));
        $this->assertSame(1300, $sum->cents, 'add() must sum the cents: 1050 + 250 = 1300.');
        $this->assertSame(Currency::EUR, $sum->currency, 'add() must keep the currency.');
        $this->assertSame(1050, $a->cents, 'add() must return a NEW Money and leave the original unchanged.');
    }

    public function testAddingDifferentCurrenciesThrows(): void
    {
        $this->assertThrows(\DomainException::class, fn() => (new Money(100, Currency::EUR))->add(new Money(100, Currency::USD)),
            'adding USD to EUR must throw DomainException: compare the currencies before adding.');
    }

    public function testMultiply(): void
    {
        $product = (new Money(2499, Currency::USD))->multiply(3);
        $this->assertSame(7497, $product->cents, 'multiply(3) of 2499 cents must be 7497 cents.');
        $this->assertSame(Currency::USD, $product->currency, 'multiply() must keep the currency.');
    }
}
