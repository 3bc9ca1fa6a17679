<?php

declare(strict_types=1);

namespace Exercise;

use Exercise\Errors\OrderFailed;
use Exercise\Errors\ValidationFailed;

final class OrderService
{
    public function __construct(private readonly \PDO $pdo)
    {
    }

    /**
     * Inserts one row into `orders` (customer_id) and one row per line into
     * `order_lines` (order_id, sku, quantity), all in ONE transaction, and
     * returns the new order id.
     *
     * - No lines, or a quantity that is not a whole number of at least 1 (below 1, missing,
     *   1.5, "2", "abc", null ...): throw ValidationFailed (before touching the database),
     *   with pointers such as '/lines' or '/lines/1/quantity'.
     * - Any failure inside the transaction (any \Throwable): roll back. Then wrap a \PDOException
     *   in OrderFailed (the PDOException as $previous) and rethrow anything else unchanged.
     *
     * @param list<array{sku: string, quantity: int}> $lines
     */
    public function place(int $customerId, array $lines): int
    {
        throw new \LogicException('Not implemented yet: OrderService::place()');
    }
}
