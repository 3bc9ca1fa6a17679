<?php

declare(strict_types=1);

namespace Exercise\Shop;

/**
 * An amount of money in integer cents, in one currency.
 *
 * Make this a `final readonly` class (PHP 8.2) so nobody can change an amount
 * after it was created, and implement the three methods below. Each method
 * returns a NEW Money; none of them changes $this.
 */
class Money
{
    public function __construct(
        public int $cents,
        public Currency $currency,
    ) {
    }

    /** Adds two amounts. Throws \DomainException when the currencies differ. */
    public function add(Money $other): Money
    {
        throw new \LogicException('Not implemented yet: Money::add()');
    }

    /** Multiplies the amount by a whole number, e.g. a quantity. */
    public function multiply(int $factor): Money
    {
        throw new \LogicException('Not implemented yet: Money::multiply()');
    }

    /** Formats as symbol + units + '.' + two-digit cents: 1050 EUR => "€10.50". */
    public function format(): string
    {
        throw new \LogicException('Not implemented yet: Money::format()');
    }
}
