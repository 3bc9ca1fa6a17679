<?php

declare(strict_types=1);

namespace Exercise;

/**
 * The same repository as src/OrderRepository.php, written differently (positional
 * parameters, a WHERE list). The check runs your suite against it too.
 */
final class OrderRepository
{
    private const COLUMNS = 'id, customer_id, status, total_cents, placed_at';

    public function __construct(
        private readonly \PDO $pdo,
        private readonly Clock $clock,
    ) {
    }

    public function createSchema(): void
    {
        $this->pdo->exec(<<<'SQL'
            CREATE TABLE IF NOT EXISTS orders (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                customer_id INTEGER NOT NULL,
                status TEXT NOT NULL CHECK (status IN ('open', 'paid', 'cancelled')),
                total_cents INTEGER NOT NULL CHECK (total_cents >= 0),
                placed_at TEXT NOT NULL
            )
            SQL);
    }

    public function add(int $customerId, string $status, int $totalCents): int
    {
        $placedAt = $this->clock->now()->format('Y-m-d\TH:i:sP');
        $this->pdo
            ->prepare('INSERT INTO orders (placed_at, total_cents, status, customer_id) VALUES (?, ?, ?, ?)')
            ->execute([$placedAt, $totalCents, $status, $customerId]);

        return (int) $this->pdo->lastInsertId();
    }

    /** @return list<array{id: int, customer_id: int, status: string, total_cents: int, placed_at: string}> */
    public function findByCustomer(int $customerId, ?string $status = null): array
    {
        $where = ['customer_id = ?'];
        $args = [$customerId];
        if (is_string($status)) {
            $where[] = 'status = ?';
            $args[] = $status;
        }
        $query = $this->pdo->prepare(sprintf(
            'SELECT %s FROM orders WHERE %s ORDER BY placed_at DESC, id DESC',
            self::COLUMNS,
            implode(' AND ', $where),
        ));
        $query->execute($args);

        $orders = [];
        while (($row = $query->fetch(\PDO::FETCH_ASSOC)) !== false) {
            $orders[] = [
                'id' => (int) $row['id'],
                'customer_id' => (int) $row['customer_id'],
                'status' => (string) $row['status'],
                'total_cents' => (int) $row['total_cents'],
                'placed_at' => (string) $row['placed_at'],
            ];
        }

        return $orders;
    }
}
