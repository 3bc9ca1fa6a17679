<?php

declare(strict_types=1);

namespace Exercise\Shop;

/**
 * An amount of money in integer cents, in one currency. Immutable.
 */
final readonly class Money
{
    public function __construct(
        public int $cents,
        public Currency $currency,
    ) {
    }

    public function add(Money $other): Money
    {
        if ($other->currency !== $this->currency) {
            throw new \DomainException(sprintf(
                'Cannot add %s to %s.',
                $other->currency->value,
                $this->currency->value,
            ));
        }

        return new Money($this->cents + $other->cents, $this->currency);
    }

    public function multiply(int $factor): Money
    {
        return new Money($this->cents * $factor, $this->currency);
    }

    public function format(): string
    {
        $sign = $this->cents < 0 ? '-' : '';
        $absolute = abs($this->cents);

        return sprintf('%s%s%d.%02d', $sign, $this->currency->symbol(), intdiv($absolute, 100), $absolute % 100);
    }
}
