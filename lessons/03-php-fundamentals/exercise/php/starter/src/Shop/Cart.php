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

    /**
     * Adds a line of $quantity items at $unitPrice.
     * Throws \InvalidArgumentException when $quantity < 1 and
     * \DomainException when the price is not in the cart's currency.
     */
    public function add(Money $unitPrice, int $quantity = 1): void
    {
        throw new \LogicException('Not implemented yet: Cart::add()');
    }

    /** Sum of all lines; an empty cart is 0 in the cart's currency. */
    public function subtotal(): Money
    {
        throw new \LogicException('Not implemented yet: Cart::subtotal()');
    }

    /**
     * The subtotal after an optional discount code, chosen with `match`:
     *   null        => no discount
     *   'WELCOME10' => 10% off, the result rounded half-up to the cent
     *   anything else => \InvalidArgumentException
     */
    public function total(?string $discountCode = null): Money
    {
        throw new \LogicException('Not implemented yet: Cart::total()');
    }
}
