<?php

declare(strict_types=1);

namespace Exercise;

/**
 * Stores orders with PDO. Written for SQLite; the SQL is deliberately portable.
 */
final class OrderRepository
{
    public function __construct(
        private readonly \PDO $pdo,
        private readonly Clock $clock,
    ) {
    }

    public function createSchema(): void
    {
        $this->pdo->exec('CREATE TABLE IF NOT EXISTS orders (
            id INTEGER PRIMARY KEY,
            customer_id INTEGER NOT NULL,
            status TEXT NOT NULL CHECK (status IN (\'open\', \'paid\', \'cancelled\')),
            total_cents INTEGER NOT NULL CHECK (total_cents >= 0),
            placed_at TEXT NOT NULL
        )');
    }

    /** Inserts an order placed "now" (per the injected clock) and returns its id. */
    public function add(int $customerId, string $status, int $totalCents): int
    {
        $stmt = $this->pdo->prepare(
            'INSERT INTO orders (customer_id, status, total_cents, placed_at) VALUES (?, ?, ?, ?)'
        );
        $stmt->execute([$customerId, $status, $totalCents, $this->clock->now()->format(DATE_ATOM)]);

        return (int) $this->pdo->lastInsertId();
    }

    /**
     * A customer's orders, newest first; only those with $status when it is given.
     *
     * @return list<array{id: int, customer_id: int, status: string, total_cents: int, placed_at: string}>
     */
    public function findByCustomer(int $customerId, ?string $status = null): array
    {
        $sql = 'SELECT id, customer_id, status, total_cents, placed_at FROM orders WHERE customer_id = :customer';
        $params = ['customer' => $customerId];
        if ($status !== null) {
            $sql .= ' AND status = :status';
            $params['status'] = $status;
        }
        $stmt = $this->pdo->prepare($sql . ' ORDER BY placed_at ASC, id ASC');
        $stmt->execute($params);

        return array_map(static fn(array $row): array => [
            'id' => (int) $row['id'],
            'customer_id' => (int) $row['customer_id'],
            'status' => (string) $row['status'],
            'total_cents' => (int) $row['total_cents'],
            'placed_at' => (string) $row['placed_at'],
        ], $stmt->fetchAll(\PDO::FETCH_ASSOC));
    }
}
