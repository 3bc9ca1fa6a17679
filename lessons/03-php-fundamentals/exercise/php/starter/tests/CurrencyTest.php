<?php

declare(strict_types=1);

namespace Exercise\Tests;

use Exercise\Shop\Currency;
use PHPUnit\Framework\TestCase;

final class CurrencyTest extends TestCase
{
    protected function setUp(): void
    {
        $this->assertTrue(
            enum_exists(Currency::class),
            'Currency must be an enum: write `enum Currency: string` in src/Shop/Currency.php.'
        );
    }

    public function testCurrencyIsAStringBackedEnum(): void
    {
        $enum = new \ReflectionEnum(Currency::class);
        $this->assertTrue($enum->isBacked(), 'Currency must be a BACKED enum: `enum Currency: string`.');
        $this->assertSame('string', (string) $enum->getBackingType(), 'Currency must be backed by string values.');
        $this->assertSame(['EUR', 'USD'], array_map(fn(Currency $c): string => $c->value, Currency::cases()), 'Currency needs exactly the cases EUR = \'EUR\' and USD = \'USD\', in that order.');
    }

    public function testFromAndTryFromValidateInput(): void
    {
        $this->assertSame(Currency::EUR, Currency::from('EUR'), "Currency::from('EUR') must return Currency::EUR.");
        $this->assertNull(Currency::tryFrom('XXX'), "Currency::tryFrom('XXX') must return null for an unknown code.");
    }

    public function testSymbol(): void
    {
        $this->assertSame('€', Currency::EUR->symbol(), "Currency::EUR->symbol() must return '€'.");
        $this->assertSame('$', Currency::USD->symbol(), "Currency::USD->symbol() must return '\$'.");
    }
}
