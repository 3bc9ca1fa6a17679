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
     * @param list<array{sku: string, quantity: int}> $lines
     */
    public function place(int $customerId, array $lines): int
    {
        $this->validate($lines);

        $this->pdo->beginTransaction();
        try {
            $this->pdo->prepare('INSERT INTO orders (customer_id) VALUES (?)')->execute([$customerId]);
            $orderId = (int) $this->pdo->lastInsertId();

            $insertLine = $this->pdo->prepare('INSERT INTO order_lines (order_id, sku, quantity) VALUES (?, ?, ?)');
            foreach ($lines as $line) {
                $insertLine->execute([$orderId, $line['sku'], $line['quantity']]);
            }

            $this->pdo->commit();
            return $orderId;
        } catch (\PDOException $e) {
            $this->pdo->rollBack();
            throw new OrderFailed("Could not place order for customer $customerId", 0, $e);
        }
    }

    /** @param list<array{sku: string, quantity: int}> $lines */
    private function validate(array $lines): void
    {
        if ($lines === []) {
            throw new ValidationFailed([['pointer' => '/lines', 'detail' => 'must contain at least one line']]);
        }

        $errors = [];
        foreach ($lines as $i => $line) {
            // Decoded JSON can hold any type: only a whole number (an int) of at least 1 is a quantity.
            $quantity = $line['quantity'] ?? null;
            if (!is_int($quantity) || $quantity < 1) {
                $errors[] = ['pointer' => "/lines/$i/quantity", 'detail' => 'must be a whole number of at least 1'];
            }
        }
        if ($errors !== []) {
            throw new ValidationFailed($errors);
        }
    }
}
