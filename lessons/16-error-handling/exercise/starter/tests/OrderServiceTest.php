<?php

declare(strict_types=1);

namespace Exercise\Tests;

use Exercise\Errors\OrderFailed;
use Exercise\Errors\ValidationFailed;
use Exercise\OrderService;
use PHPUnit\Framework\TestCase;

final class OrderServiceTest extends TestCase
{
    private \PDO $pdo;
    private OrderService $service;

    protected function setUp(): void
    {
        $this->pdo = new \PDO('sqlite::memory:', null, null, [\PDO::ATTR_ERRMODE => \PDO::ERRMODE_EXCEPTION]);
        $this->pdo->exec('CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL)');
        $this->pdo->exec('CREATE TABLE order_lines (order_id INTEGER NOT NULL REFERENCES orders(id), sku TEXT NOT NULL, quantity INTEGER NOT NULL)');
        // Simulates an infrastructure failure while writing a line (think "disk full").
        $this->pdo->exec("CREATE TRIGGER broken_disk BEFORE INSERT ON order_lines WHEN NEW.sku = 'BROKEN'
            BEGIN SELECT RAISE(ABORT, 'disk I/O error (simulated)'); END");
        $this->service = new OrderService($this->pdo);
    }

    private function rowCount(string $table): int
    {
        return (int) $this->pdo->query("SELECT COUNT(*) FROM $table")->fetchColumn();
    }

    public function testPlacesOrderWithItsLines(): void
    {
        $id = $this->service->place(7, [['sku' => 'A-1', 'quantity' => 2], ['sku' => 'B-2', 'quantity' => 1]]);
        $this->assertSame(1, $this->rowCount('orders'), 'place() must insert one row into orders.');
        $this->assertSame(2, $this->rowCount('order_lines'), 'place() must insert one row per line into order_lines.');
        $this->assertSame(1, $id, 'place() must return the new order id (PDO::lastInsertId()).');
        $this->assertFalse($this->pdo->inTransaction(), 'Commit the transaction after a successful order.');
    }

    public function testFailedLineInsertRollsBackTheOrder(): void
    {
        $thrown = null;
        try {
            $this->service->place(7, [['sku' => 'A-1', 'quantity' => 2], ['sku' => 'BROKEN', 'quantity' => 1]]);
        } catch (\Throwable $e) {
            $thrown = $e;
        }
        $this->assertInstanceOf(OrderFailed::class, $thrown, 'A PDOException inside place() must surface as OrderFailed.');
        $this->assertInstanceOf(\PDOException::class, $thrown->getPrevious(), 'Chain the original: new OrderFailed($message, 0, $pdoException).');
        $this->assertFalse($this->pdo->inTransaction(), 'Roll back the transaction before rethrowing; do not leave it open.');
        $this->assertSame(0, $this->rowCount('orders'), 'The order row must be rolled back when a line insert fails (no half-written orders).');
        $this->assertSame(0, $this->rowCount('order_lines'), 'The lines written before the failure must be rolled back too.');
    }

    public function testEmptyOrderIsAValidationError(): void
    {
        try {
            $this->service->place(7, []);
            $this->fail('An order without lines must throw ValidationFailed.');
        } catch (ValidationFailed $e) {
            $this->assertSame('/lines', $e->errors[0]['pointer'] ?? null, "Point the error at '/lines'.");
        }
        $this->assertSame(0, $this->rowCount('orders'), 'Validate before writing anything to the database.');
    }

    public function testQuantityBelowOneIsAValidationError(): void
    {
        try {
            $this->service->place(7, [['sku' => 'A-1', 'quantity' => 2], ['sku' => 'B-2', 'quantity' => 0]]);
            $this->fail('A quantity below 1 must throw ValidationFailed.');
        } catch (ValidationFailed $e) {
            $this->assertSame('/lines/1/quantity', $e->errors[0]['pointer'] ?? null, "Point the error at the field, e.g. '/lines/1/quantity' for the second line.");
        }
        $this->assertSame(0, $this->rowCount('orders'), 'Validate before writing anything to the database.');
    }
}
