<?php

declare(strict_types=1);

namespace Exercise;

use PDO;

/**
 * Read-only reports over the shop database (customers, orders, order_items).
 *
 * Rules for every method:
 * - Write the SQL yourself; list the columns you need (no SELECT *).
 * - Never put a PHP variable inside an SQL string: use prepare() + execute()
 *   with placeholders for values.
 * - Return plain PHP arrays exactly in the shape described in each docblock.
 */
final class Reports
{
    public function __construct(private readonly PDO $pdo)
    {
    }

    /**
     * Total revenue per customer (sum of quantity * unit_price_cents over all
     * of their order items), for customers who bought at least one item and
     * whose total is at least $minCents. Sorted by revenue, highest first; ties by email ascending.
     *
     * @return list<array{email: string, revenue_cents: int}>
     */
    public function revenueByCustomer(int $minCents): array
    {
        throw new \LogicException('Not implemented yet: revenueByCustomer()');
    }

    /**
     * Emails of customers who have never placed an order, sorted ascending.
     *
     * @return list<string>
     */
    public function customersWithoutOrders(): array
    {
        throw new \LogicException('Not implemented yet: customersWithoutOrders()');
    }

    /**
     * Every customer with their number of orders (0 when they have none),
     * sorted by email ascending.
     *
     * @return list<array{email: string, orders: int}>
     */
    public function orderCounts(): array
    {
        throw new \LogicException('Not implemented yet: orderCounts()');
    }

    /**
     * The orders of the customer with exactly this email (no wildcards, case
     * as given), oldest first (created_at, then id). Unknown email: empty array.
     *
     * @return list<array{id: int, created_at: string}>
     */
    public function ordersForEmail(string $email): array
    {
        throw new \LogicException('Not implemented yet: ordersForEmail()');
    }

    /**
     * Create the indexes these reports need: at least one that lets
     * "... FROM orders WHERE customer_id = ?" seek instead of scanning.
     * Must be safe to call twice.
     */
    public function createIndexes(): void
    {
        throw new \LogicException('Not implemented yet: createIndexes()');
    }
}
