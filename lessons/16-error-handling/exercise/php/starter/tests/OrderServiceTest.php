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
        $this->assertFalse($this->pdo->inTransaction(), 'Call commit() after the last line insert, so the transaction does not stay open.');
    }

    public function testFailedLineInsertRollsBackTheOrder(): void
    {
        $thrown = null;
        try {
            $this->service->place(7, [['sku' => 'A-1', 'quantity' => 2], ['sku' => 'BROKEN', 'quantity' => 1]]);
        } catch (\Throwable $e) {
            $thrown = $e;
        }
        $this->assertInstanceOf(OrderFailed::class, $thrown, 'Wrap a PDOException from place() in OrderFailed: throw new OrderFailed($message, 0, $e).');
        $this->assertInstanceOf(\PDOException::class, $thrown->getPrevious(), 'Chain the original: new OrderFailed($message, 0, $pdoException).');
        $this->assertFalse($this->pdo->inTransaction(), 'Roll back the transaction before rethrowing; do not leave it open.');
        $this->assertSame(0, $this->rowCount('orders'), 'The order row must be rolled back when a line insert fails (no half-written orders).');
        $this->assertSame(0, $this->rowCount('order_lines'), 'The lines written before the failure must be rolled back too.');
    }

    public function testEachOrderGetsItsOwnIdAndLines(): void
    {
        $first = $this->service->place(3, [['sku' => 'A-1', 'quantity' => 1]]);
        $customer = random_int(10, 999);
        $count = random_int(2, 5);
        $lines = [];
        for ($i = 0; $i < $count; $i++) {
            $lines[] = ['sku' => "SKU-$i", 'quantity' => random_int(1, 9)];
        }
        $second = $this->service->place($customer, $lines);

        $this->assertNotSame($first, $second, 'Every order gets a new id: return lastInsertId() read right after inserting the order row, not a fixed number.');
        $stored = $this->pdo->query("SELECT customer_id FROM orders WHERE id = $second")->fetchColumn();
        $this->assertSame($customer, (int) $stored, 'place() must return the id of the order row it inserted (read lastInsertId() before inserting lines, which have their own row ids).');
        $rows = $this->pdo->query("SELECT sku, quantity FROM order_lines WHERE order_id = $second ORDER BY rowid")->fetchAll(\PDO::FETCH_ASSOC);
        $this->assertSame($lines, array_map(static fn (array $r): array => ['sku' => $r['sku'], 'quantity' => (int) $r['quantity']], $rows), 'Each line must be stored with the new order id, its sku and its quantity.');
    }

    public function testAnyFailureInsideTheTransactionRollsBack(): void
    {
        $bug = new \LogicException('price lookup failed (a bug, not a database error)');
        $sku = new class ($bug) {
            public function __construct(private \LogicException $bug)
            {
            }

            public function __toString(): string
            {
                throw $this->bug;
            }
        };
        $thrown = null;
        try {
            $this->service->place(7, [['sku' => 'A-1', 'quantity' => 2], ['sku' => $sku, 'quantity' => 1]]);
        } catch (\Throwable $e) {
            $thrown = $e;
        }

        $this->assertNotNull($thrown, 'A failure inside place() must not be swallowed: roll back, then rethrow it.');
        $this->assertFalse($this->pdo->inTransaction(), 'Roll back on any Throwable, not only on PDOException: catch (\\Throwable $e) { $this->pdo->rollBack(); ... throw ...; }.');
        $this->assertSame(0, $this->rowCount('orders'), 'A failure that is not a PDOException must roll back the order row too (catch Throwable for the rollback).');
        $this->assertSame($bug, $thrown, 'Rethrow an exception that is not a PDOException unchanged (throw $e;): only a PDOException is an infrastructure failure to wrap in OrderFailed; wrapping a bug hides what it is.');
    }

    public function testAnEngineErrorInsideTheTransactionRollsBackToo(): void
    {
        $bug = new \TypeError('strlen(): Argument #1 must be of type string, array given');
        $sku = new class ($bug) {
            public function __construct(private \TypeError $bug)
            {
            }

            public function __toString(): string
            {
                throw $this->bug;
            }
        };
        $thrown = null;
        try {
            $this->service->place(7, [['sku' => 'A-1', 'quantity' => 2], ['sku' => $sku, 'quantity' => 1]]);
        } catch (\Throwable $e) {
            $thrown = $e;
        }

        $this->assertSame($bug, $thrown, 'An \\Error (here a TypeError) inside place() must reach the caller unchanged.');
        $this->assertFalse($this->pdo->inTransaction(), 'A TypeError is an \\Error, not an \\Exception: catch (\\Exception $e) misses it and leaves the transaction open. Catch \\Throwable for the rollback.');
        $this->assertSame(0, $this->rowCount('orders'), 'An \\Error inside the transaction must roll back the order row too: catch \\Throwable, not \\Exception.');
    }

    public function testOnlyADatabaseErrorIsWrappedInOrderFailed(): void
    {
        // Not database errors, though each has a code or is a RuntimeException like PDOException.
        $failures = [
            new \RuntimeException('pricing service timed out', 504),
            new \UnexpectedValueException('currency feed sent garbage', 7),
            new \OverflowException('stock counter overflow'),
            new \ErrorException('Undefined array key "price"', 0, E_WARNING),
        ];
        foreach ($failures as $bug) {
            $sku = new class ($bug) {
                public function __construct(private \Throwable $bug)
                {
                }

                public function __toString(): string
                {
                    throw $this->bug;
                }
            };
            $thrown = null;
            try {
                $this->service->place(7, [['sku' => 'A-1', 'quantity' => 2], ['sku' => $sku, 'quantity' => 1]]);
            } catch (\Throwable $e) {
                $thrown = $e;
            }
            $this->assertFalse($this->pdo->inTransaction(), 'Roll back on any Throwable before deciding what to throw.');
            $this->assertSame(0, $this->rowCount('orders'), 'A ' . get_class($bug) . ' inside the transaction must roll back the order row.');
            $this->assertSame($bug, $thrown, 'A ' . get_class($bug) . ' (code ' . var_export($bug->getCode(), true) . ') is not a database error: rethrow it unchanged. '
                . 'Wrap only a \PDOException (check instanceof \PDOException, not \RuntimeException, which PDOException extends, and not a non-zero code).');
        }

        try {
            $this->service->place(7, [['sku' => 'A-1', 'quantity' => 2], ['sku' => 'BROKEN', 'quantity' => 1]]);
            $this->fail('The failing line insert must throw.');
        } catch (OrderFailed $e) {
            $this->assertInstanceOf(\PDOException::class, $e->getPrevious(), 'A database error is still wrapped in OrderFailed with the PDOException as $previous.');
        }
    }

    public function testEmptyOrderIsAValidationError(): void
    {
        try {
            $this->service->place(7, []);
            $this->fail('Check the lines before writing: an empty list throws ValidationFailed with pointer /lines.');
        } catch (ValidationFailed $e) {
            $this->assertSame('/lines', $e->errors[0]['pointer'] ?? null, "Point the error at '/lines'.");
        }
        $this->assertFalse($this->pdo->inTransaction(), 'Validate before beginTransaction(): a validation error must not leave a transaction open.');
        $this->assertSame(0, $this->rowCount('orders'), 'Validate before writing anything to the database.');
    }

    public function testQuantityBelowOneIsAValidationError(): void
    {
        try {
            $this->service->place(7, [['sku' => 'A-1', 'quantity' => 2], ['sku' => 'B-2', 'quantity' => 0]]);
            $this->fail('Check every line before writing: a quantity below 1 throws ValidationFailed.');
        } catch (ValidationFailed $e) {
            $this->assertSame('/lines/1/quantity', $e->errors[0]['pointer'] ?? null, "Point the error at the field, e.g. '/lines/1/quantity' for the second line.");
        }
        $this->assertSame(0, $this->rowCount('orders'), 'Validate before writing anything to the database.');
        try {
            $this->service->place(7, [['sku' => 'A-1', 'quantity' => 1]]);
        } catch (ValidationFailed) {
            $this->fail('A quantity of exactly 1 is valid: reject only quantities below 1.');
        }
        $this->assertSame(1, $this->rowCount('orders'), 'A valid order placed after a rejected one must be stored.');
    }

    public function testQuantityMustBeAWholeNumberOfAtLeastOne(): void
    {
        // Lines come from decoded JSON: a quantity can arrive as any type, or not at all.
        $invalid = [
            'the string "abc"' => 'abc', 'the numeric string "2"' => '2', 'the numeric string "1"' => '1',
            'the string " 3"' => ' 3', 'an empty string' => '', 'the fraction 1.5' => 1.5, 'the fraction 0.5' => 0.5,
            'the fraction 7.25' => 7.25, 'null' => null, 'true' => true, 'false' => false, 'a list [1]' => [1],
            'zero' => 0, 'a negative number' => -4, 'a missing quantity' => 'MISSING',
        ];
        mt_srand(1616);
        foreach ($invalid as $what => $quantity) {
            $count = mt_rand(2, 5);
            $bad = mt_rand(0, $count - 1);
            $lines = [];
            for ($i = 0; $i < $count; $i++) {
                $lines[] = ['sku' => "SKU-$i", 'quantity' => mt_rand(1, 9)];
            }
            if ($quantity === 'MISSING') {
                unset($lines[$bad]['quantity']);
            } else {
                $lines[$bad]['quantity'] = $quantity;
            }
            try {
                $this->service->place(7, $lines);
                $this->fail("A quantity that is $what was accepted: only a whole number (an int) of at least 1 is valid; "
                    . 'check is_int($quantity) && $quantity >= 1 for every line and throw ValidationFailed otherwise.');
            } catch (ValidationFailed $e) {
                $this->assertSame(["/lines/$bad/quantity"], array_column($e->errors, 'pointer'),
                    "A quantity that is $what on line $bad must give exactly one error, pointing at /lines/$bad/quantity.");
            } catch (\Throwable $e) {
                $this->fail("A quantity that is $what made place() throw " . get_class($e) . ' (' . $e->getMessage() . ') '
                    . 'instead of ValidationFailed: it is invalid input, so check the type (is_int) before comparing or writing it.');
            }
            $this->assertSame(0, $this->rowCount('orders'),
                "A quantity that is $what must be refused before anything is written to the database.");
        }

        $placed = 0;
        foreach ([1, 3, 250, 100000] as $quantity) {
            try {
                $this->service->place(7, [['sku' => 'OK-1', 'quantity' => 1], ['sku' => 'OK-2', 'quantity' => $quantity]]);
            } catch (ValidationFailed) {
                $this->fail("The whole number $quantity is a valid quantity: refuse only values that are not an int or are below 1.");
            }
            $placed++;
        }
        $this->assertSame($placed, $this->rowCount('orders'), 'Every order with whole quantities of at least 1 must be stored.');
        $this->assertSame([1, 3, 250, 100000], array_map('intval',
            $this->pdo->query("SELECT quantity FROM order_lines WHERE sku = 'OK-2' ORDER BY rowid")->fetchAll(\PDO::FETCH_COLUMN)),
            'Store each valid quantity as given.');
    }

    public function testEveryInvalidLineIsReported(): void
    {
        $count = random_int(4, 8);
        $lines = [];
        $expected = [];
        for ($i = 0; $i < $count; $i++) {
            $bad = $i % 2 === 1 || random_int(0, 2) === 0;
            $lines[] = ['sku' => "SKU-$i", 'quantity' => $bad ? random_int(-3, 0) : random_int(1, 5)];
            if ($bad) {
                $expected[] = "/lines/$i/quantity";
            }
        }
        try {
            $this->service->place(7, $lines);
            $this->fail('Check every line before writing: a quantity below 1 throws ValidationFailed.');
        } catch (ValidationFailed $e) {
            $this->assertSame($expected, array_column($e->errors, 'pointer'), 'Report every invalid line, each with its own index in the pointer (/lines/{index}/quantity), so the client can fix them all at once.');
        }
    }
}
