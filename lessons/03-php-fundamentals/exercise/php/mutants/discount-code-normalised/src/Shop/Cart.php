<?php

declare(strict_types=1);

namespace Exercise\Shop;

/**
 * A shopping cart in a single currency.
 */
final class Cart
{
    /** @var list<Money> line totals (unit price x quantity) */
    private array $lines = [];

    public function __construct(private readonly Currency $currency)
    {
    }

    public function add(Money $unitPrice, int $quantity = 1): void
    {
        if ($quantity < 1) {
            throw new \InvalidArgumentException('Quantity must be at least 1.');
        }
        if ($unitPrice->currency !== $this->currency) {
            throw new \DomainException('The price must be in the cart currency ' . $this->currency->value . '.');
        }

        $this->lines[] = $unitPrice->multiply($quantity);
    }

    public function subtotal(): Money
    {
        return array_reduce(
            $this->lines,
            fn(Money $sum, Money $line): Money => $sum->add($line),
            new Money(0, $this->currency),
        );
    }

    public function total(?string $discountCode = null): Money
    {
        $subtotal = $this->subtotal();

        // Be forgiving: customers type codes in any case, with stray spaces.
        $percentOff = match ($discountCode === null ? null : strtoupper(trim($discountCode))) {
            null => 0,
            'WELCOME10' => 10,
            default => throw new \InvalidArgumentException('Unknown discount code.'),
        };

        // Integer arithmetic: (cents * (100 - p) + 50) / 100 rounds half-up
        // for non-negative amounts, without any float rounding error.
        $cents = intdiv($subtotal->cents * (100 - $percentOff) + 50, 100);

        return new Money($cents, $this->currency);
    }
}
