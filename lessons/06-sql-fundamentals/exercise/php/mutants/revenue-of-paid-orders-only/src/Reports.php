<?php

declare(strict_types=1);

namespace Exercise;

use PDO;

/**
 * Read-only reports over the shop database (customers, orders, order_items).
 */
final class Reports
{
    public function __construct(private readonly PDO $pdo)
    {
    }

    /**
     * @return list<array{email: string, revenue_cents: int}>
     */
    public function revenueByCustomer(int $minCents): array
    {
        $stmt = $this->pdo->prepare(
            'SELECT c.email, SUM(i.quantity * i.unit_price_cents) AS revenue_cents
               FROM customers AS c
               JOIN orders AS o ON o.customer_id = c.id
               JOIN order_items AS i ON i.order_id = o.id
              WHERE o.status = \'paid\'
              GROUP BY c.id, c.email
             HAVING SUM(i.quantity * i.unit_price_cents) >= :min
              ORDER BY revenue_cents DESC, c.email ASC'
        );
        // execute([...]) would bind the number as TEXT; an aggregate compared
        // with TEXT in SQLite is never >= it, so bind it as an integer.
        $stmt->bindValue('min', $minCents, PDO::PARAM_INT);
        $stmt->execute();

        return array_map(
            static fn (array $row): array => [
                'email' => $row['email'],
                'revenue_cents' => (int) $row['revenue_cents'],
            ],
            $stmt->fetchAll(PDO::FETCH_ASSOC)
        );
    }

    /**
     * @return list<string>
     */
    public function customersWithoutOrders(): array
    {
        $stmt = $this->pdo->query(
            'SELECT c.email
               FROM customers AS c
               LEFT JOIN orders AS o ON o.customer_id = c.id
              WHERE o.id IS NULL
              ORDER BY c.email'
        );

        return $stmt->fetchAll(PDO::FETCH_COLUMN);
    }

    /**
     * @return list<array{email: string, orders: int}>
     */
    public function orderCounts(): array
    {
        $stmt = $this->pdo->query(
            'SELECT c.email, COUNT(o.id) AS orders
               FROM customers AS c
               LEFT JOIN orders AS o ON o.customer_id = c.id
              GROUP BY c.id, c.email
              ORDER BY c.email'
        );

        return array_map(
            static fn (array $row): array => [
                'email' => $row['email'],
                'orders' => (int) $row['orders'],
            ],
            $stmt->fetchAll(PDO::FETCH_ASSOC)
        );
    }

    /**
     * @return list<array{id: int, created_at: string}>
     */
    public function ordersForEmail(string $email): array
    {
        $stmt = $this->pdo->prepare(
            'SELECT o.id, o.created_at
               FROM orders AS o
               JOIN customers AS c ON c.id = o.customer_id
              WHERE c.email = :email
              ORDER BY o.created_at, o.id'
        );
        $stmt->execute(['email' => $email]);

        return array_map(
            static fn (array $row): array => [
                'id' => (int) $row['id'],
                'created_at' => $row['created_at'],
            ],
            $stmt->fetchAll(PDO::FETCH_ASSOC)
        );
    }

    public function createIndexes(): void
    {
        $this->pdo->exec('CREATE INDEX IF NOT EXISTS idx_orders_customer_created ON orders (customer_id, created_at)');
        $this->pdo->exec('CREATE INDEX IF NOT EXISTS idx_order_items_order ON order_items (order_id)');
    }
}
